package vn.citytwin.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import vn.citytwin.access.IdentityStore;
import vn.citytwin.access.Passwords;
import vn.citytwin.access.Role;

/** Real users and API tokens in a test database, made the way the admin API makes them (hashed, with roles). */
public final class Identities {
  private Identities() {}

  /** A new API token of user {@code name} (created with the roles if missing); the secret, to send as Bearer. */
  public static String token(TestDatabase db, String name, Role... roles) {
    try (Connection c = db.connect()) {
      long id = IdentityStore.upsertUser(c, name, null, Set.of(roles));
      return IdentityStore.createToken(c, id, name + " test token", null).secret();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A user who signs in with a password; returns the user's id. */
  public static long user(TestDatabase db, String name, String password, Role... roles) {
    try (Connection c = db.connect()) {
      return IdentityStore.upsertUser(c, name, Passwords.hash(password), Set.of(roles));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
