import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 3D Tiles benchmark client, run against a fresh server (cold caches) with the fat jar on the classpath:
 * <pre>java -cp backend/target/citytwin.jar bench/tiles3d/Tiles3dBench.java MODE BASE_URL JDBC_URL [ARG]</pre>
 * Modes:
 * <ul>
 *   <li>{@code cold}: first a fresh server's very first tileset and tiles (under {@code ?filter=height > 0}: the
 *       same buildings under another cache key), reported as {@code firstrun_*}: JVM and caches cold; then the
 *       plain tileset.json and every content tile once, one at a time (cache cold, JVM warm: a tile nobody asked
 *       for yet on a running server; the whole tileset produced on demand); then the same tiles again (cached)
 *       with gzip to size the transfer; then the raw PostGIS read of each leaf's buildings over JDBC (the
 *       baseline: the same rows, no encoding);
 *   <li>{@code parallel N}: every content tile once with N requests in flight (uncached requests/s);
 *   <li>{@code urls FILE}: writes the content paths, one a line, for wrk (cached requests/s).
 * </ul>
 * Prints one {@code key=value} per line.
 */
public class Tiles3dBench {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Leaf(String url, double[] region) {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String base = args[1];
    String jdbc = args[2];
    String tilesetUrl = base + "/3dtiles/buildings/tileset.json";
    if (mode.equals("cold")) {
      long f0 = System.nanoTime();
      HttpResponse<byte[]> first = get(tilesetUrl + "?filter=height%20%3E%200", false);
      System.out.printf("firstrun_tileset_ms=%.1f%n", (System.nanoTime() - f0) / 1e6);
      List<Leaf> warm = new ArrayList<>();
      collect(new JsonObject(new String(first.body(), StandardCharsets.UTF_8)).getJsonObject("root"),
          base + "/3dtiles/buildings/", warm);
      double[] ms = new double[warm.size()];
      for (int i = 0; i < warm.size(); i++) {
        long t = System.nanoTime();
        get(warm.get(i).url(), false);
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      report("firstrun_tile", ms);
    }
    long t0 = System.nanoTime();
    HttpResponse<byte[]> ts = get(tilesetUrl, false);
    double tilesetMs = (System.nanoTime() - t0) / 1e6;
    List<Leaf> leaves = new ArrayList<>();
    collect(new JsonObject(new String(ts.body(), StandardCharsets.UTF_8)).getJsonObject("root"),
        base + "/3dtiles/buildings/", leaves);
    System.out.println("tiles=" + leaves.size());
    switch (mode) {
      case "cold" -> cold(leaves, jdbc, tilesetMs, ts.body().length);
      case "parallel" -> parallel(leaves, Integer.parseInt(args[3]));
      case "urls" -> Files.write(Path.of(args[3]), leaves.stream().map(l -> l.url().substring(base.length())).toList());
      default -> throw new IllegalArgumentException(mode);
    }
  }

  static void cold(List<Leaf> leaves, String jdbc, double tilesetMs, int tilesetBytes) throws Exception {
    System.out.printf("tileset_cold_ms=%.1f%ntileset_bytes=%d%n", tilesetMs, tilesetBytes);
    double[] ms = new double[leaves.size()];
    long bytes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < leaves.size(); i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = get(leaves.get(i).url(), false);
      ms[i] = (System.nanoTime() - t) / 1e6;
      bytes += r.body().length;
    }
    double totalS = (System.nanoTime() - start) / 1e9;
    report("cold_tile", ms);
    System.out.printf("cold_all_tiles_s=%.2f%nglb_bytes=%d%n", totalS, bytes);
    long gz = 0;
    double[] cached = new double[leaves.size()];
    for (int i = 0; i < leaves.size(); i++) {
      long t = System.nanoTime();
      gz += get(leaves.get(i).url(), true).body().length;
      cached[i] = (System.nanoTime() - t) / 1e6;
    }
    report("cached_tile_gzip", cached);
    System.out.printf("gzip_bytes=%d%n", gz);
    // Baseline: the same buildings straight from PostGIS (rows with WKB footprints, no tiling, no encoding).
    double[] raw = new double[leaves.size()];
    long rows = 0;
    try (Connection c = DriverManager.getConnection(jdbc, "citytwin", "citytwin")) {
      try (var s = c.createStatement()) {
        s.execute("SET max_parallel_workers_per_gather = 0; SET jit = off");
      }
      String sql = "SELECT id, name, use_type, levels, height, ward, year_built, ground_elev, ST_AsBinary(geom)"
          + " FROM city.buildings WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
          + " AND (ST_XMin(geom) + ST_XMax(geom)) * 0.5 BETWEEN ? AND ?"
          + " AND (ST_YMin(geom) + ST_YMax(geom)) * 0.5 BETWEEN ? AND ? ORDER BY id";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < leaves.size(); i++) {
          double[] g = leaves.get(i).region();
          long t = System.nanoTime();
          ps.setDouble(1, g[0]);
          ps.setDouble(2, g[1]);
          ps.setDouble(3, g[2]);
          ps.setDouble(4, g[3]);
          ps.setDouble(5, g[0]);
          ps.setDouble(6, g[2]);
          ps.setDouble(7, g[1]);
          ps.setDouble(8, g[3]);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getBytes(9);
              rows++;
            }
          }
          raw[i] = (System.nanoTime() - t) / 1e6;
        }
      }
    }
    report("raw_postgis_leaf", raw);
    System.out.println("raw_rows=" + rows);
  }

  static void parallel(List<Leaf> leaves, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (Leaf l : leaves) {
      all.add(pool.submit(() -> {
        bytes.addAndGet(get(l.url(), true).body().length);
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    double s = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf("uncached_concurrency=%d%nuncached_all_tiles_s=%.2f%nuncached_req_per_s=%.1f%n", n, s,
        leaves.size() / s);
  }

  static void report(String name, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf("%s_p50_ms=%.1f%n%s_p90_ms=%.1f%n%s_max_ms=%.1f%n", name, pct(sorted, 0.5), name,
        pct(sorted, 0.9), name, sorted[sorted.length - 1]);
  }

  static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1) + 0.5))];
  }

  static void collect(JsonObject tile, String base, List<Leaf> out) {
    JsonObject content = tile.getJsonObject("content");
    if (content != null) {
      JsonArray r = tile.getJsonObject("boundingVolume").getJsonArray("region");
      double[] deg = new double[4];
      for (int i = 0; i < 4; i++) {
        deg[i] = Math.toDegrees(r.getDouble(i));
      }
      out.add(new Leaf(base + content.getString("uri"), deg));
    }
    JsonArray children = tile.getJsonArray("children");
    for (int i = 0; children != null && i < children.size(); i++) {
      collect(children.getJsonObject(i), base, out);
    }
  }

  static HttpResponse<byte[]> get(String url, boolean gzip) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET();
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + new String(r.body()));
    }
    return r;
  }
}
