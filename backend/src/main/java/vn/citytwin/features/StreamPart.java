package vn.citytwin.features;

import vn.citytwin.filter.CrsName;
import vn.citytwin.query.LayerQuery;

/**
 * One query of a stream: which features (the query's limit and offset are ignored: the stream pages), in which
 * output CRS, with or without geometry.
 */
public record StreamPart(LayerQuery query, FeatureColumns columns, CrsName crs, boolean withGeometry) {

  public static StreamPart of(LayerQuery query, CrsName crs, boolean withGeometry) {
    return new StreamPart(query, FeatureColumns.of(query), crs, withGeometry);
  }
}
