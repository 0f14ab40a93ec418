package vn.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.testing.TestDatabase;

/** {@code serve} seeds an empty database by itself, once, and leaves a loaded one alone. */
class DemoBootstrapIT {

  @Test
  void anEmptyDatabaseGetsTheDemoCityAndAFullOneIsLeftAlone() throws Exception {
    try (TestDatabase db = TestDatabase.create("bootstrap")) {
      CityTwinConfig cfg = CityTwinConfig.from(ConfigSource.of(Map.of("db.url", db.jdbcUrl(),
          "demo.buildings", "2000")));
      DemoBootstrap.seedIfEmpty(cfg);
      assertThat(count(db, "SELECT count(*) FROM city.buildings")).isEqualTo(2000);
      assertThat(count(db, "SELECT count(*) FROM citytwin.catalog WHERE synthetic")).isGreaterThanOrEqualTo(14);

      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("DELETE FROM city.buildings WHERE id IN (SELECT id FROM city.buildings ORDER BY id LIMIT 10)");
      }
      DemoBootstrap.seedIfEmpty(cfg); // not empty: nothing reloaded, the user's change stays
      assertThat(count(db, "SELECT count(*) FROM city.buildings")).isEqualTo(1990);
    }
  }

  @Test
  void zeroBuildingsMeansNoDemoCity() throws Exception {
    try (TestDatabase db = TestDatabase.create("bootstrap0")) {
      CityTwinConfig cfg = CityTwinConfig.from(ConfigSource.of(Map.of("db.url", db.jdbcUrl(),
          "demo.buildings", "0")));
      DemoBootstrap.seedIfEmpty(cfg);
      assertThat(count(db, "SELECT count(*) FROM city.buildings")).isZero();
    }
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
