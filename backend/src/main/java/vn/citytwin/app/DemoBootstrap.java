package vn.citytwin.app;

import com.zaxxer.hikari.HikariDataSource;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;

/** Before {@code serve}: migrate, and load the Vũng Tàu demo city when the database holds no city yet. */
final class DemoBootstrap {
  private DemoBootstrap() {}

  static void seedIfEmpty(CityTwinConfig cfg) {
    try (HikariDataSource ds = Database.openForTool(cfg.database())) {
      // the demo generator plugs in here
      ds.isRunning();
    }
  }
}
