package vn.citytwin.features;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.BBox;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.scenario.ScenarioSource;

/**
 * The SQL of map drawing and identification (WMS GetMap and GetFeatureInfo), wrapping the one read path ({@link FeatureSql#select}): PostGIS transforms the features to
 * the map CRS, clips them to the map box grown by a margin (so huge polygons do not travel whole) and simplifies
 * them to half a pixel, and sends WKB. Result columns: the query's output columns in order, then
 * {@code scenario_status}, then the WKB geometry (and, for feature info, the EPSG:4326 WKB and the distance in
 * map units to the clicked point).
 */
public final class MapSql {
  private MapSql() {}

  /**
   * Features to draw.
   *
   * @param clip the box to clip to, in the map CRS (x east, y north)
   * @param tolerance simplification tolerance in map CRS units (0 for none)
   * @param limit the most rows to return
   */
  public static SqlStatement draw(LayerQuery q, int srid, BBox clip, double tolerance, int limit) {
    Layer layer = q.layer();
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    appendColumns(sql, q);
    String g = "q." + Sql.ident(layer.geometryColumn());
    String expr = srid == 4326 ? g : "ST_Transform(" + g + ", " + srid + ")";
    if (!layer.geometryKind().isPoint()) {
      expr = "ST_ClipByBox2D(" + expr + ", ST_MakeEnvelope(?, ?, ?, ?, " + srid + ")::box2d)";
      params.add(clip.minX());
      params.add(clip.minY());
      params.add(clip.maxX());
      params.add(clip.maxY());
      if (tolerance > 0) {
        expr = "ST_Simplify(" + expr + ", ?, true)";
        params.add(tolerance);
      }
    }
    sql.append("ST_AsBinary(").append(expr).append(") FROM (");
    SqlStatement inner = FeatureSql.select(q);
    sql.append(inner.sql()).append(") q LIMIT ?");
    // the inner statement's parameters come after the select-list ones, as their placeholders do
    List<Object> all = new ArrayList<>(params);
    all.addAll(inner.params());
    all.add(limit);
    return new SqlStatement(sql.toString(), all);
  }

  /**
   * Features around a clicked point, nearest first: the query's bbox is the tolerance box, {@code (x, y)} the
   * click in the map CRS.
   */
  public static SqlStatement info(LayerQuery q, int srid, double x, double y, int limit) {
    Layer layer = q.layer();
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    appendColumns(sql, q);
    String g = "q." + Sql.ident(layer.geometryColumn());
    String mapGeom = srid == 4326 ? g : "ST_Transform(" + g + ", " + srid + ")";
    sql.append("ST_AsBinary(").append(mapGeom).append("), ST_AsBinary(").append(g).append("), ST_Distance(")
        .append(mapGeom).append(", ST_SetSRID(ST_MakePoint(?, ?), ").append(srid).append(")) AS d FROM (");
    params.add(x);
    params.add(y);
    SqlStatement inner = FeatureSql.select(q);
    sql.append(inner.sql()).append(") q ORDER BY d");
    if (layer.idColumn() != null) {
      sql.append(", q.").append(Sql.ident(layer.idColumn()));
    }
    sql.append(" LIMIT ?");
    params.addAll(inner.params());
    params.add(limit);
    return new SqlStatement(sql.toString(), params);
  }

  private static void appendColumns(StringBuilder sql, LayerQuery q) {
    for (String c : FeatureSql.outputColumns(q)) {
      sql.append("q.").append(Sql.ident(c)).append(", ");
    }
    sql.append("q.").append(ScenarioSource.STATUS_COLUMN).append(", ");
  }
}
