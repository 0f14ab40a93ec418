package vn.citytwin.tiles;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.query.TileEnvelope;
import vn.citytwin.scenario.ScenarioSource;

/**
 * One SQL statement for a whole (multi-layer) Mapbox vector tile, built in PostGIS: the features of each layer come
 * from the one read path ({@link FeatureSql}), are transformed to EPSG:3857, simplified to a tile unit, stripped of
 * features smaller than a pixel, clipped and quantised by {@code ST_AsMVTGeom} against {@code ST_TileEnvelope}, and
 * encoded by {@code ST_AsMVT}; the layers' tiles are concatenated (a valid MVT is a concatenation of layers).
 */
final class MvtSql {
  static final int EXTENT = 4096;
  static final int BUFFER = 64;
  /** Margin of the query box around the tile (the MVT buffer, as a fraction of the tile). */
  static final double MARGIN = (double) BUFFER / EXTENT;

  private MvtSql() {}

  static SqlStatement build(TileRequest r) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    int included = 0;
    for (Layer layer : r.layers()) {
      if (r.tile().z() < layer.meta().minZoom() || r.tile().z() > layer.meta().maxZoom()) {
        continue; // outside the layer's zoom range: it contributes nothing
      }
      if (included++ > 0) {
        sql.append(" || ");
      }
      appendLayer(sql, params, layer, r);
    }
    if (included == 0) {
      sql.append("''::bytea");
    }
    return new SqlStatement(sql.toString(), params);
  }

  private static void appendLayer(StringBuilder sql, List<Object> params, Layer layer, TileRequest r) {
    List<String> props = r.properties() != null ? r.properties()
        : layer.tileFields().stream().map(Field::name).toList();
    LayerQuery query = LayerQuery.of(layer)
        .scenario(r.scenario())
        .tile(new TileEnvelope(r.tile().z(), r.tile().x(), r.tile().y(), MARGIN))
        .filter(r.filter())
        .time(layer.isTimeEnabled() ? r.time() : null)
        .properties(props.stream().filter(p -> layer.field(p).isPresent()).toList())
        .build();
    List<String> columns = FeatureSql.outputColumns(query);
    String geom = Sql.ident(layer.geometryColumn());
    double unit = r.tile().sizeMetres() / EXTENT;
    double pixel = r.tile().sizeMetres() / 256;

    sql.append("COALESCE((SELECT ST_AsMVT(t, ?, ").append(EXTENT).append(", 'mvt_geom'");
    params.add(layer.id());
    if (layer.idColumn() != null) {
      sql.append(", ?");
      params.add(layer.idColumn());
    }
    sql.append(") FROM (SELECT ");
    for (String c : columns) {
      sql.append("q.").append(Sql.ident(c)).append(", ");
    }
    if (!r.scenario().isBase()) {
      sql.append("q.").append(ScenarioSource.STATUS_COLUMN).append(", ");
    }
    sql.append("ST_AsMVTGeom(q.g, ST_TileEnvelope(?, ?, ?), ").append(EXTENT).append(", ").append(BUFFER)
        .append(", true) AS mvt_geom FROM (SELECT q0.*, ");
    params.add(r.tile().z());
    params.add(r.tile().x());
    params.add(r.tile().y());
    if (layer.geometryKind().isPoint()) {
      sql.append("ST_Transform(q0.").append(geom).append(", 3857)");
    } else {
      sql.append("ST_Simplify(ST_Transform(q0.").append(geom).append(", 3857), ?, true)");
      params.add(unit);
    }
    sql.append(" AS g FROM (");
    SqlStatement features = FeatureSql.select(query);
    sql.append(features.sql()).append(") q0) q");
    params.addAll(features.params());
    // Features smaller than a pixel cannot be seen: drop them instead of shipping slivers.
    if (layer.geometryKind().isPolygon()) {
      sql.append(" WHERE ST_Area(q.g) >= ?");
      params.add(pixel * pixel * 0.25);
    } else if (layer.geometryKind().isLine()) {
      sql.append(" WHERE ST_Length(q.g) >= ?");
      params.add(pixel * 0.5);
    }
    sql.append(") t WHERE t.mvt_geom IS NOT NULL), ''::bytea)");
  }
}
