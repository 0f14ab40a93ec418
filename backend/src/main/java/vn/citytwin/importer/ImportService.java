package vn.citytwin.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.CityBoundary;

/**
 * Runs imports, two at a time on its own threads (never the event loop, never the database pool's workers):
 *
 * <ol>
 *   <li>unpack (zip: {@link SafeUnzip}) and find the dataset ({@link SourceFile});
 *   <li>choose the source CRS ({@link CrsResolver}; VN-2000 with the official transformation);
 *   <li>{@code ogr2ogr} the chosen layer into {@code import_staging.job_<id>} in EPSG:4326;
 *   <li>one transaction: an advisory lock on the layer name; create (refusing an existing table), empty (replace)
 *       or keep (append) {@code city.<layer>}; every staged row through the edit model ({@link ImportWriter}); the
 *       spatial index and the {@code citytwin.catalog} row. Any error rolls everything back: the old layer is as it
 *       was;
 *   <li>the catalog reloads (it discovers a new table and installs its data-version trigger); the staging table and
 *       the job's files are deleted whatever happened.
 * </ol>
 *
 * Mixed geometry families (points and polygons in one file) are refused, or with {@code split} written to one layer
 * per family ({@code <layer>_points}, {@code _lines}, {@code _polygons}) in the same transaction.
 */
public final class ImportService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

  private final Database db;
  private final Catalog catalog;
  private final CityBoundary boundary;
  private final CityTwinConfig.Importer settings;
  private final Path workDir;
  /** Jobs kept for {@code GET /api/imports/{id}}. */
  static final int KEPT_JOBS = 500;
  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "citytwin-import");
    t.setDaemon(true);
    return t;
  });

  public ImportService(Database db, Catalog catalog, CityBoundary boundary, CityTwinConfig.Importer settings) {
    this.db = db;
    this.catalog = catalog;
    this.boundary = boundary;
    this.settings = settings;
    this.workDir = settings.workDir() == null || settings.workDir().isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(settings.workDir());
  }

  public CityTwinConfig.Importer settings() {
    return settings;
  }

  /** A fresh folder for one upload or job, under the work folder. */
  public Path newJobFolder() throws IOException {
    Files.createDirectories(workDir);
    return Files.createTempDirectory(workDir, "citytwin-import-");
  }

  /**
   * Checks what can be checked at once — the archive unpacks safely, it holds a dataset GDAL can open, its CRS is
   * known (or given), its layer is chosen, a new layer's name is free — then starts the rest (staging, validation,
   * writing) on an import thread. Blocking: call on a worker. {@code folder} is deleted when the job ends (or now,
   * when a check fails).
   *
   * @param fileName the name shown in the job
   * @throws ApiException a 4xx for any of the checks
   */
  public ImportJob submit(Path folder, Path file, String fileName, ImportRequest request) {
    ImportJob job = new ImportJob(fileName, request, gdal());
    Prepared prepared;
    try {
      prepared = prepare(job, folder, file);
    } catch (RuntimeException | IOException e) {
      deleteTree(folder);
      throw e instanceof ApiException a ? a : ApiException.internal("The import failed", e);
    }
    forgetOldJobs();
    jobs.put(job.id(), job);
    runner.submit(() -> run(job, folder, prepared));
    return job;
  }

  /** Runs an import on the calling thread (the CLI); the job ends done, failed or cancelled. */
  public ImportJob runNow(Path folder, Path file, ImportRequest request,
                          java.util.function.Consumer<ImportJob> started) {
    ImportJob job = new ImportJob(file.getFileName().toString(), request, gdal());
    jobs.put(job.id(), job);
    started.accept(job);
    try {
      run(job, folder, prepare(job, folder, file));
    } catch (ApiException e) {
      job.failed(e);
      deleteTree(folder);
    } catch (IOException | RuntimeException e) {
      job.failed(ApiException.internal("The import failed", e));
      deleteTree(folder);
    }
    return job;
  }

  /** What the checks before staging found. */
  private record Prepared(SourceFile source, CrsResolver.SourceCrs crs, String sourceLayer) {}

  private Prepared prepare(ImportJob job, Path folder, Path file) throws IOException {
    job.phase(ImportJob.Phase.UNPACKING, 0);
    Path unpacked = folder.resolve("unpacked");
    Files.createDirectories(unpacked);
    SourceFile source = SourceFile.locate(file, unpacked, new SafeUnzip((long) settings.maxUnpackedMb() << 20,
        settings.maxZipRatio(), settings.maxZipEntries()));
    job.phase(ImportJob.Phase.READING, 2);
    String sourceLayer = sourceLayer(job, source);
    CrsResolver.SourceCrs crs = new CrsResolver(job.gdal()).resolve(job.request().srs(), source.dataset());
    job.crs(crs.description());
    if (job.request().mode() == ImportMode.CREATE && !job.request().splitMixed()) {
      boolean exists = db.inConnection(c -> ImportWriter.tableExists(c, job.request().layer()));
      if (exists) {
        throw layerExists(job.request().layer());
      }
    }
    return new Prepared(source, crs, sourceLayer);
  }

  static ApiException layerExists(String name) {
    return ApiException.conflict("Layer '" + name + "' exists already: choose another name, or mode=replace or"
        + " mode=append").withCode("LayerExists");
  }

  /** Finished jobs beyond the newest {@link #KEPT_JOBS} are forgotten, so the registry does not grow forever. */
  private void forgetOldJobs() {
    if (jobs.size() < KEPT_JOBS) {
      return;
    }
    jobs.values().stream().filter(ImportJob::isFinished).sorted(Comparator.comparing(ImportJob::created))
        .limit(jobs.size() - KEPT_JOBS + 1L).map(ImportJob::id).toList().forEach(jobs::remove);
  }

  /** A job by id, or NOT_FOUND. */
  public ImportJob job(String id) {
    ImportJob job = jobs.get(id);
    if (job == null) {
      throw ApiException.notFound("id", "No import job '" + vn.citytwin.core.error.ErrorText.abbreviate(id) + "'");
    }
    return job;
  }

  /**
   * A file of the allow-listed import folder, or a 4xx: path imports are off without {@code import.folder}; a path
   * that leaves the folder (.., links) is refused.
   */
  public Path allowListed(String path) {
    if (settings.folder() == null) {
      throw ApiException.forbidden("Imports from a server path are off (no import.folder configured)");
    }
    try {
      Path root = Path.of(settings.folder()).toRealPath();
      Path p = root.resolve(path).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p) || !p.toRealPath().startsWith(root)) {
        throw ApiException.invalidParameter("path", "No file '" + vn.citytwin.core.error.ErrorText.abbreviate(path)
            + "' in the import folder");
      }
      return p.toRealPath();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw ApiException.invalidParameter("path", "No file '" + vn.citytwin.core.error.ErrorText.abbreviate(path)
          + "' in the import folder");
    }
  }

  private GdalProcess gdal() {
    return new GdalProcess(settings.gdalBin(), settings.gdalTimeoutSeconds());
  }

  private void run(ImportJob job, Path folder, Prepared prepared) {
    StagingTable staging = new StagingTable("job_" + job.id().replace("-", "").substring(0, 16));
    try {
      job.checkCancelled();
      stage(job, prepared.source(), prepared.crs(), prepared.sourceLayer(), staging, folder);
      job.phase(ImportJob.Phase.VALIDATING, 50);
      List<String> created = db.inTransactionNow(c -> write(c, job, staging));
      job.phase(ImportJob.Phase.WRITING, 99);
      catalog.reloadNow();
      job.done();
      LOG.info("import {}: {} rows into {} ({} rejected)", job.id(), job.written(), created, job.rejected());
    } catch (ApiException e) {
      job.failed(e);
    } catch (Exception e) {
      LOG.error("import {} failed", job.id(), e);
      job.failed(ApiException.internal("The import failed", e));
    } finally {
      try {
        db.inConnection(c -> {
          staging.drop(c);
          return null;
        });
      } catch (RuntimeException e) {
        LOG.warn("import {}: cannot drop {}: {}", job.id(), staging.qualified(), e.getMessage());
      }
      deleteTree(folder);
    }
  }

  /** The file's layer to read: the requested one, else its only one. */
  private String sourceLayer(ImportJob job, SourceFile source) {
    GdalProcess.Result r = job.gdal().run("ogrinfo", List.of("-ro", "-q", source.dataset().toString()), Map.of(),
        null, null);
    if (!r.ok()) {
      throw unreadable(r, source);
    }
    List<String> layers = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      var m = java.util.regex.Pattern.compile("^\\d+: (.+?)(?: \\([^()]*\\))?$").matcher(line.trim());
      if (m.matches()) {
        layers.add(m.group(1));
      }
    }
    String wanted = job.request().sourceLayer();
    if (wanted != null) {
      if (!layers.contains(wanted)) {
        throw ApiException.invalidParameter("sourceLayer", "The file has no layer '" + wanted + "' (its layers: "
            + String.join(", ", layers) + ")");
      }
      return wanted;
    }
    if (layers.isEmpty()) {
      throw ApiException.invalidParameter("file", "The file holds no layer with features");
    }
    if (layers.size() > 1) {
      throw ApiException.invalidParameter("sourceLayer", "The file holds several layers (" + String.join(", ",
          layers) + "): choose one with sourceLayer");
    }
    return layers.get(0);
  }

  /** ogr2ogr into the staging table, in EPSG:4326, 2D, any geometry type. */
  private void stage(ImportJob job, SourceFile source, CrsResolver.SourceCrs crs, String sourceLayer,
                     StagingTable staging, Path folder) {
    List<String> args = new ArrayList<>(List.of("-f", "PostgreSQL", pgConnection(db.config()),
        source.dataset().toString(), sourceLayer,
        "-nln", staging.name(), "-lco", "SCHEMA=" + StagingTable.SCHEMA, "-lco", "GEOMETRY_NAME=geom",
        "-lco", "FID=" + StagingTable.FID, "-lco", "SPATIAL_INDEX=NONE", "-lco", "PRECISION=NO",
        "-lco", "LAUNDER=YES", "-nlt", "GEOMETRY", "-dim", "XY", "-t_srs", "EPSG:4326", "-progress"));
    if (crs.sSrs() != null) {
      args.addAll(List.of("-s_srs", crs.sSrs()));
    }
    String encoding = job.request().encoding() != null ? job.request().encoding() : source.encoding();
    if (source.kind().equals("shp") && encoding != null) {
      // GDAL 3.6 through glibc's iconv loses the last character of every CP1258 text (the converter holds it back
      // for a combining tone mark that never comes): such DBFs are read byte for byte as ISO-8859-1 and decoded
      // as windows-1258 by Java (DbfText) instead.
      String gdalEncoding = DbfText.recodes(encoding) ? DbfText.BYTES : encoding;
      args.addAll(List.of("-oo", "ENCODING=" + gdalEncoding, "--config", "SHAPE_ENCODING", gdalEncoding));
      job.recodeText(DbfText.recodes(encoding));
    }
    if (source.kind().equals("csv")) {
      args.addAll(List.of("-oo", "X_POSSIBLE_NAMES=lon,long,longitude,lng,x,kinh_do,kinhdo",
          "-oo", "Y_POSSIBLE_NAMES=lat,latitude,y,vi_do,vido",
          "-oo", "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,shape",
          "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES"));
    }
    Map<String, String> env = Map.of("PGPASSWORD", db.config().password(), "PGAPPNAME", "citytwin-import",
        "PGCLIENTENCODING", "UTF8");
    job.phase(ImportJob.Phase.READING, 5);
    GdalProcess.Result r = job.gdal().run("ogr2ogr", args, env, folder, p -> job.percent(5 + p * 45 / 100));
    job.checkCancelled();
    if (!r.ok()) {
      throw unreadable(r, source);
    }
  }

  private ApiException unreadable(GdalProcess.Result r, SourceFile source) {
    List<String> errs = r.gdalErrors().isEmpty() ? r.errors() : r.gdalErrors();
    String first = errs.isEmpty() ? "exit code " + r.exitCode() : errs.get(0);
    String root = source.dataset().getParent().toString();
    first = first.replace(root + "/", "").replace(root, "").replaceAll("PG:[^ ]+", "the database");
    if (first.length() > 300) {
      first = first.substring(0, 300) + "…";
    }
    return ApiException.invalidParameter("file", "GDAL cannot read the file (damaged or cut short?): " + first);
  }

  /** The transaction: returns the layers written. */
  private List<String> write(java.sql.Connection c, ImportJob job, StagingTable staging) throws java.sql.SQLException {
    ImportRequest req = job.request();
    if (!staging.exists(c) || staging.count(c) == 0) {
      throw ApiException.invalidParameter("file", "The file holds no features");
    }
    staging.renameIdColumn(c);
    job.staged(staging.count(c));
    List<Field> columns = staging.columns(c);
    Map<String, Long> types = staging.geometryTypes(c);
    Map<GeometryFamily, Map<String, Long>> families = new LinkedHashMap<>();
    types.forEach((t, n) -> families.computeIfAbsent(GeometryFamily.of(t), f -> new LinkedHashMap<>()).put(t, n));
    boolean split = families.size() > 1;
    if (split && !req.splitMixed()) {
      throw ApiException.invalidParameter("mixed", "The file mixes geometry types (" + types.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().substring(3)).collect(Collectors.joining(", "))
          + "): a layer holds one type; pass mixed=split for one layer per type");
    }
    if (split && req.mode() != ImportMode.CREATE) {
      throw ApiException.invalidParameter("mixed", "mixed=split creates new layers: use mode=create");
    }
    ImportWriter writer = new ImportWriter(c, boundary, job);
    List<String> written = new ArrayList<>();
    List<GeometryFamily> order = families.keySet().stream().sorted(Comparator.naturalOrder()).toList();
    if (order.isEmpty()) {
      order = List.of(GeometryFamily.POINT); // no geometry at all: every row is rejected below
    }
    for (GeometryFamily family : order) {
      String name = split ? LayerName.check(trim(req.layer()) + "_" + family.suffix, "layer") : req.layer();
      ImportWriter.lock(c, name);
      Layer layer;
      if (req.mode() == ImportMode.CREATE) {
        if (ImportWriter.tableExists(c, name)) {
          throw layerExists(name);
        }
        // A repair may split a polygon in parts (a bow tie becomes two triangles): repaired layers are multi.
        GeometryKind kind = req.repairGeometries() ? family.multi : family.kind(families.getOrDefault(family,
            Map.of()));
        layer = ImportWriter.createTable(c, name, columns, kind);
      } else {
        layer = existing(c, name, columns);
        if (req.mode() == ImportMode.REPLACE) {
          try (var s = c.createStatement()) {
            s.execute("DELETE FROM " + vn.citytwin.core.db.Sql.qualified(layer.schema(), layer.table()));
          }
        }
      }
      long n = writer.write(staging, layer, columns, split ? family : null, req.repairGeometries());
      if (n == 0) {
        throw ApiException.invalidParameter("file", "No row of the file passed validation (" + job.rejected()
            + " rejected" + job.rejections().stream().findFirst().map(r -> "; row " + r.row() + ": " + r.reason())
            .orElse("") + ")");
      }
      if (req.mode() == ImportMode.CREATE) {
        ImportWriter.createSpatialIndex(c, layer);
      }
      ImportWriter.catalogRow(c, name, req.titleVi(), req.titleEn());
      written.add(name);
    }
    return written;
  }

  private static String trim(String layer) {
    return layer.length() > 36 ? layer.substring(0, 36) : layer;
  }

  /** The layer to replace or append to; the file's columns must be among its columns. */
  private Layer existing(java.sql.Connection c, String name, List<Field> columns) throws java.sql.SQLException {
    if (!ImportWriter.tableExists(c, name)) {
      throw ApiException.notFound("layer", "No layer '" + name + "' to replace or append to (use mode=create)");
    }
    Layer layer = catalog.find(name).orElseThrow(() -> ApiException.notFound("layer", "Layer '" + name
        + "' is not in the catalog"));
    List<String> unknown = columns.stream().map(Field::name).filter(n -> layer.field(n).isEmpty()
        || n.equals(layer.idColumn()) || n.equals(layer.geometryColumn())).toList();
    if (!unknown.isEmpty()) {
      throw ApiException.invalidParameter("file", "The file has columns layer '" + name + "' lacks: "
          + String.join(", ", unknown) + " (its columns: " + layer.fields().stream().map(Field::name)
          .filter(n -> !n.equals(layer.idColumn())).collect(Collectors.joining(", ")) + ")");
    }
    if (layer.storageSrid() != 4326) {
      throw ApiException.notSupported("layer", "Layer '" + name + "' is not stored in EPSG:4326");
    }
    return layer;
  }

  /**
   * The libpq connection string of the configured database ({@code PG:host=… port=… dbname=… user=…}), values
   * quoted; the password goes in the environment ({@code PGPASSWORD}), never in the arguments.
   */
  static String pgConnection(CityTwinConfig.Database config) {
    URI uri = URI.create(config.url().substring("jdbc:".length()));
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String dbname = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return "PG:host=" + quote(host) + " port=" + port + " dbname=" + quote(dbname) + " user=" + quote(config.user())
        + " active_schema=" + StagingTable.SCHEMA;
  }

  private static String quote(String v) {
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static void deleteTree(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("cannot delete {}", p);
        }
      });
    } catch (IOException e) {
      LOG.warn("cannot delete {}", folder);
    }
  }

  @Override
  public void close() {
    jobs.values().forEach(j -> {
      if (!j.isFinished()) {
        j.cancel();
      }
    });
    runner.shutdownNow();
  }
}
