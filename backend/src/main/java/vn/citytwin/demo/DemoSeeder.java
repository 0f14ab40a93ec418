package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.db.Sql;

/**
 * Loads the demo city into a migrated CityTwin database: every {@link DemoTable} is emptied and refilled with COPY
 * in one transaction, the catalog rows are marked synthetic with the demo attribution, and a marker (a comment on
 * {@code city.buildings} holding the generator version, seed and size) records what was loaded. Seeding again
 * with the same seed and size is a no-op unless forced; anything else reloads. Runs on the calling thread (a
 * worker or the CLI, never an event loop).
 */
public final class DemoSeeder {
  /** Bumped whenever the generator's output changes, so an old demo load is replaced. */
  static final int GENERATOR_VERSION = 1;
  static final String ATTRIBUTION = "Dữ liệu mô phỏng / synthetic demo data, CityTwin";
  /** From this many buildings on, the building indexes are dropped for the load and built afterwards. */
  static final int BULK_INDEX_THRESHOLD = 200_000;
  private static final long LOCK_KEY = 0x43_69_74_79_44_65_6d_6fL;
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  /** What a call did: whether it (re)loaded, the row counts when it did, and the marker now in the database. */
  public record Result(boolean loaded, DemoCity.Summary summary, String marker) {}

  private DemoSeeder() {}

  /**
   * Seeds the demo city unless the same seed and size are already loaded ({@code force} reloads anyway).
   *
   * @throws SQLException when the database refuses (schema not migrated, no rights, connection lost)
   */
  public static Result seed(DataSource ds, DemoOptions opts, boolean force) throws SQLException {
    String marker = marker(opts);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, LOCK_KEY);
          lock.execute();
        }
        if (!force && loaded(c, marker, opts.buildings())) {
          // A city loaded before the sensors existed still gets its stations' SensorThings entities.
          StationThings.Result sta = StationThings.ensure(c);
          c.commit();
          LOG.info("demo city already loaded ({}), nothing to do{}", marker,
              sta.things() > 0 ? " but " + sta.things() + " station Things added" : "");
          return new Result(false, null, marker);
        }
        DemoCity.Summary summary = load(c, opts, marker);
        StationThings.Result sta = StationThings.ensure(c);
        LOG.info("demo stations: {} Things, {} Datastreams created", sta.things(), sta.datastreams());
        c.commit();
        analyze(c);
        LOG.info("demo city loaded ({}): {} rows in {} ms", marker, summary.rows(), summary.millis());
        return new Result(true, summary, marker);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** True when none of the demo tables holds a row (a fresh database that {@code serve} may seed by itself). */
  public static boolean isEmpty(DataSource ds) throws SQLException {
    StringJoiner sql = new StringJoiner(" AND ", "SELECT ", "");
    for (DemoTable t : DemoTable.values()) {
      sql.add("NOT EXISTS (SELECT 1 FROM " + Sql.qualified(t.schema(), t.table()) + ")");
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql.toString())) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The marker of a demo load: generator version, seed and building count (numbers only). */
  static String marker(DemoOptions opts) {
    return "citytwin-demo v" + GENERATOR_VERSION + " seed=" + opts.seed() + " buildings=" + opts.buildings();
  }

  /** The marker currently on {@code city.buildings}, or null. */
  static String currentMarker(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT obj_description('city.buildings'::regclass, 'pg_class')")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static boolean loaded(Connection c, String marker, int buildings) throws SQLException {
    if (!marker.equals(currentMarker(c))) {
      return false;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM city.buildings")) {
      rs.next();
      return rs.getLong(1) == buildings;
    }
  }

  private static DemoCity.Summary load(Connection c, DemoOptions opts, String marker) throws SQLException {
    StringJoiner all = new StringJoiner(", ", "TRUNCATE ", "");
    for (DemoTable t : DemoTable.values()) {
      all.add(Sql.qualified(t.schema(), t.table()));
    }
    try (Statement s = c.createStatement()) {
      s.execute(all.toString());
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    // Big loads: building the secondary indexes once after COPY (sorted GiST build) beats updating them per row.
    List<String> rebuild = opts.buildings() >= BULK_INDEX_THRESHOLD ? dropSecondaryIndexes(c, DemoTable.BUILDINGS)
        : List.of();
    DemoCity.Summary summary;
    try {
      summary = DemoCity.write(opts, (table, body) -> {
        try (OutputStream out = new PGCopyOutputStream(pg, copySql(table), 1 << 16)) {
          body.writeTo(out);
        } catch (SQLException e) {
          throw new IOException("COPY " + table.qualifiedName() + " failed", e);
        }
      });
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("demo COPY failed: " + e.getMessage(), "58030", e);
    }
    try (Statement s = c.createStatement()) {
      for (String ddl : rebuild) {
        s.execute(ddl);
      }
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO citytwin.catalog AS k (layer_id, synthetic, attribution) "
        + "VALUES (?, true, ?) ON CONFLICT (layer_id) DO UPDATE SET synthetic = true, attribution = EXCLUDED.attribution")) {
      for (DemoTable t : DemoTable.values()) {
        if (t.isCityLayer()) {
          p.setString(1, t.table());
          p.setString(2, ATTRIBUTION);
          p.addBatch();
        }
      }
      p.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      // COMMENT takes no bind parameters; the marker is built from a constant and two numbers only.
      s.execute("COMMENT ON TABLE city.buildings IS '" + marker.replace("'", "''") + "'");
    }
    return summary;
  }

  /**
   * Drops the non-constraint indexes of a table and returns their definitions (from {@code pg_indexes}, so exactly
   * what the migrations created) to run again after the load. Inside the load transaction: a failure restores them.
   */
  private static List<String> dropSecondaryIndexes(Connection c, DemoTable t) throws SQLException {
    List<String> defs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT i.indexname, i.indexdef FROM pg_indexes i "
        + "WHERE i.schemaname = ? AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
        + "WHERE k.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) "
        + "ORDER BY i.indexname")) {
      p.setString(1, t.schema());
      p.setString(2, t.table());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          defs.add(rs.getString(2));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("DROP INDEX " + Sql.qualified(t.schema(), name));
      }
    }
    return defs;
  }

  static String copySql(DemoTable t) {
    StringJoiner cols = new StringJoiner(", ", " (", ")");
    t.columns().forEach(col -> cols.add(Sql.ident(col)));
    return "COPY " + Sql.qualified(t.schema(), t.table()) + cols + " FROM STDIN";
  }

  private static void analyze(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (DemoTable t : DemoTable.values()) {
        s.execute("ANALYZE " + Sql.qualified(t.schema(), t.table()));
      }
    }
  }
}
