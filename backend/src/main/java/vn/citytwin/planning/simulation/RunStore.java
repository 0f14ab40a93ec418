package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import vn.citytwin.core.db.SqlResource;

/**
 * Runs and their result geometries in {@code planning.simulation_run} / {@code planning.simulation_result}
 * (migration V4). Plain JDBC on a connection the caller owns; no HTTP here. A run's results are its output, not a
 * city layer, so they are read here and not through {@code LayerQuery}; the run read its inputs through the read
 * path ({@link RunContext#source}).
 */
final class RunStore {
  private static final String COLUMNS = "id, kind, scenario_id, scenario_key, params::text, status, percent_done,"
      + " created_at, started_at, finished_at, result::text, error::text";
  private static final String FEATURE_COLLECTION = SqlResource.load("sql/simulation/feature_collection.sql");

  void insert(Connection c, RunView run, Long scenarioId, String cacheKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.simulation_run (id, kind, scenario_id,"
        + " scenario_key, cache_key, params, status, percent_done, created_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
      ps.setString(1, run.id());
      ps.setString(2, run.kind().wire());
      if (scenarioId == null) {
        ps.setNull(3, Types.BIGINT);
      } else {
        ps.setLong(3, scenarioId);
      }
      ps.setString(4, run.scenarioKey());
      ps.setString(5, cacheKey);
      ps.setString(6, run.params().encode());
      ps.setString(7, run.status().wire());
      ps.setDouble(8, run.percentDone());
      ps.setTimestamp(9, ts(run.createdAt()));
      ps.executeUpdate();
    }
  }

  /** Writes the run's state (status, percent, times, result, error). */
  void update(Connection c, RunView run) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE planning.simulation_run SET status = ?, percent_done = ?,"
        + " started_at = ?, finished_at = ?, result = ?::jsonb, error = ?::jsonb WHERE id = ?")) {
      ps.setString(1, run.status().wire());
      ps.setDouble(2, run.percentDone());
      ps.setTimestamp(3, ts(run.startedAt()));
      ps.setTimestamp(4, ts(run.finishedAt()));
      ps.setString(5, run.result() == null ? null : run.result().encode());
      ps.setString(6, run.error() == null ? null : run.error().encode());
      ps.setString(7, run.id());
      ps.executeUpdate();
    }
  }

  /** Stores the geometries of a run (in the caller's transaction). */
  void insertFeatures(Connection c, String runId, List<ResultFeature> features) throws SQLException {
    WKBWriter wkb = new WKBWriter(2, false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.simulation_result (run_id, layer, properties,"
        + " geom) VALUES (?, ?, ?::jsonb, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
      int n = 0;
      for (ResultFeature f : features) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
          continue;
        }
        ps.setString(1, runId);
        ps.setString(2, f.layer());
        ps.setString(3, f.properties().encode());
        ps.setBytes(4, wkb.write(g));
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  Optional<RunView> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM planning.simulation_run WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The newest finished run with this cache key. */
  Optional<RunView> findDone(Connection c, String cacheKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM planning.simulation_run"
        + " WHERE cache_key = ? AND status = 'done' ORDER BY finished_at DESC LIMIT 1")) {
      ps.setString(1, cacheKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Marks runs that were left queued or running longer ago than any run may last as failed: their node stopped
   * (every run gives up at its deadline, so nothing that old is still at work anywhere).
   */
  int failAbandoned(Connection c, Instant createdBefore) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE planning.simulation_run SET status = 'failed',"
        + " finished_at = now(), error = ?::jsonb WHERE status IN ('queued', 'running') AND created_at < ?")) {
      ps.setString(1, new JsonObject().put("code", "ServiceUnavailable")
          .put("description", "The server stopped while the simulation was running; run it again").encode());
      ps.setTimestamp(2, ts(createdBefore));
      return ps.executeUpdate();
    }
  }

  /** The run's geometries as a GeoJSON FeatureCollection; {@code layer} null for all of them. */
  String featureCollection(Connection c, String runId, String layer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FEATURE_COLLECTION)) {
      ps.setString(1, runId);
      ps.setString(2, layer);
      ps.setString(3, layer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static RunView read(ResultSet rs) throws SQLException {
    long sid = rs.getLong(3);
    String scenario = rs.wasNull() ? "base" : Long.toString(sid);
    String result = rs.getString(11);
    String error = rs.getString(12);
    return new RunView(rs.getString(1), SimulationKind.parse(rs.getString(2)), scenario, rs.getString(4),
        new JsonObject(rs.getString(5)), RunStatus.fromWire(rs.getString(6)), rs.getDouble(7), instant(rs, 8),
        instant(rs, 9), instant(rs, 10), result == null ? null : new JsonObject(result),
        error == null ? null : new JsonObject(error));
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    Timestamp t = rs.getTimestamp(i);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
