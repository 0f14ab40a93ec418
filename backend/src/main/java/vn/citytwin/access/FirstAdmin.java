package vn.citytwin.access;

import java.util.Optional;
import java.util.Set;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;

/**
 * The first admin: when no enabled admin exists, creates user {@code admin} with the configured password and/or
 * token ({@code access.admin.password}, {@code access.admin.token}), or a generated token, which is returned to be
 * printed once on the console and never logged or stored in clear.
 */
public final class FirstAdmin {
  public static final String USER = "admin";

  private FirstAdmin() {}

  /** The generated token to print once, or empty when an admin existed or the configuration set the credentials. */
  public static Optional<String> ensure(Database db, CityTwinConfig.Access config) {
    String hash = config.adminPassword() == null ? null : Passwords.hash(config.adminPassword());
    return db.inTransactionNow(c -> {
      if (IdentityStore.anyAdmin(c) && config.adminToken() == null) {
        return Optional.<String>empty();
      }
      long id = IdentityStore.upsertUser(c, USER, hash, Set.of(Role.ADMIN));
      if (config.adminToken() != null) {
        IdentityStore.insertToken(c, id, "configured admin token", config.adminToken(), null);
        return Optional.<String>empty();
      }
      if (config.adminPassword() != null) {
        return Optional.<String>empty();
      }
      return Optional.of(IdentityStore.createToken(c, id, "first admin token", null).secret());
    });
  }
}
