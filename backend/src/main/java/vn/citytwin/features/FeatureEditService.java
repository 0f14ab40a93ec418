package vn.citytwin.features;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.FilterSqlWriter;
import vn.citytwin.filter.SqlFragment;
import vn.citytwin.query.LayerFields;

/**
 * Applies edits to the base city's layer tables, all or nothing: every action of a request runs in one database
 * transaction, and any error (a bad value, an invalid geometry, a constraint) rolls all of them back. Geometries are
 * checked before anything is written: valid (OGC Simple Features), of the layer's geometry type (a single part is
 * promoted to the layer's multi type), and reprojected to the storage CRS by PostGIS. New features without an id
 * get the column default, or the next id after the largest under a transaction-scoped advisory lock. After the
 * commit the layers' data versions are re-read, so tiles and caches refresh before the response is sent.
 *
 * <p>Only layers stored in EPSG:4326 (every city table) can be edited; filters are written over the table as in
 * every read.
 */
public final class FeatureEditService {
  private static final String ALIAS = "f";
  /** Marks a column a Replace does not give: it is set to its default, as for a new row. */
  private static final Object COLUMN_DEFAULT = new Object();

  private final Database db;
  private final Catalog catalog;

  public FeatureEditService(Database db, Catalog catalog) {
    this.db = db;
    this.catalog = catalog;
  }

  public Future<EditResult> apply(List<FeatureEdit> edits) {
    for (FeatureEdit e : edits) {
      check(e);
    }
    return db.inTransaction(c -> run(c, edits)).map(r -> {
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
    for (FeatureEdit e : edits) {
      if (e instanceof FeatureEdit.Insert i) {
        for (FeatureEdit.NewFeature f : i.features()) {
          ids.add(new EditResult.InsertedId(i.layer().id(), insert(c, i.layer(), f), i.handle()));
          inserted++;
        }
      } else if (e instanceof FeatureEdit.Update u) {
        updated += update(c, u.layer(), u.values(), u.filter());
      } else if (e instanceof FeatureEdit.Replace r) {
        long n = replace(c, r);
        if (n == 0) {
          throw ApiException.notFound("featureId", "No feature " + r.id() + " in layer '" + r.layer().id() + "'");
        }
        replaced += n;
      } else if (e instanceof FeatureEdit.Delete d) {
        deleted += delete(c, d.layer(), d.filter());
      }
    }
    return new EditResult(inserted, updated, replaced, deleted, ids);
  }

  /** Checks values and geometries before the transaction starts. */
  private static void check(FeatureEdit e) {
    Layer layer = e.layer();
    if (layer.storageSrid() != 4326) {
      throw ApiException.notSupported("typeName", "Layer '" + layer.id() + "' is stored in EPSG:"
          + layer.storageSrid() + " and cannot be edited here");
    }
    if (e instanceof FeatureEdit.Insert i) {
      i.features().forEach(f -> checkFeature(layer, f, e.handle()));
    } else if (e instanceof FeatureEdit.Replace r) {
      checkFeature(layer, r.feature(), e.handle());
    } else if (e instanceof FeatureEdit.Update u) {
      if (u.values().isEmpty()) {
        throw ApiException.missingParameter("Property");
      }
      u.values().forEach((k, v) -> checkValue(layer, k, v, e.handle()));
    } else if (e instanceof FeatureEdit.Delete d && d.filter() == null) {
      throw ApiException.missingParameter("filter");
    }
  }

  private static void checkFeature(Layer layer, FeatureEdit.NewFeature f, String handle) {
    f.values().forEach((k, v) -> checkValue(layer, k, v, handle));
    if (f.geometry() != null) {
      checkGeometry(layer, f.geometry(), handle);
    }
  }

  private static void checkValue(Layer layer, String column, Object value, String handle) {
    if (column.equals(layer.geometryColumn())) {
      if (value != null && !(value instanceof Geometry)) {
        throw ApiException.invalidParameter(column, "The geometry property needs a geometry value");
      }
      if (value != null) {
        checkGeometry(layer, (Geometry) value, handle);
      }
      return;
    }
    if (column.equals(layer.idColumn())) {
      throw ApiException.invalidParameter(column, "The feature id cannot be changed");
    }
    Field f = layer.field(column).orElseThrow(() -> ApiException.invalidParameter(column,
        "Layer '" + layer.id() + "' has no property '" + column + "'"));
    EditValues.text(f, value);
  }

  /** Valid, non-empty, and of the layer's geometry type (or its single-part form). */
  static void checkGeometry(Layer layer, Geometry g, String handle) {
    String where = handle == null ? "" : " (" + handle + ")";
    if (g.isEmpty()) {
      throw ApiException.invalidParameter(layer.geometryColumn(), "Empty geometry" + where);
    }
    GeometryKind kind = layer.geometryKind();
    String type = g.getGeometryType();
    boolean fits = switch (kind) {
      case GEOMETRY -> true;
      case GEOMETRYCOLLECTION -> g instanceof org.locationtech.jts.geom.GeometryCollection;
      default -> kind.ogcName().equals(type) || kind.ogcName().equals("Multi" + type);
    };
    if (!fits) {
      throw ApiException.invalidParameter(layer.geometryColumn(), "Layer '" + layer.id() + "' holds "
          + kind.ogcName() + " geometries, got " + type + where);
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      String at = error.getCoordinate() == null ? "" : " at (" + error.getCoordinate().x + " "
          + error.getCoordinate().y + ")";
      throw ApiException.invalidParameter(layer.geometryColumn(), "Invalid geometry" + where + ": "
          + error.getMessage() + at + "; nothing was written");
    }
  }

  /** SQL for a geometry parameter: WKB + SRID, reprojected to EPSG:4326, promoted to multi when the layer is. */
  private static String geometrySql(Layer layer, Geometry g) {
    String expr = "ST_Transform(ST_SetSRID(ST_GeomFromWKB(?), ?), 4326)";
    if (layer.geometryKind().ogcName().equals("Multi" + g.getGeometryType())) {
      expr = "ST_Multi(" + expr + ")";
    }
    return expr;
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
      params.add(EditValues.text(field, e.getValue()));
    }
    if (f.geometry() != null) {
      columns.add(Sql.ident(layer.geometryColumn()));
      values.add(geometrySql(layer, f.geometry()));
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
          sets.add(Sql.ident(layer.geometryColumn()) + " = " + geometrySql(layer, g));
          bindGeometry(params, g);
        }
      } else {
        Field field = layer.field(e.getKey()).orElseThrow();
        sets.add(Sql.ident(field.name()) + " = CAST(? AS " + field.pgType() + ")");
        params.add(EditValues.text(field, e.getValue()));
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
