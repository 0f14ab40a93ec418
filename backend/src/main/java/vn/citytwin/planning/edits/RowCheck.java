package vn.citytwin.planning.edits;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.FieldType;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;

/**
 * Checks a feature's complete new state the way the layer's own table would: the row is inserted into a temporary
 * copy of the table ({@code CREATE TEMP TABLE … (LIKE … INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP}),
 * which has the same column types, NOT NULL columns, CHECK constraints (e.g. {@code levels > 0}), defaults and
 * geometry type modifier, and none of the table's triggers or unique keys. The inserted row, read back as JSON, is
 * the normalised state to store: defaults filled in, numbers in the column's type.
 *
 * <p>One instance per transaction (the temporary tables live until its commit or rollback). A violation is an
 * invalid-parameter {@link ApiException} whose locator names the property; the transaction is then unusable and
 * the caller lets it roll back.
 */
final class RowCheck {
  private final Connection c;
  private final Map<String, String> tempTables = new HashMap<>();
  private final Map<String, Map<String, CheckConstraint>> checks = new HashMap<>();

  private record CheckConstraint(List<String> columns, String definition) {}

  RowCheck(Connection c) {
    this.c = c;
  }

  /**
   * @param state property values by column (JSON values; columns left out take their defaults)
   * @param ewkb the geometry, EWKB in EPSG:4326
   * @param edit the edit, for error locators
   * @return the normalised state: every attribute column except the id, as JSON
   */
  JsonObject check(Layer layer, long featureId, JsonObject state, byte[] ewkb, FeatureEdit edit) throws SQLException {
    String table = tempTable(layer);
    StringBuilder cols = new StringBuilder(Sql.ident(layer.idColumn()));
    StringBuilder values = new StringBuilder("?");
    List<Object> params = new ArrayList<>();
    params.add(featureId);
    for (Field f : layer.fields()) {
      if (f.name().equals(layer.idColumn()) || !state.containsKey(f.name())) {
        continue;
      }
      String text = text(f, state.getValue(f.name()));
      castCheck(f, text, edit);
      cols.append(", ").append(Sql.ident(f.name()));
      values.append(", CAST(? AS ").append(f.pgType()).append(')');
      params.add(text);
    }
    cols.append(", ").append(Sql.ident(layer.geometryColumn()));
    String geom = "ST_GeomFromEWKB(?)";
    if (layer.srid() == 0) {
      geom = "ST_SetSRID(" + geom + ", 0)";
    } else if (layer.srid() != 4326) {
      geom = "ST_Transform(" + geom + ", " + layer.srid() + ")";
    }
    values.append(", ").append(geom);
    params.add(ewkb);
    params.add(new String[] {layer.idColumn(), layer.geometryColumn()});
    String sql = "INSERT INTO pg_temp." + table + " AS t (" + cols + ") VALUES (" + values
        + ") RETURNING (to_jsonb(t) - ?::text[])::text";
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new JsonObject(rs.getString(1));
    } catch (PSQLException e) {
      throw translate(layer, e, edit);
    }
  }

  /** JSON value → the text the column's input function reads. */
  static String text(Field f, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && f.type() == FieldType.INTEGER) {
      return new BigDecimal(n.toString()).toBigIntegerExact().toString();
    }
    if (v instanceof JsonObject o) {
      return o.encode();
    }
    if (v instanceof JsonArray a) {
      return a.encode();
    }
    return v.toString();
  }

  /** Dates, timestamps and other types are cast alone first so that a bad value names its property. */
  private void castCheck(Field f, String text, FeatureEdit edit) throws SQLException {
    if (text == null || f.type() == FieldType.STRING || f.type() == FieldType.INTEGER
        || f.type() == FieldType.NUMBER || f.type() == FieldType.BOOLEAN) {
      return;
    }
    // A failure aborts the transaction, which is then rolled back: nothing to undo here.
    try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS " + f.pgType() + ")")) {
      ps.setString(1, text);
      ps.executeQuery().close();
    } catch (PSQLException e) {
      throw ApiException.invalidParameter(edit.at("properties." + f.name()), "Property '" + f.name()
          + "' is not a valid " + f.pgType() + ": '" + abbreviate(text) + "'");
    }
  }

  private String tempTable(Layer layer) throws SQLException {
    String existing = tempTables.get(layer.id());
    if (existing != null) {
      return existing;
    }
    String name = Sql.ident("planning_check_" + tempTables.size());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE " + name + " (LIKE " + Sql.qualified(layer.schema(), layer.table())
          + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP");
    }
    tempTables.put(layer.id(), name);
    checks.put(layer.id(), loadChecks(layer));
    return name;
  }

  private Map<String, CheckConstraint> loadChecks(Layer layer) throws SQLException {
    Map<String, CheckConstraint> m = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, pg_get_constraintdef(con.oid), "
        + "ARRAY(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a "
        + "ON a.attrelid = con.conrelid AND a.attnum = k) FROM pg_constraint con "
        + "WHERE con.conrelid = ?::regclass AND con.contype = 'c'")) {
      ps.setString(1, Sql.qualified(layer.schema(), layer.table()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          m.put(rs.getString(1), new CheckConstraint(List.of((String[]) rs.getArray(3).getArray()),
              rs.getString(2)));
        }
      }
    }
    return m;
  }

  private ApiException translate(Layer layer, PSQLException e, FeatureEdit edit) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    ServerErrorMessage m = e.getServerErrorMessage();
    if (state.equals("23502") && m != null && m.getColumn() != null) {
      if (m.getColumn().equals(layer.geometryColumn())) {
        return ApiException.invalidParameter(edit.at("geometry"), "The feature needs a geometry");
      }
      return ApiException.invalidParameter(edit.at("properties." + m.getColumn()), "Property '" + m.getColumn()
          + "' is required on layer '" + layer.id() + "'");
    }
    if (state.equals("23514") && m != null) {
      CheckConstraint check = checks.getOrDefault(layer.id(), Map.of()).get(m.getConstraint());
      if (check != null && check.columns().size() == 1) {
        String column = check.columns().get(0);
        return ApiException.invalidParameter(edit.at("properties." + column), "Property '" + column
            + "' breaks the rule of layer '" + layer.id() + "': " + check.definition());
      }
      if (check != null) {
        // A rule over several columns: no single property is at fault.
        return ApiException.invalidParameter(edit.at("properties"), "Properties " + String.join(", ",
            check.columns()) + " break the rule of layer '" + layer.id() + "': " + check.definition());
      }
      return ApiException.invalidParameter(edit.at("properties"), "The feature breaks a rule of layer '"
          + layer.id() + "'");
    }
    if (state.startsWith("22")) {
      String first = m != null && m.getMessage() != null ? m.getMessage() : "invalid value";
      return ApiException.invalidParameter(edit.at("properties"), "The layer rejected a value: " + first);
    }
    return vn.citytwin.core.db.SqlErrors.translate(e);
  }

  private static String abbreviate(String v) {
    return v.length() > 80 ? v.substring(0, 80) + "…" : v;
  }
}
