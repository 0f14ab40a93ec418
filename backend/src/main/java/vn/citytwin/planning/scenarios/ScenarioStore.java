package vn.citytwin.planning.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.core.db.SqlResource;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * SQL of {@code planning.scenario}. Every method runs on the caller's connection (and transaction). Writes notify
 * {@link ScenarioRegistry#CHANNEL} so that every node re-reads scenario versions after the commit.
 */
public final class ScenarioStore {
  private static final String SELECT = SqlResource.load("sql/planning/scenario_select.sql");

  private ScenarioStore() {}

  static ScenarioPage list(Connection c, ScenarioQuery q) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> params = new ArrayList<>();
    if (q.status() != null) {
      where.append(" AND s.status = ?");
      params.add(q.status().wire());
    }
    if (q.parent() != null) {
      where.append(" AND s.parent_id = ?");
      params.add(q.parent());
    } else if (q.baseOnly()) {
      where.append(" AND s.parent_id IS NULL");
    }
    // Only scenarios the reader may see: published ones, its own, those shared with it; admins see all.
    where.append(" AND (? OR s.visibility = 'published' OR s.owner_id = ? OR (s.visibility = 'shared' AND EXISTS"
        + " (SELECT 1 FROM planning.scenario_share h WHERE h.scenario_id = s.id AND h.user_id = ?)))");
    params.add(q.readerAdmin());
    params.add(q.readerId() == null ? -1L : q.readerId());
    params.add(q.readerId() == null ? -1L : q.readerId());
    long matched;
    try (PreparedStatement ps = new SqlStatement("SELECT count(*) FROM planning.scenario s" + where, params)
        .prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      matched = rs.getLong(1);
    }
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(q.limit());
    pageParams.add(q.offset());
    List<Scenario> rows = new ArrayList<>();
    try (PreparedStatement ps = new SqlStatement(SELECT + where + " ORDER BY s.id DESC LIMIT ? OFFSET ?", pageParams)
        .prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs));
      }
    }
    return new ScenarioPage(rows, matched, q);
  }

  /** The scenario, or NOT_FOUND (locator {@code id}). With {@code lock}, the row is locked FOR UPDATE. */
  public static Scenario get(Connection c, long id, boolean lock) throws SQLException {
    if (lock) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM planning.scenario WHERE id = ? FOR UPDATE")) {
        ps.setLong(1, id);
        ps.executeQuery().close();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE s.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound("id", "Unknown scenario " + id);
        }
        return read(rs);
      }
    }
  }

  /** A new scenario, private to {@code owner} (null: an admin's scenario nobody owns, still private). */
  /**
   * Sets who may read a scenario: {@code private} (its author), {@code shared} (and the named users) or
   * {@code published} (everyone). Unknown user names are an error naming {@code users}.
   */
  static void share(Connection c, long id, String visibility, List<String> users) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE planning.scenario SET visibility = ? WHERE id = ?")) {
      ps.setString(1, visibility);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM planning.scenario_share WHERE scenario_id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    if (users.isEmpty()) {
      notifyChange(c, id);
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.scenario_share (scenario_id, user_id)"
        + " SELECT ?, id FROM access.app_user WHERE name = ANY (?)")) {
      ps.setLong(1, id);
      ps.setArray(2, c.createArrayOf("text", users.toArray()));
      if (ps.executeUpdate() != new java.util.HashSet<>(users).size()) {
        throw vn.citytwin.core.error.ApiException.invalidParameter("users", "Unknown user among " + users.size()
            + " names");
      }
    }
    notifyChange(c, id);
  }

  static long insert(Connection c, Long parent, String name, String description, String author,
                     ScenarioStatus status, Long owner) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.scenario (parent_id, name, description,"
        + " author, status, owner_id, visibility) VALUES (?, ?, ?, ?, ?, ?, 'private') RETURNING id")) {
      ps.setObject(6, owner);
      ps.setObject(1, parent);
      ps.setString(2, name);
      ps.setString(3, description);
      ps.setString(4, author);
      ps.setString(5, status.wire());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        notifyChange(c, id);
        return id;
      }
    }
  }

  /** Sets the given fields (null: leave as is) and bumps the version: a metadata change is a change too. */
  static void update(Connection c, long id, ScenarioFields f) throws SQLException {
    StringBuilder set = new StringBuilder("version = version + 1, updated_at = now()");
    List<Object> params = new ArrayList<>();
    if (f.name() != null) {
      set.append(", name = ?");
      params.add(f.name().orElse(null));
    }
    if (f.description() != null) {
      set.append(", description = ?");
      params.add(f.description().orElse(null));
    }
    if (f.author() != null) {
      set.append(", author = ?");
      params.add(f.author().orElse(null));
    }
    if (f.status() != null) {
      set.append(", status = ?");
      params.add(f.status().map(ScenarioStatus::wire).orElse(null));
    }
    params.add(id);
    try (PreparedStatement ps = new SqlStatement("UPDATE planning.scenario SET " + set + " WHERE id = ?", params)
        .prepare(c)) {
      ps.executeUpdate();
    }
    notifyChange(c, id);
  }

  /** Deletes the scenario and its edits. The caller has checked it has no children. */
  static void delete(Connection c, long id) throws SQLException {
    // Edits first (their trigger updates the scenario row), then the scenario itself.
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM planning.edit WHERE scenario_id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM planning.scenario WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    notifyChange(c, id);
  }

  /** Copies every edit of {@code from} into {@code to}, feature ids included (so the two cities diff as equal). */
  static void copyEdits(Connection c, long from, long to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.edit "
        + "(scenario_id, layer_id, feature_id, op, properties, geom) "
        + "SELECT ?, layer_id, feature_id, op, properties, geom FROM planning.edit WHERE scenario_id = ? ORDER BY id")) {
      ps.setLong(1, to);
      ps.setLong(2, from);
      ps.executeUpdate();
    }
  }

  static void notifyChange(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, ScenarioRegistry.CHANNEL);
      ps.setString(2, Long.toString(id));
      ps.executeQuery().close();
    }
  }

  private static Scenario read(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    return new Scenario(rs.getLong("id"), parentId, rs.getString("name"), rs.getString("description"),
        rs.getString("author"), ScenarioStatus.parse(rs.getString("status"), "status"), rs.getLong("version"),
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("edit_count"),
        rs.getLong("child_count"), rs.getString("visibility"), rs.getString("owner"));
  }

  private static java.time.Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
