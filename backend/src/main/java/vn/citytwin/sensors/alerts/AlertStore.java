package vn.citytwin.sensors.alerts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.core.db.SqlResource;

/**
 * The alert tables of migration V11: rules (copied from config), the current level of each datastream, the
 * history. Every method runs on the caller's connection (a worker thread); transitions in the caller's
 * transaction.
 */
final class AlertStore {
  private static final String SELECT = SqlResource.load("sql/sensors/alerts/select.sql");
  private static final String STALE = SqlResource.load("sql/sensors/alerts/stale.sql");

  /** A datastream's judged state: the level its newest reading puts it in. */
  record Reading(long datastream, String level, Double value, Double threshold, Long observationId,
                 Instant observedAt, String message) {}

  /** What a transition did to an alert. */
  record AlertEvent(String event, Alert alert) {}

  /** Which alerts a listing shows, newest first. Null members do not filter. */
  record AlertQuery(Boolean open, Boolean acknowledged, List<String> levels, Long datastream, Instant since,
                    int limit) {}

  private AlertStore() {}

  /** Replaces the rules and the stale time with the configured ones (at start; last node started wins). */
  static void syncRules(Connection c, SensorsLiveSettings.Alerts alerts) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM sensor.alert_rule");
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO sensor.alert_rule (observed_property, warning, alarm, below) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, SensorsLiveSettings.Threshold> e : alerts.rules().entrySet()) {
        ps.setString(1, e.getKey());
        ps.setDouble(2, e.getValue().warning());
        ps.setDouble(3, e.getValue().alarm());
        ps.setBoolean(4, e.getValue().below());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE sensor.alert_config SET stale_minutes = ?")) {
      ps.setInt(1, alerts.staleMinutes());
      ps.executeUpdate();
    }
  }

  /** The current level of every datastream that has one. */
  static Map<Long, String> levels(Connection c) throws SQLException {
    Map<Long, String> levels = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT datastream_id, level FROM sensor.alert_state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        levels.put(rs.getLong(1), rs.getString(2));
      }
    }
    return levels;
  }

  /**
   * Moves a datastream to the reading's level, under a lock on its state row: clears its open alert, raises a new
   * one for warning/alarm/stale. A reading older than the one last judged changes nothing.
   *
   * @return the alerts cleared and raised (empty when the level did not change)
   */
  static List<AlertEvent> transition(Connection c, Reading r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensor.alert_state (datastream_id, level) "
        + "SELECT ?, 'ok' WHERE EXISTS (SELECT 1 FROM sensor.datastream WHERE id = ?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, r.datastream());
      ps.setLong(2, r.datastream());
      ps.executeUpdate();
    }
    String level;
    Timestamp judged;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT level, observed_at FROM sensor.alert_state WHERE datastream_id = ? FOR UPDATE")) {
      ps.setLong(1, r.datastream());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return List.of(); // the datastream is gone
        }
        level = rs.getString(1);
        judged = rs.getTimestamp(2);
      }
    }
    if (judged != null && r.observedAt() != null && judged.toInstant().isAfter(r.observedAt())) {
      return List.of();
    }
    if (level.equals(r.level())) {
      updateState(c, r, false);
      return List.of();
    }
    List<Long> cleared = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("UPDATE sensor.alerts SET cleared_at = now() "
        + "WHERE datastream_id = ? AND cleared_at IS NULL RETURNING id")) {
      ps.setLong(1, r.datastream());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cleared.add(rs.getLong(1));
        }
      }
    }
    Long raised = null;
    if (!r.level().equals("ok")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensor.alerts (datastream_id, level, value, "
          + "threshold, observation_id, observed_at, message) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
        ps.setLong(1, r.datastream());
        ps.setString(2, r.level());
        setDouble(ps, 3, r.value());
        setDouble(ps, 4, r.threshold());
        if (r.observationId() == null) {
          ps.setNull(5, Types.BIGINT);
        } else {
          ps.setLong(5, r.observationId());
        }
        ps.setTimestamp(6, r.observedAt() == null ? null : Timestamp.from(r.observedAt()));
        ps.setString(7, r.message());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          raised = rs.getLong(1);
        }
      }
    }
    updateState(c, r, true);
    List<AlertEvent> events = new ArrayList<>();
    for (Alert a : byIds(c, cleared)) {
      events.add(new AlertEvent("cleared", a));
    }
    if (raised != null) {
      for (Alert a : byIds(c, List.of(raised))) {
        events.add(new AlertEvent("raised", a));
      }
    }
    return events;
  }

  private static void updateState(Connection c, Reading r, boolean changed) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE sensor.alert_state SET level = ?, "
        + "observed_at = greatest(observed_at, ?)" + (changed ? ", since = now()" : "") + " WHERE datastream_id = ?")) {
      ps.setString(1, r.level());
      ps.setTimestamp(2, r.observedAt() == null ? null : Timestamp.from(r.observedAt()));
      ps.setLong(3, r.datastream());
      ps.executeUpdate();
    }
  }

  /** Datastreams silent for longer than {@code minutes} that are not yet stale, with their last reading time. */
  static Map<Long, Instant> staleCandidates(Connection c, int minutes) throws SQLException {
    Map<Long, Instant> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(STALE)) {
      ps.setInt(1, minutes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
        }
      }
    }
    return out;
  }

  static List<Alert> list(Connection c, AlertQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
    List<Object> values = new ArrayList<>();
    if (q.open() != null) {
      sql.append(q.open() ? " AND a.cleared_at IS NULL" : " AND a.cleared_at IS NOT NULL");
    }
    if (q.acknowledged() != null) {
      sql.append(q.acknowledged() ? " AND a.acknowledged_at IS NOT NULL" : " AND a.acknowledged_at IS NULL");
    }
    if (q.levels() != null && !q.levels().isEmpty()) {
      sql.append(" AND a.level = ANY (?)");
      values.add(c.createArrayOf("text", q.levels().toArray()));
    }
    if (q.datastream() != null) {
      sql.append(" AND a.datastream_id = ?");
      values.add(q.datastream());
    }
    if (q.since() != null) {
      sql.append(" AND a.raised_at >= ?");
      values.add(Timestamp.from(q.since()));
    }
    sql.append(" ORDER BY a.raised_at DESC, a.id DESC LIMIT ?");
    values.add(q.limit());
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      return read(ps);
    }
  }

  /**
   * Acknowledges an alert (once: a second acknowledgement changes nothing).
   *
   * @return the alert and whether this call acknowledged it, or null when there is no such alert
   */
  static Map.Entry<Alert, Boolean> acknowledge(Connection c, long id, String by, String note) throws SQLException {
    boolean now;
    try (PreparedStatement ps = c.prepareStatement("UPDATE sensor.alerts SET acknowledged_at = now(), "
        + "acknowledged_by = ?, ack_note = ? WHERE id = ? AND acknowledged_at IS NULL")) {
      ps.setString(1, by);
      ps.setString(2, note);
      ps.setLong(3, id);
      now = ps.executeUpdate() == 1;
    }
    List<Alert> found = byIds(c, List.of(id));
    return found.isEmpty() ? null : Map.entry(found.get(0), now);
  }

  static List<Alert> byIds(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.id = ANY (?) ORDER BY a.id")) {
      Array array = c.createArrayOf("bigint", ids.toArray());
      ps.setArray(1, array);
      return read(ps);
    }
  }

  private static List<Alert> read(PreparedStatement ps) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Alert.read(rs));
      }
    }
    return out;
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }
}
