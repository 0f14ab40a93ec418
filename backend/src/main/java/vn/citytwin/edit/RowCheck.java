package vn.citytwin.edit;

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
import org.locationtech.jts.geom.Geometry;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.FieldType;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlErrors;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;

/**
 * The database's side of the edit model: checks a feature's complete new state the way the layer's own table
 * would, and explains the table's refusals, for scenario edits (whose rows never reach the table) and base-city
 * edits (checked first, then written) alike. The row is inserted into a temporary copy of the table
 * ({@code CREATE TEMP TABLE … (LIKE … INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP}), which has the
 * same column types, NOT NULL columns, CHECK constraints (e.g. {@code levels > 0}), defaults and geometry type
 * modifier, and none of the table's triggers or unique keys (nor its id default: checking draws no id). The
 * inserted row, read back as JSON, is the normalised state to store: defaults filled in, numbers in the column's
 * type.
 *
 * <p>One instance per transaction (the temporary tables live until its commit or rollback). A violation is an
 * invalid-parameter {@link ApiException} whose locator names the property ({@link EditLocator}); the transaction
 * is then unusable and the caller lets it roll back.
 */
public final class RowCheck {
  private final Connection c;
  private final Map<String, String> tempTables = new HashMap<>();
  private final Map<String, Map<String, CheckConstraint>> checks = new HashMap<>();

  private record CheckConstraint(List<String> columns, String definition) {}

  public RowCheck(Connection c) {
    this.c = c;
  }

  /**
   * @param featureId the feature's id, or null when the caller does not know it yet (the copy's id column takes
   *     NULL then: ids are the writer's business, not a rule of the layer)
   * @param state property values by column — texts from {@link FeatureValidator} or JSON values of a stored
   *     state; columns left out take their defaults
   * @param geometry the geometry with its SRID (reprojected to the layer's), or null
   * @return the normalised state: every attribute column except the id, as JSON
   */
  public JsonObject check(Layer layer, Long featureId, Map<String, ?> state, Geometry geometry, EditLocator at)
      throws SQLException {
    String table = tempTable(layer);
    List<String> cols = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (layer.idColumn() != null && featureId != null) {
      cols.add(Sql.ident(layer.idColumn()));
      values.add("?");
      params.add(featureId);
    }
    for (Field f : layer.fields()) {
      if (f.name().equals(layer.idColumn()) || f.name().equals(layer.geometryColumn())
          || !state.containsKey(f.name())) {
        continue;
      }
      String text = text(f, state.get(f.name()));
      castCheck(f, text, at);
      cols.add(Sql.ident(f.name()));
      values.add("CAST(? AS " + f.pgType() + ")");
      params.add(text);
    }
    cols.add(Sql.ident(layer.geometryColumn()));
    if (geometry == null) {
      values.add("NULL");
    } else {
      values.add(geometrySql(layer, geometry));
      params.add(Ewkb.of(geometry));
    }
    params.add(new String[] {layer.idColumn() == null ? "" : layer.idColumn(), layer.geometryColumn()});
    String sql = "INSERT INTO pg_temp." + table + " AS t (" + String.join(", ", cols) + ") VALUES ("
        + String.join(", ", values) + ") RETURNING (to_jsonb(t) - ?::text[])::text";
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new JsonObject(rs.getString(1));
    } catch (SQLException e) {
      throw translate(layer, e, at);
    }
  }

  /** {@code ST_GeomFromEWKB(?)} in the layer's SRID. */
  private static String geometrySql(Layer layer, Geometry g) {
    String geom = "ST_GeomFromEWKB(?)";
    if (layer.srid() == 0) {
      return "ST_SetSRID(" + geom + ", 0)";
    }
    return g.getSRID() == layer.srid() ? geom : "ST_Transform(" + geom + ", " + layer.srid() + ")";
  }

  /** A validated text or a JSON value of a stored state → the text the column's input function reads. */
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

  /**
   * Reads a date, timestamp or other typed value with the column type's own input function, alone, so that a bad
   * value names its property. Strings, numbers and booleans are the validator's and pass.
   */
  public void castCheck(Field f, String text, EditLocator at) throws SQLException {
    if (text == null || f.type() == FieldType.STRING || f.type() == FieldType.INTEGER
        || f.type() == FieldType.NUMBER || f.type() == FieldType.BOOLEAN) {
      return;
    }
    // A failure aborts the transaction, which is then rolled back: nothing to undo here.
    try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS " + f.pgType() + ")")) {
      ps.setString(1, text);
      ps.executeQuery().close();
    } catch (PSQLException e) {
      throw ApiException.invalidParameter(at.property(f.name()), "Property '" + f.name()
          + "' is not a valid " + f.pgType() + ": '" + ErrorText.abbreviate(text) + "'");
    }
  }

  /**
   * Reads the layer's CHECK rules, so that {@link #translate} can name the properties a refused write broke;
   * call it before writing to the layer's table (an aborted transaction can no longer read them).
   */
  public void prepare(Layer layer) throws SQLException {
    if (!checks.containsKey(layer.id())) {
      checks.put(layer.id(), loadChecks(layer));
    }
  }

  /**
   * Creates the layer's temporary copy now, for a caller that checks rows under savepoints it may roll back (the
   * importer rejects a row and goes on): a copy created inside a rolled-back savepoint would be gone.
   */
  public void ready(Layer layer) throws SQLException {
    tempTable(layer);
  }

  private String tempTable(Layer layer) throws SQLException {
    String existing = tempTables.get(layer.id());
    if (existing != null) {
      return existing;
    }
    String name = Sql.ident("edit_check_" + tempTables.size());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE " + name + " (LIKE " + Sql.qualified(layer.schema(), layer.table())
          + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DROP");
      if (layer.idColumn() != null) {
        // No sequence is drawn and no id is required: the copy checks attributes, the writer assigns ids.
        s.execute("ALTER TABLE " + name + " ALTER COLUMN " + Sql.ident(layer.idColumn()) + " DROP NOT NULL, ALTER"
            + " COLUMN " + Sql.ident(layer.idColumn()) + " DROP DEFAULT");
      }
    }
    tempTables.put(layer.id(), name);
    prepare(layer);
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

  /**
   * A refusal of the temporary copy or of the layer's own table as a client error: a missing NOT NULL value or a
   * broken CHECK names its property (or the rule's properties), a bad value says what the database said of it;
   * anything else is {@link SqlErrors#translate}'s.
   */
  public ApiException translate(Layer layer, SQLException e, EditLocator at) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    if (state.equals("23502") && m != null && m.getColumn() != null) {
      if (m.getColumn().equals(layer.geometryColumn())) {
        return ApiException.invalidParameter(at.geometry(), "The feature needs a geometry");
      }
      return ApiException.invalidParameter(at.property(m.getColumn()), "Property '" + m.getColumn()
          + "' is required on layer '" + layer.id() + "'");
    }
    if (state.equals("23514") && m != null) {
      String name = m.getConstraint();
      CheckConstraint check = name == null ? null : checks.getOrDefault(layer.id(), Map.of()).get(name);
      String rule = " the rule of layer '" + layer.id() + "' (check constraint " + name + ")";
      if (check != null && check.columns().size() == 1) {
        String column = check.columns().get(0);
        return ApiException.invalidParameter(at.property(column), "Property '" + column + "' breaks" + rule
            + ": " + check.definition());
      }
      if (check != null) {
        // A rule over several columns: no single property is at fault.
        return ApiException.invalidParameter(at.rule(check.columns()), "Properties " + String.join(", ",
            check.columns()) + " break" + rule + ": " + check.definition());
      }
      return ApiException.invalidParameter(at.rule(List.of()), "The feature breaks" + rule);
    }
    if (state.startsWith("22")) {
      String first = m != null && m.getMessage() != null ? m.getMessage() : "invalid value";
      return ApiException.invalidParameter(at.rule(List.of()), "The layer rejected a value: " + first);
    }
    return SqlErrors.translate(e);
  }
}
