package vn.citytwin.core.config;

import java.util.Set;

/**
 * Every setting of the server, typed and validated once at start-up. Each capability reads its own record; the
 * defaults live next to the keys here so this file is the reference of what can be configured.
 */
public record CityTwinConfig(
    Server server, Database database, Service service, Tiles tiles, Wms wms, Features features, Demo demo,
    PlanningSettings planning, Wfs wfs, AccessLogSettings accessLog, SensorSettings sensors, Importer importer,
    Access access) {

  /** HTTP listener. {@code publicUrl} is the base URL clients see (behind a proxy), without trailing slash. */
  /**
   * HTTP server. {@code maxRequestLineBytes}: the longest request line (method, URI and version) answered normally;
   * a longer one up to twice that is refused in the protocol's own error form, beyond that with a plain 414.
   */
  public record Server(String host, int port, String publicUrl, int shutdownGraceSeconds, int maxEventLoopMs,
                       int maxRequestLineBytes) {}

  /**
   * PostgreSQL/PostGIS. The password is a secret: never logged. {@code parallelWorkers} and {@code jit} are the
   * planner settings of every pooled connection (see {@code Database}): serial plans without JIT by default.
   */
  public record Database(String url, String user, String password, int poolSize, int statementTimeoutMs,
                         int connectTimeoutMs, int parallelWorkers, boolean jit) {
    /** The default planner settings: serial plans, no JIT. */
    public Database(String url, String user, String password, int poolSize, int statementTimeoutMs,
                    int connectTimeoutMs) {
      this(url, user, password, poolSize, statementTimeoutMs, connectTimeoutMs, 0, false);
    }

    @Override
    public String toString() {
      return "Database[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
  }

  /** Service metadata shown in OGC capabilities documents. */
  public record Service(String title, String abstractText, String provider, String contactEmail,
                        String defaultLanguage) {}

  /** Vector tiles: HTTP max-age, in-process cache size (MB), what an empty tile answers, per-tile SQL timeout. */
  public record Tiles(int maxAgeSeconds, int cacheMb, int emptyTileStatus, int timeoutMs) {}

  /** WMS limits. */
  public record Wms(int maxWidth, int maxHeight, int maxFeatures, int timeoutMs) {}

  /** OGC API Features / WFS paging limits. */
  public record Features(int defaultLimit, int maxLimit) {}

  /**
   * WFS: whether WFS-T transactions (and OGC API – Features Part 4 edits) are accepted — off by default until
   * editor authentication exists — and the largest POST body in MB; whether their geometries must lie inside the
   * city ({@code wfs.transactions.city.boundary}, on by default: the wards, else {@code planning.city.extent}), as
   * scenario edits' must — off only for base-city data that reaches beyond its wards.
   */
  public record Wfs(boolean transactionsEnabled, int maxRequestMb, boolean cityBoundary) {}

  /**
   * Imports and exports through GDAL ({@code importer}): the server folder {@code POST /api/imports} may read
   * {@code {"path":…}} from (null: path imports are off), the largest upload (MB), what an archive may unpack to
   * (MB in all, a compression ratio, a number of entries: zip-bomb limits, checked while streaming), whether
   * imported geometries must lie in the city (as edits' must), the longest a GDAL process may run, the folder of the
   * GDAL programs (empty: the PATH) and the working folder of jobs (empty: the system temp folder).
   */
  public record Importer(String folder, int maxUploadMb, int maxUnpackedMb, int maxZipRatio, int maxZipEntries,
                         boolean cityBoundary, int gdalTimeoutSeconds, String gdalBin, String workDir) {}

  /**
   * Access control (docs/security.md). {@code jwtSecret}: the HS256 key of login JWTs (at least 32 characters;
   * null: generated at first start and kept in the database); {@code adminPassword}/{@code adminToken}: the first
   * admin's credentials when there is no admin yet (null: generated and printed once); {@code corsOrigins}: the
   * origins browsers may call from ({@code *}: any, the default for a public map service); login throttling after
   * {@code loginMaxFailures} wrong passwords per user and address within {@code loginWindowSeconds}.
   */
  public record Access(String jwtSecret, int jwtTtlSeconds, int refreshTtlSeconds, String adminPassword,
                       String adminToken, java.util.List<String> corsOrigins, int loginMaxFailures,
                       int loginWindowSeconds, int tokenCacheSeconds) {
    @Override
    public String toString() {
      return "Access[jwtSecret=***, adminPassword=***, adminToken=***, corsOrigins=" + corsOrigins + "]";
    }
  }

  /** The demo city: whether {@code serve} seeds an empty database, and with how many buildings. */
  public record Demo(boolean seedWhenEmpty, int buildings, long seed) {}

  /** Reads and validates every setting; throws {@link ConfigException} naming the first bad one. */
  public static CityTwinConfig from(ConfigSource src) {
    int port = src.integer("http.port", 8080, 1, 65535);
    String host = src.string("http.host", "0.0.0.0");
    String publicUrl = src.string("http.public.url", "http://127.0.0.1:" + port);
    if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
      throw new ConfigException("setting http.public.url: '" + publicUrl + "' must start with http:// or https://");
    }
    Server server = new Server(host, port, stripSlash(publicUrl), src.integer("http.shutdown.grace", 20, 0, 600),
        src.integer("http.max.event.loop.ms", 2000, 10, 60000),
        src.integer("http.max.request.line", 65536, 4096, 8 * 1024 * 1024));
    String url = src.string("db.url", "jdbc:postgresql://127.0.0.1:5432/citytwin");
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new ConfigException("setting db.url: '" + url + "' must be a jdbc:postgresql:// URL");
    }
    Database db = new Database(url, src.string("db.user", "citytwin"), src.string("db.password", "citytwin"),
        src.integer("db.pool.size", 10, 1, 200), src.integer("db.statement.timeout.ms", 30000, 100, 3600000),
        src.integer("db.connect.timeout.ms", 5000, 250, 60000), src.integer("db.parallel.workers", 0, 0, 64),
        src.bool("db.jit", false));
    Service service = new Service(
        src.string("service.title", "CityTwin Vũng Tàu"),
        src.string("service.abstract", "Dữ liệu không gian đô thị thông minh Vũng Tàu / Vũng Tàu smart-city geodata"),
        src.string("service.provider", "CityTwin"),
        src.string("service.contact.email", "gis@citytwin.example"),
        src.oneOf("service.language", "vi", Set.of("vi", "en")));
    int emptyStatus = src.integer("tiles.empty.status", 204, 200, 204);
    if (emptyStatus != 200 && emptyStatus != 204) {
      throw new ConfigException("setting tiles.empty.status: '" + emptyStatus + "' must be 200 or 204");
    }
    Tiles tiles = new Tiles(src.integer("tiles.max.age", 3600, 0, 31536000), src.integer("tiles.cache.mb", 256, 0, 65536),
        emptyStatus, src.integer("tiles.timeout.ms", 10000, 1000, 600000));
    Wms wms = new Wms(src.integer("wms.max.width", 4096, 16, 16384), src.integer("wms.max.height", 4096, 16, 16384),
        src.integer("wms.max.features", 500000, 1, 100000000), src.integer("wms.timeout.ms", 60000, 100, 3600000));
    int maxLimit = src.integer("features.max.limit", 10000, 1, 10000000);
    Features features = new Features(src.integer("features.default.limit", 100, 1, maxLimit), maxLimit);
    Demo demo = new Demo(src.bool("demo.seed.when.empty", true), demoBuildings(src),
        src.integer("demo.seed", 2025, 0, Integer.MAX_VALUE));
    Wfs wfs = new Wfs(src.bool("wfs.transactions.enabled", false), src.integer("wfs.max.request.mb", 32, 1, 1024),
        src.bool("wfs.transactions.city.boundary", true));
    Importer importer = new Importer(emptyToNull(src.string("import.folder", "")),
        src.integer("import.max.upload.mb", 512, 1, 65536), src.integer("import.max.unpacked.mb", 4096, 1, 1048576),
        src.integer("import.max.zip.ratio", 200, 2, 100000), src.integer("import.max.zip.entries", 1000, 1, 1000000),
        src.bool("import.city.boundary", true), src.integer("import.gdal.timeout.s", 3600, 10, 86400),
        src.string("import.gdal.bin", ""), src.string("import.work.dir", ""));
    return new CityTwinConfig(server, db, service, tiles, wms, features, demo, PlanningSettings.from(src), wfs,
        AccessLogSettings.from(src), SensorSettings.from(src), importer,
        access(src));
  }

  private static Access access(ConfigSource src) {
    String secret = blankToNull(src.string("access.jwt.secret", ""));
    if (secret != null && secret.length() < 32) {
      throw new ConfigException("setting access.jwt.secret: must be at least 32 characters");
    }
    String adminPassword = blankToNull(src.string("access.admin.password", ""));
    if (adminPassword != null && adminPassword.length() < 12) {
      throw new ConfigException("setting access.admin.password: must be at least 12 characters");
    }
    String adminToken = blankToNull(src.string("access.admin.token", ""));
    if (adminToken != null && adminToken.length() < 32) {
      throw new ConfigException("setting access.admin.token: must be at least 32 characters");
    }
    java.util.List<String> origins = java.util.Arrays.stream(src.string("http.cors.origins", "*").split(","))
        .map(String::trim).filter(o -> !o.isEmpty()).toList();
    for (String o : origins) {
      if (!o.equals("*") && !o.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
        throw new ConfigException("setting http.cors.origins: '" + o + "' must be * or an origin like https://host[:port]");
      }
    }
    return new Access(secret, src.integer("access.jwt.ttl.seconds", 900, 1, 86400),
        src.integer("access.refresh.ttl.seconds", 7 * 86400, 60, 90 * 86400), adminPassword, adminToken, origins,
        src.integer("access.login.max.failures", 5, 1, 1000), src.integer("access.login.window.seconds", 900, 1, 86400),
        src.integer("access.token.cache.seconds", 30, 0, 3600));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** 0 (never seed) or 1,000–5,000,000 buildings, the generator's range. */
  private static int demoBuildings(ConfigSource src) {
    int n = src.integer("demo.buildings", 60000, 0, 5000000);
    if (n > 0 && n < 1000) {
      throw new ConfigException("setting demo.buildings: '" + n + "' must be 0 (no demo city) or at least 1000");
    }
    return n;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
