package vn.citytwin.access;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.db.Database;

/**
 * The audit log ({@code access.audit}): who, when, what, from where, with which outcome — every write and every
 * login. Recording never fails the request it records; a failed insert is logged.
 */
public final class Audit {
  private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
  private final Database db;

  public Audit(Database db) {
    this.db = db;
  }

  /** <pre>INSERT INTO access.audit (who, action, target, address, outcome) VALUES (?, ?, ?, ?, ?)</pre> */
  public Future<Void> record(String who, String action, String target, String address, String outcome) {
    return db.<Void>withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO access.audit (who, action, target, address, outcome) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, cut(who, 100));
        ps.setString(2, cut(action, 200));
        ps.setString(3, cut(target, 1000));
        ps.setString(4, cut(address, 100));
        ps.setString(5, cut(outcome, 50));
        ps.executeUpdate();
      }
      return null;
    }).onFailure(e -> LOG.warn("audit record failed: {}", e.getMessage()));
  }

  /** The latest entries, newest first. */
  public Future<JsonArray> latest(int limit) {
    return db.withConnection(c -> {
      JsonArray out = new JsonArray();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, at, who, action, target, address, outcome FROM access.audit ORDER BY id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new JsonObject().put("id", rs.getLong(1)).put("at", rs.getTimestamp(2).toInstant().toString())
                .put("who", rs.getString(3)).put("action", rs.getString(4)).put("target", rs.getString(5))
                .put("address", rs.getString(6)).put("outcome", rs.getString(7)));
          }
        }
      }
      return out;
    });
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
