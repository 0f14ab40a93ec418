package vn.citytwin.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import vn.citytwin.core.config.CityTwinConfig;

/**
 * A fresh, uniquely named PostgreSQL database for one test class (or one test run), created from
 * {@code citytwin_template} (PostGIS and pgRouting already installed by scripts/setup.sh) and dropped on close.
 * There is no skipping: without a reachable PostGIS the tests fail, as they must in CI.
 *
 * <p>Settings: {@code CITYTWIN_TEST_DB_HOST} (127.0.0.1), {@code CITYTWIN_TEST_DB_PORT} (5432),
 * {@code CITYTWIN_TEST_DB_USER} / {@code _PASSWORD} (citytwin/citytwin).
 */
public final class TestDatabase implements AutoCloseable {
  private static final String HOST = env("CITYTWIN_TEST_DB_HOST", "127.0.0.1");
  private static final String PORT = env("CITYTWIN_TEST_DB_PORT", "5432");
  private static final String USER = env("CITYTWIN_TEST_DB_USER", "citytwin");
  private static final String PASSWORD = env("CITYTWIN_TEST_DB_PASSWORD", "citytwin");

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates an empty database (PostGIS installed, no CityTwin schema yet). */
  public static TestDatabase create(String purpose) {
    String name = ("ct_test_" + purpose + "_" + Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36)).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]", "_");
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE citytwin_template");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database (run scripts/setup.sh first): " + e.getMessage(), e);
    }
    return new TestDatabase(name);
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return url(name);
  }

  public CityTwinConfig.Database config() {
    return new CityTwinConfig.Database(jdbcUrl(), USER, PASSWORD, 6, 30000, 3000);
  }

  /** A direct connection (not pooled) for assertions. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  @Override
  public void close() {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop test database " + name, e);
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(url("postgres"), USER, PASSWORD);
  }

  private static String url(String db) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
  }

  private static String env(String key, String def) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? def : v;
  }
}
