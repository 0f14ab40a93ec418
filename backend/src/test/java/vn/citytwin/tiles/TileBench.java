package vn.citytwin.tiles;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Benchmark helper (not a test) for {@code bench/tiles/run.sh}; see bench/README.md. It writes the fixed tile list
 * and drives the same closed-loop load two ways, so that the two figures differ only by the server:
 *
 * <ul>
 *   <li>{@code raw}: the server's own tile SQL ({@link MvtSql}: same statement text, same parameters, a pool with
 *       the server's session settings) run straight on PostGIS over JDBC;
 *   <li>{@code http}: the same tiles requested from a running server over HTTP/1.1 keep-alive connections.
 * </ul>
 *
 * <p>Both: one warm-up pass over the list, then {@code CLIENTS} clients cycle through it for {@code SECONDS}, client
 * {@code c} starting at {@code c × n / CLIENTS} (the wrk script's offsets), each waiting for its answer before
 * asking again. Prints tiles/s and the p50/p99 of the time from asking to holding the whole tile.
 *
 * <pre>list DB_URL LAYERS OUT_FILE N                 write N tile paths z12–z17 over the layers' extent (seed 42)
 * raw  DB_URL LAYERS LIST_FILE CLIENTS SECONDS   the SQL straight on PostGIS
 * http BASE_URL LAYERS LIST_FILE CLIENTS SECONDS the tiles through the server</pre>
 */
public final class TileBench {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    if (mode.equals("http")) {
      List<String> tiles = Files.readAllLines(Path.of(args[3]));
      String prefix = args[1] + "/tiles/" + args[2] + "/";
      List<Load.Client> clients = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(args[4]); i++) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        clients.add(k -> {
          HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(prefix + tiles.get(k) + ".mvt"))
              .build(), HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200 && r.statusCode() != 204) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + tiles.get(k));
          }
        });
      }
      System.out.println(Load.run("http", clients, tiles.size(), Integer.parseInt(args[5])));
      return;
    }
    var dbConfig = new CityTwinConfig.Database(args[1], "citytwin", "citytwin", 8, 60000, 5000);
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, dbConfig, null)) {
      Catalog catalog = Catalog.load(db);
      List<Layer> layers = Arrays.stream(args[2].split(",")).map(id -> catalog.requireAny(id, "layer")).toList();
      if (mode.equals("list")) {
        writeList(db, layers.get(0), Path.of(args[3]), Integer.parseInt(args[4]));
      } else {
        List<SqlStatement> statements = new ArrayList<>();
        for (String t : Files.readAllLines(Path.of(args[3]))) {
          String[] p = t.split("/");
          TileAddress a = new TileAddress(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
          statements.add(MvtSql.build(new TileRequest(layers, a, ScenarioRef.BASE, null, null, null, null, null)));
        }
        List<Load.Client> clients = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[4]); i++) {
          Connection c = db.dataSource().getConnection(); // one connection per client, held for the run
          connections.add(c);
          clients.add(k -> {
            try (PreparedStatement ps = statements.get(k).prepare(c); ResultSet rs = ps.executeQuery()) {
              rs.next();
              rs.getBytes(1);
            }
          });
        }
        try {
          System.out.println(Load.run("raw", clients, statements.size(), Integer.parseInt(args[5])));
        } finally {
          for (Connection c : connections) {
            c.close();
          }
        }
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

  /** The closed-loop load both modes share. */
  static final class Load {
    interface Client {
      void fetch(int tile) throws Exception;
    }

    static String run(String name, List<Client> clients, int tiles, int seconds) throws Exception {
      pass(clients, tiles, Long.MAX_VALUE, new ArrayList<>()); // warm-up: every tile once (plans, JIT, buffers)
      List<long[]> latencies = new ArrayList<>();
      long t0 = System.nanoTime();
      int done = pass(clients, tiles, t0 + seconds * 1_000_000_000L, latencies);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
      return String.format(Locale.ROOT, "%s_tiles_per_s=%.1f p50_ms=%.2f p99_ms=%.2f tiles=%d clients=%d seconds=%.1f",
          name, done / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, done,
          clients.size(), elapsed);
    }

    /**
     * Until the deadline (cycling), or once through the list when there is none: client c starts at c × n / clients.
     * @return tiles fetched
     */
    private static int pass(List<Client> clients, int tiles, long deadline, List<long[]> latencies)
        throws Exception {
      boolean once = deadline == Long.MAX_VALUE;
      ExecutorService pool = Executors.newFixedThreadPool(clients.size());
      try {
        List<Future<long[]>> jobs = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
          Client client = clients.get(c);
          int from = c * tiles / clients.size();
          int count = once ? (c + 1) * tiles / clients.size() - from : Integer.MAX_VALUE;
          jobs.add(pool.submit(() -> {
            long[] nanos = new long[1024];
            int n = 0;
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
              long s = System.nanoTime();
              client.fetch((from + i) % tiles);
              if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
              }
              nanos[n++] = System.nanoTime() - s;
            }
            return Arrays.copyOf(nanos, n);
          }));
        }
        int done = 0;
        for (Future<long[]> j : jobs) {
          long[] l = j.get();
          latencies.add(l);
          done += l.length;
        }
        return done;
      } finally {
        pool.shutdown();
      }
    }
  }
}
