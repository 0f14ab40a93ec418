package vn.citytwin.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A planning scenario with edits, written straight into {@code planning.scenario} / {@code planning.edit} the way
 * the edit service stores them (complete feature state per edit), for tests of the read path in every protocol.
 * Every value is bound. After {@link #create}, call {@code server.scenarios().refresh()} so a running server sees it.
 *
 * <pre>{@code
 * long id = ScenarioFixture.named("Tháp mới")
 *     .delete("buildings", 2)
 *     .add("buildings", 1_000_000_000_001L, "{\"use_type\":\"hotel\",\"levels\":25}", "POLYGON((…))")
 *     .create(db);
 * }</pre>
 */
public final class ScenarioFixture {
  private final String name;
  private final List<Edit> edits = new ArrayList<>();

  private record Edit(String layer, long featureId, String op, String propertiesJson, String wkt) {}

  private ScenarioFixture(String name) {
    this.name = name;
  }

  public static ScenarioFixture named(String name) {
    return new ScenarioFixture(name);
  }

  /** Removes a base feature in this scenario. */
  public ScenarioFixture delete(String layer, long featureId) {
    edits.add(new Edit(layer, featureId, "delete", null, null));
    return this;
  }

  /**
   * Adds a feature.
   *
   * @param propertiesJson the complete attribute state as a JSON object
   * @param wkt geometry in EPSG:4326, lon/lat
   */
  public ScenarioFixture add(String layer, long featureId, String propertiesJson, String wkt) {
    edits.add(new Edit(layer, featureId, "add", propertiesJson, wkt));
    return this;
  }

  /** Replaces a base feature's state (complete attributes; the geometry too when {@code wkt} is not null). */
  public ScenarioFixture modify(String layer, long featureId, String propertiesJson, String wkt) {
    edits.add(new Edit(layer, featureId, "modify", propertiesJson, wkt));
    return this;
  }

  /** Writes the scenario and its edits in one transaction; returns the scenario id. */
  public long create(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.scenario (name) VALUES (?) RETURNING id")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.edit (scenario_id, layer_id, feature_id, "
          + "op, properties, geom) VALUES (?, ?, ?, ?, COALESCE(?::jsonb, '{}'), ST_GeomFromText(?, 4326))")) {
        for (Edit e : edits) {
          ps.setLong(1, id);
          ps.setString(2, e.layer());
          ps.setLong(3, e.featureId());
          ps.setString(4, e.op());
          ps.setString(5, e.propertiesJson());
          ps.setString(6, e.wkt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      return id;
    }
  }
}
