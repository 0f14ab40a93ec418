package vn.citytwin.features;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.CityBoundary;
import vn.citytwin.edit.EditLocator;
import vn.citytwin.edit.FeatureValidator;
import vn.citytwin.edit.RowCheck;
import vn.citytwin.edit.ValueSyntax;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.FilterSqlWriter;
import vn.citytwin.filter.SqlFragment;
import vn.citytwin.query.LayerFields;

/**
 * Applies edits to the base city's layer tables, all or nothing: every action of a request runs in one database
 * transaction, and any error (a bad value, an invalid geometry, a constraint) rolls all of them back. Every feature
 * passes the edit model ({@code vn.citytwin.edit}) that scenario edits pass too: before the transaction the
 * {@link FeatureValidator} (values fit their columns in the request's {@link ValueSyntax}, integers in range; the
 * geometry valid, of the layer's type, a single part promoted to the layer's multi type); inside it the
 * {@link CityBoundary} (the geometry in the city) and the {@link RowCheck} (a new or replaced row on a temporary
 * copy of the table: NOT NULL and CHECK constraints name their property; the table's own refusals are explained
 * the same way). Geometries are reprojected to the storage CRS by PostGIS. New features without an id get the
 * column default, or the next id after the largest under a transaction-scoped advisory lock. After the commit the
 * layers' data versions are re-read, so tiles and caches refresh before the response is sent.
 *
 * <p>Only layers stored in EPSG:4326 (every city table) can be edited; filters are written over the table as in
 * every read. Errors name properties as OGC locators do: the column name ({@link EditLocator#columns}).
 */
public final class FeatureEditService {
  private static final String ALIAS = "f";
  /** Marks a column a Replace does not give: it is set to its default, as for a new row. */
  private static final Object COLUMN_DEFAULT = new Object();

  private final Database db;
  private final Catalog catalog;
  private final CityBoundary boundary;

  public FeatureEditService(Database db, Catalog catalog, CityBoundary boundary) {
    this.db = db;
    this.catalog = catalog;
    this.boundary = boundary;
  }

  /**
   * @param syntax how the request wrote its values: {@link ValueSyntax#TEXT} for XML (WFS-T),
   *     {@link ValueSyntax#JSON} for GeoJSON (Part 4)
   */
  public Future<EditResult> apply(List<FeatureEdit> edits, ValueSyntax syntax) {
    List<FeatureEdit> checked = new ArrayList<>(edits.size());
    for (FeatureEdit e : edits) {
      checked.add(check(e, syntax));
    }
    return db.inTransaction(c -> run(c, checked)).map(r -> {
      catalog.versions().refresh();
      return r;
    });
  }

  private EditResult run(Connection c, List<FeatureEdit> edits) throws SQLException {
    long inserted = 0;
    long updated = 0;
    long replaced = 0;
    long deleted = 0;
    List<EditResult.InsertedId> ids = new ArrayList<>();
    RowCheck rows = new RowCheck(c);
    for (FeatureEdit e : edits) {
      Layer layer = e.layer();
      EditLocator at = EditLocator.columns(layer);
      rows.prepare(layer);
      try {
        if (e instanceof FeatureEdit.Insert i) {
          for (FeatureEdit.NewFeature f : i.features()) {
            boundary.check(c, layer, f.geometry(), at);
            rows.check(layer, null, f.values(), f.geometry(), at);
            ids.add(new EditResult.InsertedId(layer.id(), insert(c, layer, f), i.handle()));
            inserted++;
          }
        } else if (e instanceof FeatureEdit.Update u) {
          checkInDatabase(c, rows, u);
          updated += update(c, layer, u.values(), u.filter());
        } else if (e instanceof FeatureEdit.Replace r) {
          boundary.check(c, layer, r.feature().geometry(), at);
          rows.check(layer, null, r.feature().values(), r.feature().geometry(), at);
          long n = replace(c, r);
          if (n == 0) {
            throw ApiException.notFound("featureId", "No feature " + r.id() + " in layer '" + layer.id() + "'");
          }
          replaced += n;
        } else if (e instanceof FeatureEdit.Delete d) {
          deleted += delete(c, layer, d.filter());
        }
      } catch (SQLException ex) {
        throw rows.translate(layer, ex, at);
      }
    }
    return new EditResult(inserted, updated, replaced, deleted, ids);
  }

  /** An Update's values the database reads alone (dates, timestamps, other types) and its geometry's place. */
  private void checkInDatabase(Connection c, RowCheck rows, FeatureEdit.Update u) throws SQLException {
    Layer layer = u.layer();
    EditLocator at = EditLocator.columns(layer);
    for (Map.Entry<String, Object> v : u.values().entrySet()) {
      if (v.getKey().equals(layer.geometryColumn())) {
        boundary.check(c, layer, (Geometry) v.getValue(), at);
      } else if (v.getValue() instanceof String text) {
        rows.castCheck(layer.field(v.getKey()).orElseThrow(), text, at);
      }
    }
  }

  /**
   * The edit model's checks that need no database, before the transaction starts: the edit with its values as the
   * texts to bind and its geometries promoted to the layer's type.
   */
  private static FeatureEdit check(FeatureEdit e, ValueSyntax syntax) {
    Layer layer = e.layer();
    if (layer.storageSrid() != 4326) {
      throw ApiException.notSupported("typeName", "Layer '" + layer.id() + "' is stored in EPSG:"
          + layer.storageSrid() + " and cannot be edited here");
    }
    EditLocator at = EditLocator.columns(layer);
    if (e instanceof FeatureEdit.Insert i) {
      return new FeatureEdit.Insert(layer, i.features().stream().map(f -> checkFeature(layer, f, syntax, at))
          .toList(), i.handle());
    } else if (e instanceof FeatureEdit.Replace r) {
      return new FeatureEdit.Replace(layer, r.id(), checkFeature(layer, r.feature(), syntax, at), r.handle());
    } else if (e instanceof FeatureEdit.Update u) {
      if (u.values().isEmpty()) {
        throw ApiException.missingParameter("Property");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      u.values().forEach((k, v) -> values.put(k, k.equals(layer.geometryColumn()) ? geometryValue(layer, v, at)
          : FeatureValidator.value(layer, k, v, syntax, at)));
      return new FeatureEdit.Update(layer, values, u.filter(), u.handle());
    } else if (e instanceof FeatureEdit.Delete d && d.filter() == null) {
      throw ApiException.missingParameter("filter");
    }
    return e;
  }

  private static FeatureEdit.NewFeature checkFeature(Layer layer, FeatureEdit.NewFeature f, ValueSyntax syntax,
                                                     EditLocator at) {
    Map<String, Object> values = new LinkedHashMap<>(FeatureValidator.values(layer, f.values(), syntax, at));
    Geometry g = f.geometry() == null ? null : FeatureValidator.geometry(layer, f.geometry(), at.geometry());
    return new FeatureEdit.NewFeature(f.id(), values, g);
  }

  private static Geometry geometryValue(Layer layer, Object value, EditLocator at) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Geometry g)) {
      throw ApiException.invalidParameter(at.geometry(), "The geometry property needs a geometry value");
    }
    return FeatureValidator.geometry(layer, g, at.geometry());
  }

  /** SQL for a geometry parameter: WKB + SRID, reprojected to EPSG:4326 (already of the layer's type). */
  private static String geometrySql() {
    return "ST_Transform(ST_SetSRID(ST_GeomFromWKB(?), ?), 4326)";
  }

  private static void bindGeometry(List<Object> params, Geometry g) {
    params.add(new WKBWriter(2).write(g));
    params.add(g.getSRID() == 0 ? 4326 : g.getSRID());
  }

  private Object insert(Connection c, Layer layer, FeatureEdit.NewFeature f) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    String idColumn = layer.idColumn();
    if (idColumn != null) {
      Object id = f.id();
      if (id == null && !hasDefault(c, layer, idColumn)) {
        id = nextId(c, layer);
      }
      if (id != null) {
        columns.add(Sql.ident(idColumn));
        values.add("CAST(? AS " + layer.field(idColumn).orElseThrow().pgType() + ")");
        params.add(String.valueOf(id));
      }
    }
    for (Map.Entry<String, Object> e : f.values().entrySet()) {
      if (e.getKey().equals(layer.geometryColumn()) || e.getKey().equals(idColumn)) {
        continue;
      }
      Field field = layer.field(e.getKey()).orElseThrow();
      columns.add(Sql.ident(field.name()));
      values.add("CAST(? AS " + field.pgType() + ")");
      params.add((String) e.getValue());
    }
    if (f.geometry() != null) {
      columns.add(Sql.ident(layer.geometryColumn()));
      values.add(geometrySql());
      bindGeometry(params, f.geometry());
    }
    String sql = "INSERT INTO " + Sql.qualified(layer.schema(), layer.table()) + " (" + String.join(", ", columns)
        + ") VALUES (" + String.join(", ", values) + ")"
        + (idColumn != null ? " RETURNING " + Sql.ident(idColumn) : "");
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c)) {
      if (idColumn == null) {
        ps.executeUpdate();
        return null;
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1);
      }
    }
  }

  private long update(Connection c, Layer layer, Map<String, Object> values, Filter filter) throws SQLException {
    List<String> sets = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (e.getValue() == COLUMN_DEFAULT) {
        sets.add(Sql.ident(e.getKey()) + " = DEFAULT");
      } else if (e.getKey().equals(layer.geometryColumn())) {
        Geometry g = (Geometry) e.getValue();
        if (g == null) {
          sets.add(Sql.ident(layer.geometryColumn()) + " = NULL");
        } else {
          sets.add(Sql.ident(layer.geometryColumn()) + " = " + geometrySql());
          bindGeometry(params, g);
        }
      } else {
        Field field = layer.field(e.getKey()).orElseThrow();
        sets.add(Sql.ident(field.name()) + " = CAST(? AS " + field.pgType() + ")");
        params.add((String) e.getValue());
      }
    }
    StringBuilder sql = new StringBuilder("UPDATE ").append(Sql.qualified(layer.schema(), layer.table()))
        .append(" AS ").append(ALIAS).append(" SET ").append(String.join(", ", sets));
    where(layer, filter, sql, params);
    try (PreparedStatement ps = new SqlStatement(sql.toString(), params).prepare(c)) {
      return ps.executeUpdate();
    }
  }

  private long replace(Connection c, FeatureEdit.Replace r) throws SQLException {
    Layer layer = r.layer();
    java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
    for (Field f : layer.fields()) {
      if (!f.name().equals(layer.idColumn())) {
        all.put(f.name(), r.feature().values().containsKey(f.name()) ? r.feature().values().get(f.name())
            : COLUMN_DEFAULT);
      }
    }
    all.put(layer.geometryColumn(), r.feature().geometry());
    if (layer.idColumn() == null) {
      throw ApiException.notSupported("featureId", "Layer '" + layer.id() + "' has no feature ids");
    }
    Filter byId = new Filter.ResourceId(List.of(String.valueOf(r.id())));
    return update(c, layer, all, byId);
  }

  private long delete(Connection c, Layer layer, Filter filter) throws SQLException {
    StringBuilder sql = new StringBuilder("DELETE FROM ").append(Sql.qualified(layer.schema(), layer.table()))
        .append(" AS ").append(ALIAS);
    List<Object> params = new ArrayList<>();
    where(layer, filter, sql, params);
    try (PreparedStatement ps = new SqlStatement(sql.toString(), params).prepare(c)) {
      return ps.executeUpdate();
    }
  }

  private static void where(Layer layer, Filter filter, StringBuilder sql, List<Object> params) {
    if (filter != null) {
      SqlFragment f = FilterSqlWriter.toSql(filter, LayerFields.resolver(layer, ALIAS));
      sql.append(" WHERE ").append(f.sql());
      params.addAll(f.params());
    }
  }

  private static boolean hasDefault(Connection c, Layer layer, String column) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT a.atthasdef OR a.attidentity <> '' FROM pg_attribute a"
        + " WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ?")) {
      ps.setString(1, Sql.qualified(layer.schema(), layer.table()));
      ps.setString(2, column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The next id after the largest, serialised between writers of this server by an advisory lock. */
  private static Object nextId(Connection c, Layer layer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      ps.setString(1, "citytwin.edit." + layer.schema() + "." + layer.table());
      ps.execute();
    }
    String sql = "SELECT COALESCE(max(" + Sql.ident(layer.idColumn()) + "), 0) + 1 FROM "
        + Sql.qualified(layer.schema(), layer.table());
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getObject(1);
    }
  }
}
