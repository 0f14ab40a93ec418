package vn.citytwin.ogc.wms;

import java.util.List;
import java.util.Map;
import vn.citytwin.catalog.Layer;
import vn.citytwin.features.TimeExtent;
import vn.citytwin.query.BBox;

/**
 * Everything capabilities say about one layer.
 *
 * @param wgs84 {minLon, minLat, maxLon, maxLat}, or null for a layer without data
 * @param boxes the extent in every supported CRS (x east, y north); empty without data
 * @param time the time dimension, or null when the layer is not time-enabled
 * @param styles the layer's styles, default first, with legend sizes
 */
record LayerInfo(Layer layer, double[] wgs84, Map<WmsCrs, BBox> boxes, TimeExtent time, List<StyleEntry> styles) {

  /** A style with the pixel size of its GetLegendGraphic image. */
  record StyleEntry(NamedStyle style, int legendWidth, int legendHeight) {}
}
