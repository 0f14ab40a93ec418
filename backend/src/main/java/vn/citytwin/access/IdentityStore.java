package vn.citytwin.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users, roles, API and refresh tokens in schema {@code access} (migration V20). Blocking JDBC: callers run it on
 * the database workers. Every value is bound; tokens are looked up by their SHA-256 only.
 */
public final class IdentityStore {
  private static final String PRINCIPAL = """
      SELECT u.id, u.name, array_remove(array_agg(r.role), NULL)
      FROM access.app_user u LEFT JOIN access.user_role r ON r.user_id = u.id
      WHERE u.id = ? AND NOT u.disabled GROUP BY u.id, u.name""";

  /** A user's stored login: id, name and bcrypt hash (null when the user has none or is disabled). */
  public record Login(long id, String name, String passwordHash) {}

  /** A token as admins list it (never its secret). */
  public record TokenInfo(long id, String name, String user, Set<Role> roles, Instant createdAt, Instant expiresAt,
                          boolean revoked, Instant lastUsedAt) {}

  /** A token just created: its id and the secret, shown once. */
  public record CreatedToken(long id, String secret) {}

  private IdentityStore() {}

  /** The principal of an active user; empty when unknown or disabled. */
  public static Optional<Principal> principal(Connection c, long userId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PRINCIPAL)) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Principal(rs.getLong(1), rs.getString(2), roles(rs.getArray(3))))
            : Optional.empty();
      }
    }
  }

  /**
   * The principal of a live API token (not revoked, not expired, user enabled), marking it used at most once a
   * minute.
   * <pre>SELECT user_id FROM access.api_token WHERE token_hash = ? AND NOT revoked AND (expires_at IS NULL OR expires_at > now())</pre>
   */
  public static Optional<Principal> byToken(Connection c, byte[] hash) throws SQLException {
    Long userId = null;
    try (PreparedStatement ps = c.prepareStatement("UPDATE access.api_token SET last_used_at = now()"
        + " WHERE token_hash = ? AND NOT revoked AND (expires_at IS NULL OR expires_at > now())"
        + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') RETURNING user_id")) {
      ps.setBytes(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          userId = rs.getLong(1);
        }
      }
    }
    if (userId == null) {
      try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM access.api_token"
          + " WHERE token_hash = ? AND NOT revoked AND (expires_at IS NULL OR expires_at > now())")) {
        ps.setBytes(1, hash);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            userId = rs.getLong(1);
          }
        }
      }
    }
    return userId == null ? Optional.empty() : principal(c, userId);
  }

  public static Optional<Login> login(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, name, password_hash FROM access.app_user WHERE name = ? AND NOT disabled")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Login(rs.getLong(1), rs.getString(2), rs.getString(3))) : Optional.empty();
      }
    }
  }

  /** Creates the user, or adds the roles to an existing one (keeping its password unless one is given). */
  public static long upsertUser(Connection c, String name, String passwordHash, Set<Role> roles) throws SQLException {
    long id;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO access.app_user (name, password_hash) VALUES (?, ?)"
        + " ON CONFLICT (name) DO UPDATE SET password_hash = COALESCE(EXCLUDED.password_hash,"
        + " access.app_user.password_hash) RETURNING id")) {
      ps.setString(1, name);
      ps.setString(2, passwordHash);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO access.user_role (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (Role r : roles) {
        ps.setLong(1, id);
        ps.setString(2, r.wireName());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return id;
  }

  public static CreatedToken createToken(Connection c, long userId, String name, Instant expiresAt)
      throws SQLException {
    String secret = Secrets.newToken();
    return new CreatedToken(insertToken(c, userId, name, secret, expiresAt), secret);
  }

  /** Stores a given secret (the configured first admin token); only its hash is kept. */
  public static long insertToken(Connection c, long userId, String name, String secret, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO access.api_token (user_id, name, token_hash,"
        + " expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO UPDATE SET revoked = false RETURNING id")) {
      ps.setLong(1, userId);
      ps.setString(2, name);
      ps.setBytes(3, Secrets.sha256(secret));
      ps.setTimestamp(4, expiresAt == null ? null : Timestamp.from(expiresAt));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public static List<TokenInfo> tokens(Connection c) throws SQLException {
    List<TokenInfo> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT t.id, t.name, u.name, (SELECT array_agg(role) FROM access.user_role r WHERE r.user_id = u.id),
               t.created_at, t.expires_at, t.revoked, t.last_used_at
        FROM access.api_token t JOIN access.app_user u ON u.id = t.user_id ORDER BY t.id""");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), roles(rs.getArray(4)),
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getBoolean(7), instant(rs.getTimestamp(8))));
      }
    }
    return out;
  }

  /** Revokes a token; false when there is none with that id. */
  public static boolean revokeToken(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE access.api_token SET revoked = true WHERE id = ?")) {
      ps.setLong(1, id);
      return ps.executeUpdate() > 0;
    }
  }

  public static boolean anyAdmin(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM access.user_role r JOIN access.app_user u"
        + " ON u.id = r.user_id WHERE r.role = 'admin' AND NOT u.disabled LIMIT 1");
         ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** Stores a refresh token's hash for the user until {@code expiresAt}. */
  public static void insertRefresh(Connection c, long userId, String secret, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO access.refresh_token (token_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
      ps.setBytes(1, Secrets.sha256(secret));
      ps.setLong(2, userId);
      ps.setTimestamp(3, Timestamp.from(expiresAt));
      ps.executeUpdate();
    }
  }

  /** Uses up a live refresh token (one use each: rotation); the user id, or empty. */
  public static Optional<Long> useRefresh(Connection c, String secret) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE access.refresh_token SET revoked = true"
        + " WHERE token_hash = ? AND NOT revoked AND expires_at > now() RETURNING user_id")) {
      ps.setBytes(1, Secrets.sha256(secret));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** A server secret by name, generated and stored by {@code generate} at first use (any node may win the race). */
  public static String secret(Connection c, String name, java.util.function.Supplier<String> generate)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO access.secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
      ps.setString(1, name);
      ps.setString(2, generate.get());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM access.secret WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  static Set<Role> roles(java.sql.Array a) throws SQLException {
    Set<Role> set = EnumSet.noneOf(Role.class);
    if (a != null) {
      for (Object o : (Object[]) a.getArray()) {
        if (o != null) {
          Role.parse(o.toString()).ifPresent(set::add);
        }
      }
    }
    return set;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
