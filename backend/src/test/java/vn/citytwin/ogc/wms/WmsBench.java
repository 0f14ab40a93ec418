package vn.citytwin.ogc.wms;

import io.vertx.core.Vertx;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import vn.citytwin.features.MapSql;
import vn.citytwin.query.BBox;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Benchmark helper (not a test), used by {@code bench/wms/run.sh}; see bench/README.md, section WMS.
 *
 * <pre>list DB_URL OUT_FILE N             write N EPSG:3857 tiles z13–z18 centred on random buildings (seed 42):
 *                                     one "z/x/y minx,miny,maxx,maxy" per line
 * raw  DB_URL LAYERS LIST_FILE THREADS  the floor: the server's own GetMap SQL of every tile (each layer whose
 *                                     style draws at the tile's scale), run on PostGIS over JDBC with THREADS
 *                                     connections, every row received, nothing decoded; tiles/s, p50, p99</pre>
 */
public final class WmsBench {
  static final double HALF_WORLD = 20037508.342789244;

  public static void main(String[] args) throws Exception {
    var dbConfig = new CityTwinConfig.Database(args[1], "citytwin", "citytwin", 8, 60000, 5000);
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, dbConfig, null)) {
      Catalog catalog = Catalog.load(db);
      if (args[0].equals("list")) {
        writeList(db, Path.of(args[2]), Integer.parseInt(args[3]));
      } else {
        raw(db, catalog, args[2], Files.readAllLines(Path.of(args[3])), Integer.parseInt(args[4]));
      }
    } finally {
      vertx.close();
    }
  }

  private static void writeList(Database db, Path out, int n) throws Exception {
    List<double[]> points = db.inConnection(c -> {
      List<double[]> pts = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p "
          + "FROM city.buildings ORDER BY id) s");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pts.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
        }
      }
      return pts;
    });
    if (points.isEmpty()) {
      throw new IllegalStateException("city.buildings is empty: seed the demo city first");
    }
    SplittableRandom random = new SplittableRandom(42);
    List<String> lines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int misses = 0;
    while (lines.size() < n) {
      double[] p = points.get(random.nextInt(points.size()));
      int z = 13 + lines.size() % 6;
      int x = (int) Math.floor((p[0] + 180) / 360 * (1 << z));
      double r = Math.toRadians(p[1]);
      int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
      String tile = z + "/" + x + "/" + y;
      // a zoom-13 view of a small city has few distinct tiles: repeat one after 50 misses rather than loop forever
      if (seen.add(tile) || ++misses > 50) {
        misses = 0;
        double size = 2 * HALF_WORLD / (1 << z);
        double minX = -HALF_WORLD + x * size;
        double maxY = HALF_WORLD - y * size;
        lines.add(String.format(Locale.ROOT, "%s %.4f,%.4f,%.4f,%.4f", tile, minX, maxY - size, minX + size, maxY));
      }
    }
    Files.write(out, lines);
    System.out.println("wrote " + lines.size() + " tiles to " + out);
  }

  private static void raw(Database db, Catalog catalog, String layerNames, List<String> tiles, int threads)
      throws Exception {
    StyleLibrary styles = StyleLibrary.fromClasspath();
    WmsLayers wmsLayers = new WmsLayers(vn.citytwin.query.VisibleLayers.of(catalog, vn.citytwin.access.AccessView.EVERYTHING));
    List<MapLayer> layers = new ArrayList<>();
    for (String name : layerNames.split(",")) {
      for (Layer l : wmsLayers.resolve(name, "LAYERS").layers()) {
        layers.add(new MapLayer(name, l, styles.defaultFor(l), null));
      }
    }
    List<List<SqlStatement>> work = new ArrayList<>();
    for (String t : tiles) {
      String[] b = t.split(" ")[1].split(",");
      MapView view = new MapView(WmsCrs.EPSG_3857, new BBox(Double.parseDouble(b[0]), Double.parseDouble(b[1]),
          Double.parseDouble(b[2]), Double.parseDouble(b[3]), 3857), 256, 256);
      GetMapRequest r = new GetMapRequest(WmsVersion.V1_3_0, view, layers, ImageFormat.PNG, false, Color.WHITE,
          ScenarioRef.BASE, null, "");
      double scale = view.scaleDenominator();
      List<SqlStatement> statements = new ArrayList<>();
      for (MapLayer ml : layers) {
        if (ml.style().style().hasRulesAt(scale)) {
          LayerQuery q = MapService.query(ml, r);
          statements.add(MapSql.draw(q, 3857, view.grownBy(MapService.MARGIN_PX), MapService.simplifyTolerance(view),
              1_000_000));
        }
      }
      work.add(statements);
    }
    run(db, work, threads, new long[work.size()], new long[1]); // warm-up: same caches and plans as the server's
    long[] nanos = new long[work.size()];
    long[] rows = new long[1];
    long t0 = System.nanoTime();
    run(db, work, threads, nanos, rows);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "raw_tiles_per_s=%.1f p50_ms=%.2f p99_ms=%.2f tiles=%d threads=%d rows=%d%n",
        work.size() / seconds, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, work.size(),
        threads, rows[0]);
  }

  private static void run(Database db, List<List<SqlStatement>> work, int threads, long[] nanos, long[] rows)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<Long>> jobs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      jobs.add(pool.submit(() -> db.inConnection(c -> {
        long count = 0;
        int k;
        while ((k = next.getAndIncrement()) < work.size()) {
          long s = System.nanoTime();
          for (SqlStatement sql : work.get(k)) {
            count += fetch(c, sql);
          }
          nanos[k] = System.nanoTime() - s;
        }
        return count;
      })));
    }
    for (Future<Long> j : jobs) {
      rows[0] += j.get();
    }
    pool.shutdown();
  }

  /** Receives every row and column as the server does (bytes and values), without decoding geometry. */
  private static long fetch(Connection c, SqlStatement sql) throws java.sql.SQLException {
    long n = 0;
    try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i < columns; i++) {
          rs.getObject(i);
        }
        rs.getBytes(columns);
        n++;
      }
    }
    return n;
  }
}
