package vn.citytwin.tiles3d;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.HttpCaching;
import vn.citytwin.query.BBox;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;

/**
 * Produces 3D Tiles on demand: the tileset (one aggregate query, then {@link TileTreeBuilder}) and each leaf's glb
 * (one query for its buildings, then {@link BuildingTileEncoder} on a worker). ETags come first and need no
 * database work: they hash the layer's data version, the scenario's cache key (its chain's versions), filter,
 * time, the tiling settings and, for content, the cell address; an edit, an import or a scenario change bumps a
 * version, so the keys change and nothing stale is served. Built tilesets and content are cached in-process (content
 * bounded by bytes), and concurrent requests for the same missing entry share one build.
 *
 * <p>Usable from the HTTP handlers (futures complete off the event loop) and from a plain thread (the export
 * command awaits them).
 */
public final class Tiles3dService implements AutoCloseable {
  /** Slack round a leaf's region when it becomes the bbox prefilter of its query, degrees (≈ 1 cm). */
  private static final double BBOX_SLACK_DEG = 1e-7;

  private final Database db;
  private final Catalog catalog;
  private final Tiles3dOptions options;
  private final TileTreeBuilder builder;
  private final WorkerExecutor encoders;
  private final Cache<String, TilesetDocument> tilesets;
  private final Cache<String, Tiles3dContent> contents;
  private final Map<String, Future<TilesetDocument>> tilesetsInFlight = new ConcurrentHashMap<>();
  private final Map<String, Future<Tiles3dContent>> contentsInFlight = new ConcurrentHashMap<>();

  public Tiles3dService(Vertx vertx, Database db, Catalog catalog, Tiles3dOptions options) {
    this.db = db;
    this.catalog = catalog;
    this.options = options;
    this.builder = TileTreeBuilder.of(options);
    this.encoders = vertx.createSharedWorkerExecutor("citytwin-3dtiles", options.encoders());
    this.tilesets = Caffeine.newBuilder().maximumSize(64).build();
    this.contents = Caffeine.newBuilder()
        .maximumWeight(options.cacheBytes())
        .weigher((String k, Tiles3dContent c) -> c.weight())
        .build();
  }

  public Tiles3dOptions options() {
    return options;
  }

  /** The strong ETag of the request's tileset.json, computed without touching the database. */
  public String tilesetEtag(Tiles3dRequest r) {
    return HttpCaching.etag("3dtiles-tileset", r.layer().id(), catalog.versions().of(r.layer().id()),
        r.parameterKey(), options.tilingKey());
  }

  /** The strong ETag of one content tile, computed without touching the database. */
  public String contentEtag(Tiles3dRequest r, QuadCell cell) {
    return HttpCaching.etag("3dtiles-glb", r.layer().id(), catalog.versions().of(r.layer().id()),
        r.parameterKey(), options.tilingKey(), cell);
  }

  /**
   * The tileset: from the cache, or built. Content URIs are relative ({@code content/z/x/y.glb}) and carry
   * {@link Tiles3dRequest#contentQuery} with a token of the data version.
   *
   * @param etag {@link #tilesetEtag} of {@code r}, computed once by the caller for its 304 check and reused here
   */
  public Future<TilesetDocument> tileset(Tiles3dRequest r, String etag) {
    return cachedOrBuilt(tilesets, tilesetsInFlight, etag, () -> buildTileset(r, etag));
  }

  /**
   * One leaf's content.
   *
   * @param etag {@link #contentEtag} of {@code r} and {@code cell}, computed once by the caller
   * @return a future failed with NOT_FOUND (locator {@code tile}) when the cell is not a leaf of the current
   *     tileset
   */
  public Future<Tiles3dContent> content(Tiles3dRequest r, QuadCell cell, String etag) {
    return cachedOrBuilt(contents, contentsInFlight, etag, () -> buildContent(r, cell, etag));
  }

  /** Drops every cached tileset and content tile (benchmarks, operators); versions make it unneeded for correctness. */
  public void clearCache() {
    tilesets.invalidateAll();
    contents.invalidateAll();
  }

  private Future<TilesetDocument> buildTileset(Tiles3dRequest r, String etag) {
    SqlStatement sql = Tiles3dSql.cellStats(r.layer(), r.query().build(), options.fineLevel(),
        options.geoidUndulationM());
    long version = catalog.versions().of(r.layer().id());
    // The aggregate reads the whole layer: allow it more time than one leaf's query.
    int timeout = options.queryTimeoutSeconds() * 6;
    return db.inTransaction(c -> Tiles3dStore.cellStats(c, sql, timeout)) // a transaction: cursor fetches
        .compose(cells -> encoders.executeBlocking(() -> {
          TileTree tree = builder.build(cells);
          String token = etag.substring(1, 13);
          byte[] json = tree.toJson(r.contentQuery(token), r.layer().id() + "@" + version + "/"
              + r.scenario().cacheKey()).encode().getBytes(StandardCharsets.UTF_8);
          return new TilesetDocument(json, gzip(json), etag, tree);
        }, false));
  }

  private Future<Tiles3dContent> buildContent(Tiles3dRequest r, QuadCell cell, String etag) {
    return tileset(r, tilesetEtag(r)).compose(doc -> {
      TileTree.Leaf leaf = doc.tree().leaf(cell).orElseThrow(() -> ApiException.notFound("tile",
          "No content tile " + cell + " in the current tileset of layer '" + r.layer().id() + "'"));
      BoundingRegion g = leaf.region();
      LayerQuery query = r.query().bbox(new BBox(Math.toDegrees(g.west()) - BBOX_SLACK_DEG,
          Math.toDegrees(g.south()) - BBOX_SLACK_DEG, Math.toDegrees(g.east()) + BBOX_SLACK_DEG,
          Math.toDegrees(g.north()) + BBOX_SLACK_DEG, 4326)).build();
      SqlStatement sql = Tiles3dSql.leafBuildings(r.layer(), query, cell, options.fineLevel(),
          options.geoidUndulationM());
      List<String> columns = FeatureSql.outputColumns(query);
      return db.inTransaction(c ->
          Tiles3dStore.leafBuildings(c, sql, r.layer(), columns, options.queryTimeoutSeconds()));
    }).compose(buildings -> encoders.executeBlocking(() -> {
      BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(buildings, r.layer().schema(), cell.frame(),
          BuildingMeshBuilder.Options.DEFAULT);
      return new Tiles3dContent(tile.glb(), gzip(tile.glb()), etag, tile.featureCount(), tile.skippedIds());
    }, false));
  }

  private static <T> Future<T> cachedOrBuilt(Cache<String, T> cache, Map<String, Future<T>> inFlight, String key,
      Supplier<Future<T>> build) {
    T hit = cache.getIfPresent(key);
    if (hit != null) {
      return Future.succeededFuture(hit);
    }
    Promise<T> promise = Promise.promise();
    Future<T> running = inFlight.putIfAbsent(key, promise.future());
    if (running != null) {
      return running;
    }
    Future<T> built;
    try {
      built = build.get();
    } catch (RuntimeException e) {
      built = Future.failedFuture(e);
    }
    built.onComplete(ar -> {
      if (ar.succeeded()) {
        cache.put(key, ar.result());
      }
      inFlight.remove(key);
      if (ar.succeeded()) {
        promise.complete(ar.result());
      } else {
        promise.fail(ar.cause());
      }
    });
    return promise.future();
  }

  // Fastest level: on the 60k demo's glbs level 1 gives 30.0 % of the raw size against 29.3 % at level 6, in
  // about 60 % of the time (bench/README.md), and compression is on the cold path of every tile.
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 65536) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    encoders.close();
  }
}
