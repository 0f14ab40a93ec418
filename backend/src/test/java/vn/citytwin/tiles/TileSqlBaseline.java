package vn.citytwin.tiles;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Benchmark helper (not a test): writes the fixed tile list and measures the floor — the server's own tile SQL
 * ({@link MvtSql}) run straight on PostGIS over JDBC with the same concurrency as the HTTP load. Used by
 * {@code bench/tiles/run.sh}; see bench/README.md.
 *
 * <pre>list DB_URL LAYERS OUT_FILE N       write N tile paths z12–z17 over the layers' extent (seed 42)
 * raw  DB_URL LAYERS LIST_FILE THREADS  run every tile's SQL, print tiles/s, p50, p99</pre>
 */
public final class TileSqlBaseline {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    var dbConfig = new CityTwinConfig.Database(args[1], "citytwin", "citytwin", 8, 60000, 5000);
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, dbConfig, null)) {
      Catalog catalog = Catalog.load(db);
      List<Layer> layers = Arrays.stream(args[2].split(",")).map(id -> catalog.require(id, "layer", true)).toList();
      if (mode.equals("list")) {
        writeList(db, layers.get(0), Path.of(args[3]), Integer.parseInt(args[4]));
      } else {
        raw(db, layers, Files.readAllLines(Path.of(args[3])), Integer.parseInt(args[4]));
      }
    } finally {
      vertx.close();
    }
  }

  private static void writeList(Database db, Layer layer, Path out, int n) throws Exception {
    // Tiles centred on random features (so they hold data, as real map views do), zooms 12–17 evenly.
    List<double[]> points = db.inConnection(c -> {
      List<double[]> pts = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p "
          + "FROM city." + layer.table() + " ORDER BY id) s");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pts.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
        }
      }
      return pts;
    });
    SplittableRandom random = new SplittableRandom(42);
    List<String> lines = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int misses = 0;
    while (lines.size() < n) {
      double[] p = points.get(random.nextInt(points.size()));
      int z = 12 + lines.size() % 6;
      int x = (int) Math.floor((p[0] + 180) / 360 * (1 << z));
      double r = Math.toRadians(p[1]);
      int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
      String line = z + "/" + x + "/" + y;
      // Low zooms hold few distinct tiles over one city: after 50 repeats, take a repeat (as real traffic would).
      if (seen.add(line) || ++misses > 50) {
        lines.add(line);
        misses = 0;
      }
    }
    Files.write(out, lines);
    System.out.println("wrote " + lines.size() + " tiles to " + out);
  }

  private static void raw(Database db, List<Layer> layers, List<String> tiles, int threads) throws Exception {
    List<SqlStatement> statements = new ArrayList<>();
    for (String t : tiles) {
      String[] p = t.split("/");
      TileAddress a = new TileAddress(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
      statements.add(MvtSql.build(new TileRequest(layers, a, ScenarioRef.BASE, null, null, null, null, null)));
    }
    runAll(db, statements, threads); // warm-up pass: same state as the server's (shared buffers, plans)
    long[] nanos = new long[statements.size()];
    long t0 = System.nanoTime();
    runAll(db, statements, threads, nanos);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "raw_tiles_per_s=%.1f p50_ms=%.2f p99_ms=%.2f tiles=%d threads=%d%n",
        statements.size() / seconds, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
        statements.size(), threads);
  }

  private static void runAll(Database db, List<SqlStatement> statements, int threads) throws Exception {
    runAll(db, statements, threads, new long[statements.size()]);
  }

  private static void runAll(Database db, List<SqlStatement> statements, int threads, long[] nanos)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> jobs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      jobs.add(pool.submit(() -> db.inConnection(c -> {
        int k;
        while ((k = next.getAndIncrement()) < statements.size()) {
          long s = System.nanoTime();
          fetch(c, statements.get(k));
          nanos[k] = System.nanoTime() - s;
        }
        return null;
      })));
    }
    for (Future<?> j : jobs) {
      j.get();
    }
    pool.shutdown();
  }

  private static void fetch(Connection c, SqlStatement sql) throws java.sql.SQLException {
    try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      rs.getBytes(1);
    }
  }
}
