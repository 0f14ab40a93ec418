package vn.citytwin.app;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.citytwin.access.IdentityStore;
import vn.citytwin.access.Role;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.core.db.Database;

/**
 * {@code citytwin token create --role planner --name qgis-lan [--user lan] [--days 90]}: an API token for a user
 * (created with the roles when missing), printed once on stdout; {@code citytwin token revoke --id N}.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create or revoke API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static HikariDataSource open(Path config) {
    ConfigSource source = ConfigSource.load(Main.configFile(config), System.getenv(), System.getProperties());
    return Database.openForTool(CityTwinConfig.from(source).database());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it once.")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "What the token is for, e.g. qgis-lan.")
    String name;
    @Option(names = "--role", required = true, split = ",",
        description = "Roles: public, viewer, planner, operator, sensor-admin, gis-admin, admin.")
    List<String> roles;
    @Option(names = "--user", description = "The user the token acts as (default: the token's name).")
    String user;
    @Option(names = "--days", description = "Days until it expires (default: never).")
    Integer days;
    @Option(names = "--config", description = "Properties file with settings (also CITYTWIN_CONFIG).")
    Path config;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Set<Role> parsed = EnumSet.noneOf(Role.class);
      for (String r : roles) {
        parsed.add(Role.parse(r).orElseThrow(() -> new ParameterException(spec.commandLine(), "Unknown role '" + r
            + "'")));
      }
      if (days != null && (days < 1 || days > 3650)) {
        throw new ParameterException(spec.commandLine(), "--days must be between 1 and 3650");
      }
      Instant expires = days == null ? null : Instant.now().plus(days, ChronoUnit.DAYS);
      try (HikariDataSource ds = open(config); Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        long uid = IdentityStore.upsertUser(c, user == null ? name : user, null, parsed);
        IdentityStore.CreatedToken t = IdentityStore.createToken(c, uid, name, expires);
        c.commit();
        System.out.println(t.secret());
        System.err.println("token " + t.id() + " '" + name + "' for user '" + (user == null ? name : user)
            + "' (shown once; revoke with: citytwin token revoke --id " + t.id() + ")");
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token (effective at once).")
  static final class Revoke implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The token's id (GET /api/tokens lists them).")
    long id;
    @Option(names = "--config", description = "Properties file with settings (also CITYTWIN_CONFIG).")
    Path config;

    @Override
    public Integer call() throws Exception {
      try (HikariDataSource ds = open(config); Connection c = ds.getConnection()) {
        if (!IdentityStore.revokeToken(c, id)) {
          System.err.println("citytwin: no token " + id);
          return 1;
        }
      }
      System.err.println("token " + id + " revoked");
      return 0;
    }
  }
}
