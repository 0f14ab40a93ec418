package vn.citytwin.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.testing.TestDatabase;

/** Every pooled connection carries the configured statement timeout and planner settings, read back from PostgreSQL. */
class SessionSettingsIT {
  private static TestDatabase db;

  @BeforeAll
  static void create() {
    db = TestDatabase.create("session");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void pooledConnectionsPlanSeriallyWithoutJitByDefault() throws SQLException {
    var base = db.config();
    CityTwinConfig.Database config = CityTwinConfig.from(ConfigSource.of(Map.of("db.url", base.url(),
        "db.statement.timeout.ms", "4500"))).database();
    try (HikariDataSource ds = Database.openForTool(config); Connection c = ds.getConnection()) {
      assertThat(show(c, "statement_timeout")).isEqualTo("4500ms");
      assertThat(show(c, "max_parallel_workers_per_gather")).isEqualTo("0");
      assertThat(show(c, "jit")).isEqualTo("off");
    }
  }

  @Test
  void aDatabaseOnItsOwnMachineMayPlanInParallelWithJit() throws SQLException {
    CityTwinConfig.Database config = CityTwinConfig.from(ConfigSource.of(Map.of("db.url", db.config().url(),
        "db.parallel.workers", "3", "db.jit", "true"))).database();
    try (HikariDataSource ds = Database.openForTool(config); Connection c = ds.getConnection()) {
      assertThat(show(c, "max_parallel_workers_per_gather")).isEqualTo("3");
      assertThat(show(c, "jit")).isEqualTo("on");
      assertThat(show(c, "statement_timeout")).isEqualTo("30s");
    }
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
