package vn.citytwin.query;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.FilterSqlWriter;
import vn.citytwin.filter.SqlFragment;
import vn.citytwin.scenario.ScenarioSource;

/**
 * The one read path: turns a {@link LayerQuery} into parameterised SQL over the layer's row source in the
 * requested scenario. The result rows have the id column, the selected attribute columns, the geometry column in
 * EPSG:4326 and {@code scenario_status}, named as in the table. Encoders wrap this SELECT as a subquery
 * (PostgreSQL inlines it, so spatial indexes still apply):
 * <pre>SELECT ST_AsMVT(t) FROM (SELECT …, ST_AsMVTGeom(ST_Transform(q.geom, 3857), …) FROM (&lt;select&gt;) q) t</pre>
 *
 * <p>Every value is a bound parameter; identifiers come from the catalog through {@link Sql#ident}.
 */
public final class FeatureSql {
  /** Alias of the row source inside the generated SQL. */
  public static final String ALIAS = "f";

  private FeatureSql() {}

  /** The selected features: WHERE, ORDER BY, LIMIT and OFFSET applied. */
  public static SqlStatement select(LayerQuery q) {
    Layer layer = q.layer();
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String column : outputColumns(q)) {
      sql.append(ALIAS).append('.').append(Sql.ident(column)).append(", ");
    }
    sql.append(ALIAS).append('.').append(Sql.ident(layer.geometryColumn())).append(", ")
        .append(ALIAS).append('.').append(ScenarioSource.STATUS_COLUMN);
    appendFromWhere(q, sql, params);
    appendOrder(q, sql);
    if (q.limit() != null) {
      sql.append(" LIMIT ?");
      params.add(q.limit());
    }
    if (q.offset() > 0) {
      sql.append(" OFFSET ?");
      params.add(q.offset());
    }
    return new SqlStatement(sql.toString(), params);
  }

  /**
   * The selected features as a parenthesised subquery without alias, for SQL that does more with them than an
   * encoder: aggregates, joins by id, temporary tables of derived values (planning's indicators, diffs and
   * simulation inputs). Columns and bound values are those of {@link #select}; the wrapping SQL names the columns
   * it reads ({@link LayerQuery#properties()}) and wraps the whole subquery, never its parts, so whatever the read
   * path decides (scenario, filter, and every rule added here) holds for it too:
   * <pre>SELECT sum(ST_Area(s.geom::geography)) FROM (&lt;select&gt;) s
   * WITH a AS (SELECT * FROM (&lt;select a&gt;) s WHERE s.id IN (…)), b AS (…)
   * SELECT … FROM a FULL JOIN b ON a.id = b.id</pre>
   * Without sort and paging the subquery is a plain SELECT that PostgreSQL pulls up into the wrapping query, so
   * the plan is the one of the row source read directly: conditions of the outer query reach the table's indexes.
   */
  public static SqlStatement source(LayerQuery q) {
    SqlStatement select = select(q);
    return new SqlStatement("(" + select.sql() + ")", select.params());
  }

  /** The number of features matching (scenario, bbox, filter, time), ignoring paging. */
  public static SqlStatement count(LayerQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    appendFromWhere(q, sql, params);
    return new SqlStatement(sql.toString(), params);
  }

  /**
   * The attribute columns the rows carry: the id column first (if any), then the requested properties in the
   * layer's order (all of them when none were requested). Unknown names are an error with locator
   * {@code properties}.
   */
  public static List<String> outputColumns(LayerQuery q) {
    Layer layer = q.layer();
    List<String> columns = new ArrayList<>();
    if (layer.idColumn() != null) {
      columns.add(layer.idColumn());
    }
    if (q.properties() != null) {
      for (String p : q.properties()) {
        if (layer.field(p).isEmpty()) {
          throw ApiException.invalidParameter("properties", "Unknown property '" + p + "' of layer '" + layer.id()
              + "'");
        }
      }
    }
    for (Field f : layer.fields()) {
      if (f.name().equals(layer.idColumn())) {
        continue;
      }
      if (q.properties() == null || q.properties().contains(f.name())) {
        columns.add(f.name());
      }
    }
    return columns;
  }

  private static void appendFromWhere(LayerQuery q, StringBuilder sql, List<Object> params) {
    Layer layer = q.layer();
    ScenarioSource.Fragment source = ScenarioSource.of(layer, q.scenario());
    sql.append(" FROM ").append(source.sql()).append(' ').append(ALIAS);
    params.addAll(source.params());
    List<String> where = new ArrayList<>();
    String geom = ALIAS + "." + Sql.ident(layer.geometryColumn());
    if (q.bbox() != null) {
      BBox b = q.bbox();
      String envelope = "ST_MakeEnvelope(?, ?, ?, ?, ?)";
      if (b.srid() != 4326) {
        envelope = "ST_Transform(" + envelope + ", 4326)";
      }
      where.add("ST_Intersects(" + geom + ", " + envelope + ")");
      params.add(b.minX());
      params.add(b.minY());
      params.add(b.maxX());
      params.add(b.maxY());
      params.add(b.srid());
    }
    if (q.tile() != null) {
      TileEnvelope t = q.tile();
      where.add("ST_Intersects(" + geom + ", ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), 4326))");
      params.add(t.z());
      params.add(t.x());
      params.add(t.y());
      params.add(t.margin());
    }
    if (q.filter() != null) {
      SqlFragment f = FilterSqlWriter.toSql(q.filter(), LayerFields.resolver(layer, ALIAS));
      where.add("(" + f.sql() + ")");
      params.addAll(f.params());
    }
    if (q.time() != null) {
      if (!layer.isTimeEnabled()) {
        throw ApiException.invalidParameter("datetime", "Layer '" + layer.id() + "' has no time dimension");
      }
      where.add(timeCondition(layer, q.time(), params));
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
  }

  /**
   * The time condition: an OR of the closed ranges, and for {@code latest} equality with the latest time of the
   * layer's base table (the same table the WMS capabilities take the time extent from, so {@code current} is the
   * last value they advertise).
   */
  private static String timeCondition(Layer layer, TimeSelection time, List<Object> params) {
    String name = Sql.ident(layer.meta().timeColumn());
    String column = ALIAS + "." + name;
    List<String> any = new ArrayList<>();
    for (TimeRange r : time.ranges()) {
      List<String> both = new ArrayList<>();
      if (r.start() != null) {
        both.add(column + " >= ?");
        params.add(r.start());
      }
      if (r.end() != null) {
        both.add(column + " <= ?");
        params.add(r.end());
      }
      any.add(both.isEmpty() ? "TRUE" : "(" + String.join(" AND ", both) + ")");
    }
    if (time.latest()) {
      any.add(column + " = (SELECT max(" + name + ") FROM " + Sql.qualified(layer.schema(), layer.table()) + ")");
    }
    return "(" + String.join(" OR ", any) + ")";
  }

  private static void appendOrder(LayerQuery q, StringBuilder sql) {
    Layer layer = q.layer();
    List<String> order = new ArrayList<>();
    for (SortKey k : q.sortBy()) {
      if (layer.field(k.property()).isEmpty()) {
        throw ApiException.invalidParameter("sortby", "Cannot sort by unknown property '" + k.property() + "'");
      }
      order.add(ALIAS + "." + Sql.ident(k.property()) + (k.ascending() ? " ASC" : " DESC") + " NULLS LAST");
    }
    // A stable order makes paging (limit/offset, next links) deterministic.
    if (layer.idColumn() != null && (q.limit() != null || q.offset() > 0 || !order.isEmpty())) {
      order.add(ALIAS + "." + Sql.ident(layer.idColumn()));
    }
    if (!order.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", order));
    }
  }
}
