package vn.citytwin.scenario;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;

/**
 * The row source of a layer in a scenario's city, as SQL for a FROM clause. For the base city it is the table; for
 * a scenario it is the table minus every feature an edit in the chain touches, plus the nearest edit's state of
 * each added or modified feature. Columns: the id column, every attribute column (typed as in the table), the
 * geometry column (EPSG:4326) and {@code scenario_status} ('base', 'add', 'modify').
 *
 * <p>Identifiers come from the catalog; the layer id and the chain are bound parameters.
 *
 * <p>Only the read path uses this directly ({@code query.FeatureSql}); every capability, planning included, reads
 * a layer through {@code FeatureSql.select} or {@code FeatureSql.source}, so that what the read path decides holds
 * for every reader.
 */
public final class ScenarioSource {
  /** Name of the computed column that tells where a row comes from. */
  public static final String STATUS_COLUMN = "scenario_status";

  private ScenarioSource() {}

  /** SQL (a parenthesised subquery, no alias) and its parameters, in order. */
  public record Fragment(String sql, List<Object> params) {}

  public static Fragment of(Layer layer, ScenarioRef scenario) {
    String table = Sql.qualified(layer.schema(), layer.table());
    String geom = Sql.ident(layer.geometryColumn());
    String geom4326 = geometryIn4326(layer, "b." + geom);
    StringBuilder baseCols = new StringBuilder();
    StringBuilder editCols = new StringBuilder();
    for (Field f : layer.fields()) {
      String col = Sql.ident(f.name());
      baseCols.append("b.").append(col).append(", ");
      if (f.name().equals(layer.idColumn())) {
        editCols.append("e.feature_id AS ").append(col).append(", ");
      } else {
        // pgType comes from format_type() in the catalog: a type name, trusted. The key is a bound-safe literal
        // because it is a catalog column name, quoted as a SQL string literal here.
        editCols.append("CAST(e.properties ->> ").append(literal(f.name())).append(" AS ").append(f.pgType())
            .append(") AS ").append(col).append(", ");
      }
    }
    if (scenario.isBase()) {
      String sql = "(SELECT " + baseCols + geom4326 + " AS " + geom + ", 'base'::text AS " + STATUS_COLUMN
          + " FROM " + table + " b)";
      return new Fragment(sql, List.of());
    }
    if (layer.idColumn() == null) {
      // Without a feature id an edit cannot name what it changes: the scenario city equals the base city here.
      return of(layer, ScenarioRef.BASE);
    }
    String id = Sql.ident(layer.idColumn());
    List<Object> params = new ArrayList<>();
    Long[] chain = scenario.chain().toArray(new Long[0]);
    String sql = "(SELECT " + baseCols + geom4326 + " AS " + geom + ", 'base'::text AS " + STATUS_COLUMN
        + " FROM " + table + " b WHERE NOT EXISTS (SELECT 1 FROM planning.edit x WHERE x.layer_id = ?"
        + " AND x.feature_id = b." + id + " AND x.scenario_id = ANY (?))"
        + " UNION ALL SELECT " + editCols + "e.geom AS " + geom + ", e.op AS " + STATUS_COLUMN
        + " FROM (SELECT DISTINCT ON (x.feature_id) x.* FROM planning.edit x"
        + " JOIN unnest(?::bigint[]) WITH ORDINALITY AS ch(sid, depth) ON ch.sid = x.scenario_id"
        + " WHERE x.layer_id = ? ORDER BY x.feature_id, ch.depth) e WHERE e.op <> 'delete')";
    params.add(layer.id());
    params.add(chain);
    params.add(chain);
    params.add(layer.id());
    return new Fragment(sql, params);
  }

  /**
   * The stored geometry as EPSG:4326. A column without an SRID (0) holds lon/lat by the catalog's convention: it
   * is labelled, not transformed — PostGIS refuses to transform or compare SRID 0 with 4326 (see the
   * {@code srid_zero} edge-case fixture). Such tables lose their spatial index in bbox queries; tables loaded
   * through CityTwin always carry an SRID.
   */
  static String geometryIn4326(Layer layer, String column) {
    if (layer.srid() == 0) {
      return "ST_SetSRID(" + column + ", 4326)";
    }
    return layer.storageSrid() == 4326 ? column : "ST_Transform(" + column + ", 4326)";
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
