package vn.citytwin.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import vn.citytwin.core.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;

/**
 * The PostGIS store: a Hikari pool, Flyway migrations and a worker pool sized to the connection pool so that JDBC
 * never runs on an event loop. Every connection carries the configured {@code statement_timeout}, so no request
 * can hold the database longer than that.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;
  private final CityTwinConfig.Database config;

  private Database(HikariDataSource dataSource, WorkerExecutor workers, CityTwinConfig.Database config) {
    this.dataSource = dataSource;
    this.workers = workers;
    this.config = config;
  }

  /**
   * Opens the pool (failing fast with a clear message when the database cannot be reached) and migrates the
   * schema to the latest version.
   */
  public static Database open(Vertx vertx, CityTwinConfig.Database config, MeterRegistry registry) {
    HikariDataSource ds = openMigrated(config, registry);
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("citytwin-db", config.poolSize() + 2);
    LOG.info("database ready: {} as {}", config.url(), config.user());
    return new Database(ds, workers, config);
  }

  /**
   * A migrated pool without Vert.x, for command-line tools (seed, import, export) that run on their own thread.
   * The caller closes it.
   */
  public static HikariDataSource openForTool(CityTwinConfig.Database config) {
    return openMigrated(config, null);
  }

  private static HikariDataSource openMigrated(CityTwinConfig.Database config, MeterRegistry registry) {
    HikariConfig hc = hikari(config);
    if (registry != null) {
      hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new ConfigException("database " + config.url() + " as " + config.user() + " is not reachable: "
          + rootMessage(e) + " (run scripts/setup.sh, or set CITYTWIN_DB_URL / CITYTWIN_DB_USER / CITYTWIN_DB_PASSWORD)");
    }
    try {
      migrate(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return ds;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage()).split("\n", 2)[0];
  }

  static HikariConfig hikari(CityTwinConfig.Database config) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.url());
    hc.setUsername(config.user());
    hc.setPassword(config.password());
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(Math.min(2, config.poolSize()));
    hc.setPoolName("citytwin");
    hc.setConnectionTimeout(config.connectTimeoutMs());
    hc.setValidationTimeout(Math.max(250, Math.min(config.connectTimeoutMs(), 3000)));
    hc.setConnectionInitSql(sessionSettings(config));
    hc.addDataSourceProperty("ApplicationName", "citytwin");
    hc.addDataSourceProperty("tcpKeepAlive", "true");
    hc.addDataSourceProperty("connectTimeout", Math.max(1, config.connectTimeoutMs() / 1000));
    hc.addDataSourceProperty("socketTimeout", Math.max(60, config.statementTimeoutMs() / 1000 + 30));
    return hc;
  }

  /**
   * What every pooled connection sets once. A bounded statement time: tiles, maps and features can never cost
   * more than this. Serial plans without JIT by default, because this pool serves short interactive queries on a
   * machine that PostgreSQL shares with the server: measured on the demo city (bench/README.md), JIT compilation
   * of a z13 building tile took 170–220 ms for a query that runs in 85 ms, a parallel gather of the same tile ran
   * 1.7× slower than the serial plan (and its partial {@code ST_AsMVT}s merge into different bytes), and the 3D
   * leaves and whole-layer aggregates were slower in parallel too. A database on a large machine of its own may
   * set {@code db.parallel.workers} and {@code db.jit}.
   */
  static String sessionSettings(CityTwinConfig.Database config) {
    return "SET statement_timeout = " + config.statementTimeoutMs()
        + "; SET max_parallel_workers_per_gather = " + config.parallelWorkers()
        + "; SET jit = " + (config.jit() ? "on" : "off");
  }

  static void migrate(DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .schemas("citytwin")
        .createSchemas(true)
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public CityTwinConfig.Database config() {
    return config;
  }

  /**
   * Runs blocking JDBC work on the database worker pool (never the event loop) with a pooled connection.
   * SQLExceptions are translated once here (see {@link SqlErrors}); an {@link ApiException} passes unchanged.
   */
  public <T> Future<T> withConnection(SqlWork<T> work) {
    return workers.executeBlocking(() -> inConnection(work), false);
  }

  /** Same as {@link #withConnection} inside one transaction: committed when the work returns, rolled back on error. */
  public <T> Future<T> inTransaction(SqlWork<T> work) {
    return workers.executeBlocking(() -> inTransactionNow(work), false);
  }

  /** Runs on the calling thread: for code that already is on a worker (CLI, seeding, streaming). */
  public <T> T inConnection(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Runs a transaction on the calling thread. */
  public <T> T inTransactionNow(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Readiness probe: true when a connection answers {@code SELECT 1} within the validation timeout. */
  public Future<Boolean> ping() {
    return workers.executeBlocking(() -> {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.setQueryTimeout(3);
        s.execute("SELECT 1");
        return true;
      } catch (SQLException e) {
        return false;
      }
    }, false);
  }

  /** Pool gauges for /metrics. */
  public com.zaxxer.hikari.HikariPoolMXBean pool() {
    return dataSource.getHikariPoolMXBean();
  }

  @Override
  public void close() {
    workers.close();
    dataSource.close();
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }
}
