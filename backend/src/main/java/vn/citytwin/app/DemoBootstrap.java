package vn.citytwin.app;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlErrors;
import vn.citytwin.demo.DemoOptions;
import vn.citytwin.demo.DemoSeeder;

/**
 * Before {@code serve}: migrate, and load the Vũng Tàu demo city when the database holds no city yet
 * ({@code demo.seed.when.empty}; {@code demo.buildings = 0} means never seed).
 */
final class DemoBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DemoBootstrap.class);

  private DemoBootstrap() {}

  static void seedIfEmpty(CityTwinConfig cfg) {
    try (HikariDataSource ds = Database.openForTool(cfg.database())) {
      if (cfg.demo().seedWhenEmpty() && cfg.demo().buildings() > 0 && DemoSeeder.isEmpty(ds)) {
        LOG.info("empty database: loading the Vũng Tàu demo city ({} buildings)", cfg.demo().buildings());
        DemoSeeder.seed(ds, new DemoOptions(cfg.demo().seed(), cfg.demo().buildings()), false);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }
}
