package vn.citytwin.planning.edits;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioSource;

/** SQL of {@code planning.edit} and of feature states in a scenario's city. Runs on the caller's transaction. */
final class EditStore {
  private EditStore() {}

  /**
   * A feature's state in a city.
   *
   * @param properties every attribute column except the id, as JSON
   * @param ewkb the geometry in EPSG:4326
   */
  record FeatureState(JsonObject properties, byte[] ewkb) {
    /** The geometry, with its SRID. */
    Geometry geometry() {
      try {
        return new WKBReader().read(ewkb);
      } catch (ParseException e) {
        throw new IllegalStateException("PostGIS returned unreadable EWKB", e);
      }
    }
  }


  /**
   * The feature's state in the city of {@code ref} (chain applied), or empty when it is not there.
   *
   * <p>Not a {@code LayerQuery}, on purpose: this is the write path reading the complete state a "modify" is
   * merged over. A read rule that hid attributes would make the stored state incomplete, so it reads every column
   * of the scenario's row source; the right to write the scenario is decided before (and covers reading it).
   */
  static Optional<FeatureState> current(Connection c, Layer layer, ScenarioRef ref, long featureId)
      throws SQLException {
    ScenarioSource.Fragment src = ScenarioSource.of(layer, ref);
    String sql = "SELECT (to_jsonb(s) - ?::text[])::text, ST_AsEWKB(s." + Sql.ident(layer.geometryColumn())
        + ") FROM " + src.sql() + " s WHERE s." + Sql.ident(layer.idColumn()) + " = ?";
    List<Object> params = new ArrayList<>();
    params.add(new String[] {layer.idColumn(), layer.geometryColumn(), ScenarioSource.STATUS_COLUMN});
    params.addAll(src.params());
    params.add(featureId);
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new FeatureState(new JsonObject(rs.getString(1)), rs.getBytes(2)));
    }
  }

  /** The op of the scenario's own edit of the feature, or null when it has none. */
  static EditOp ownOp(Connection c, long scenarioId, String layerId, long featureId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT op FROM planning.edit WHERE scenario_id = ? AND layer_id = ? AND feature_id = ?")) {
      ps.setLong(1, scenarioId);
      ps.setString(2, layerId);
      ps.setLong(3, featureId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? EditOp.fromWire(rs.getString(1)) : null;
      }
    }
  }

  static long nextFeatureId(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('planning.feature_id_seq')");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Inserts or replaces the scenario's edit of the feature (the trigger bumps the scenario's version). */
  static void upsert(Connection c, long scenarioId, String layerId, long featureId, EditOp op, JsonObject state,
                     byte[] ewkb) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.edit "
        + "(scenario_id, layer_id, feature_id, op, properties, geom) "
        + "VALUES (?, ?, ?, ?, ?::jsonb, ST_SetSRID(ST_GeomFromEWKB(?), 4326)) "
        + "ON CONFLICT (scenario_id, layer_id, feature_id) DO UPDATE SET op = EXCLUDED.op, "
        + "properties = EXCLUDED.properties, geom = EXCLUDED.geom, updated_at = now()")) {
      ps.setLong(1, scenarioId);
      ps.setString(2, layerId);
      ps.setLong(3, featureId);
      ps.setString(4, op.wire());
      ps.setString(5, state.encode());
      ps.setBytes(6, ewkb);
      ps.executeUpdate();
    }
  }

  /** Removes the scenario's own edit of the feature; false when it had none. */
  static boolean remove(Connection c, long scenarioId, String layerId, long featureId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM planning.edit WHERE scenario_id = ? AND layer_id = ? AND feature_id = ?")) {
      ps.setLong(1, scenarioId);
      ps.setString(2, layerId);
      ps.setLong(3, featureId);
      return ps.executeUpdate() > 0;
    }
  }

  /** The scenario's own edits in the order they were first made, optionally of one layer only. */
  static List<Edit> list(Connection c, long scenarioId, String layerId) throws SQLException {
    List<Object> params = new ArrayList<>();
    params.add(scenarioId);
    String sql = "SELECT layer_id, feature_id, op, properties::text, ST_AsGeoJSON(geom, 9), updated_at "
        + "FROM planning.edit WHERE scenario_id = ?";
    if (layerId != null) {
      sql += " AND layer_id = ?";
      params.add(layerId);
    }
    List<Edit> out = new ArrayList<>();
    try (PreparedStatement ps = new SqlStatement(sql + " ORDER BY id", params).prepare(c);
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Edit(rs.getString(1), rs.getLong(2), EditOp.fromWire(rs.getString(3)), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()));
      }
    }
    return out;
  }
}
