package vn.citytwin.tiles3d;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;

/**
 * The two statements of the 3D Tiles service, both wrapped round the one read path ({@link FeatureSql#select}),
 * so scenario, filter and time apply exactly as on every other endpoint:
 * <ul>
 *   <li>{@link #cellStats}: one aggregate over the layer, grouped by the fine quadtree cell of each building
 *       (count, footprint box union, lowest ground, highest top) — what {@link TileTreeBuilder} cuts the tree from;
 *   <li>{@link #leafBuildings}: the buildings of one leaf (footprint as WKB, ground and extrusion height), ordered
 *       by id so the content is byte-for-byte reproducible.
 * </ul>
 * A building's cell is computed by the same SQL expression in both (see {@link QuadCell#fineColumn}), on the centre
 * of its footprint's bounding box, so every building lands in exactly one leaf. Heights: extrusion height is the
 * height column, else levels × {@value ExtrudedLayer#STOREY_HEIGHT_M} m; ground is {@code ground_elev} (0 when
 * null) plus the geoid undulation, i.e. metres above the ellipsoid. Rows without a positive height or without a
 * polygonal geometry are left out of both. Every value is a bound parameter; identifiers come from the catalog.
 */
final class Tiles3dSql {
  private static final String Q = "q";

  private Tiles3dSql() {}

  /**
   * Statistics per fine cell. Columns: column, row, count, west, south, east, north (degrees), min ground, max top
   * (metres above the ellipsoid).
   *
   * @param query the layer query (scenario, filter, time; no bbox needed)
   */
  static SqlStatement cellStats(ExtrudedLayer layer, LayerQuery query, int fineLevel, double geoidM) {
    List<Object> params = new ArrayList<>();
    String g = Q + "." + Sql.ident(layer.layer().geometryColumn());
    StringBuilder sql = new StringBuilder("SELECT k.col, k.row, count(*), min(k.x0), min(k.y0), max(k.x1), "
        + "max(k.y1), min(k.gnd), max(k.gnd + k.h) FROM (SELECT ");
    sql.append(columnExpr(g, fineLevel, params)).append(" AS col, ");
    sql.append(rowExpr(g, fineLevel, params)).append(" AS row, ");
    sql.append("ST_XMin(").append(g).append(") AS x0, ST_YMin(").append(g).append(") AS y0, ST_XMax(").append(g)
        .append(") AS x1, ST_YMax(").append(g).append(") AS y1, ");
    sql.append(groundExpr(layer, params, geoidM)).append(" AS gnd, ").append(heightExpr(layer)).append(" AS h");
    appendSource(sql, params, query);
    sql.append(" WHERE ").append(polygonal(g)).append(") k WHERE k.h > 0 GROUP BY k.col, k.row");
    return new SqlStatement(sql.toString(), params);
  }

  /**
   * The buildings of a leaf. Columns: {@link FeatureSql#outputColumns} of the query, then scenario status,
   * footprint WKB (EPSG:4326 lon/lat), ground (metres above the ellipsoid) and extrusion height (metres).
   *
   * @param query the layer query with a bbox covering every footprint of the leaf (the leaf's region), so the
   *     spatial index applies; the cell predicate then picks exactly the leaf's buildings
   */
  static SqlStatement leafBuildings(ExtrudedLayer layer, LayerQuery query, QuadCell cell, int fineLevel,
      double geoidM) {
    List<Object> params = new ArrayList<>();
    String g = Q + "." + Sql.ident(layer.layer().geometryColumn());
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String c : FeatureSql.outputColumns(query)) {
      sql.append(Q).append('.').append(Sql.ident(c)).append(", ");
    }
    sql.append(Q).append('.').append(ExtrudedLayer.STATUS).append(", ST_AsBinary(").append(g).append("), ");
    sql.append(groundExpr(layer, params, geoidM)).append(", ");
    String height = heightExpr(layer);
    sql.append(height);
    appendSource(sql, params, query);
    sql.append(" WHERE ").append(polygonal(g)).append(" AND ").append(height).append(" > 0 AND ");
    long span = 1L << (fineLevel - cell.z());
    sql.append(columnExpr(g, fineLevel, params)).append(" BETWEEN ? AND ?");
    params.add(cell.firstColumnAt(fineLevel));
    params.add(cell.firstColumnAt(fineLevel) + span - 1);
    sql.append(" AND ").append(rowExpr(g, fineLevel, params)).append(" BETWEEN ? AND ?");
    params.add(cell.firstRowAt(fineLevel));
    params.add(cell.firstRowAt(fineLevel) + span - 1);
    if (layer.layer().idColumn() != null) {
      sql.append(" ORDER BY ").append(Q).append('.').append(Sql.ident(layer.layer().idColumn()));
    }
    return new SqlStatement(sql.toString(), params);
  }

  private static void appendSource(StringBuilder sql, List<Object> params, LayerQuery query) {
    SqlStatement features = FeatureSql.select(query);
    sql.append(" FROM (").append(features.sql()).append(") ").append(Q);
    params.addAll(features.params());
  }

  /** Fine column of the footprint box centre, clamped into the grid. One bound parameter. */
  private static String columnExpr(String g, int fineLevel, List<Object> params) {
    params.add(QuadCell.cellsPerDegree(fineLevel));
    return "LEAST(GREATEST(floor(((ST_XMin(" + g + ") + ST_XMax(" + g + ")) * 0.5 + 180) * ?), 0), "
        + (QuadCell.columns(fineLevel) - 1) + ")::bigint";
  }

  /** Fine row (counted southwards from +90°) of the footprint box centre, clamped into the grid. One parameter. */
  private static String rowExpr(String g, int fineLevel, List<Object> params) {
    params.add(QuadCell.cellsPerDegree(fineLevel));
    return "LEAST(GREATEST(floor((90 - (ST_YMin(" + g + ") + ST_YMax(" + g + ")) * 0.5) * ?), 0), "
        + (QuadCell.rows(fineLevel) - 1) + ")::bigint";
  }

  private static String polygonal(String g) {
    return "GeometryType(" + g + ") IN ('POLYGON', 'MULTIPOLYGON')";
  }

  /** Extrusion height in metres (NULL when unknown). */
  static String heightExpr(ExtrudedLayer layer) {
    String h = layer.heightColumn() == null ? null
        : "CAST(" + Q + "." + Sql.ident(layer.heightColumn()) + " AS double precision)";
    String l = layer.levelsColumn() == null ? null
        : "CAST(" + Q + "." + Sql.ident(layer.levelsColumn()) + " AS double precision) * "
            + ExtrudedLayer.STOREY_HEIGHT_M;
    if (h != null && l != null) {
      return "COALESCE(" + h + ", " + l + ")";
    }
    return h != null ? h : l;
  }

  /** Ground in metres above the ellipsoid. One bound parameter (the geoid undulation). */
  private static String groundExpr(ExtrudedLayer layer, List<Object> params, double geoidM) {
    params.add(geoidM);
    if (layer.groundColumn() == null) {
      return "CAST(? AS double precision)";
    }
    return "(COALESCE(CAST(" + Q + "." + Sql.ident(layer.groundColumn()) + " AS double precision), 0) + ?)";
  }
}
