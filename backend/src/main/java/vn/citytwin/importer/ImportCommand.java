package vn.citytwin.importer;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.CityBoundary;

/**
 * {@code citytwin import FILE [--layer NAME] [--srs …] [--mode create|replace|append]}: the same import as
 * {@code POST /api/imports}, on this thread, with a progress bar on standard error. Exit code 0 when the import is
 * done, 1 when it failed (the error and the first rejected rows are printed), 2 for a bad configuration.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a GIS file (zipped Shapefile, GeoPackage, GeoJSON, KML, CSV, MapInfo TAB, DXF…) as a layer.")
public final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The file (a .zip holding a Shapefile, or .gpkg, .geojson, .kml, .csv…).")
  Path file;

  @Option(names = "--config", description = "Properties file with the CityTwin settings.")
  Path config;

  @Option(names = "--layer", description = "Layer (table) name; default: from the file name.")
  String layer;

  @Option(names = "--source-layer", description = "The layer of a multi-layer file to read.")
  String sourceLayer;

  @Option(names = "--srs", description = "Source CRS (EPSG:n or a PROJ string) when the file has none, or to"
      + " override it; VN-2000 codes use the official transformation.")
  String srs;

  @Option(names = "--mode", description = "create (default), replace or append.")
  String mode;

  @Option(names = "--encoding", description = "Code page of a Shapefile's DBF (overrides its .cpg), e.g. CP1258.")
  String encoding;

  @Option(names = "--repair", description = "Repair invalid geometries instead of rejecting their rows.")
  boolean repair;

  @Option(names = "--split-mixed", description = "One layer per geometry type instead of refusing a mixed file.")
  boolean splitMixed;

  @Option(names = "--title-vi", description = "Vietnamese title.")
  String titleVi;

  @Option(names = "--title-en", description = "English title.")
  String titleEn;

  @Override
  public Integer call() throws Exception {
    CityTwinConfig cfg = CityTwinConfig.from(ConfigSource.load(config, System.getenv(), System.getProperties()));
    if (!Files.isRegularFile(file)) {
      System.err.println("citytwin import: no file " + file);
      return 1;
    }
    ImportRequest request;
    try {
      request = new ImportRequest(layer != null ? layer : LayerName.fromFileName(file.getFileName().toString()),
          sourceLayer, srs, ImportMode.parse(mode, "--mode"), encoding, repair, titleVi, titleEn, splitMixed);
    } catch (ApiException e) {
      System.err.println("citytwin import: " + e.getMessage());
      return 1;
    }
    Vertx vertx = Vertx.vertx();
    Database db = null;
    try {
      db = Database.open(vertx, cfg.database(), null);
      Catalog catalog = Catalog.load(db);
      try (ImportService imports = new ImportService(db, catalog, new CityBoundary(catalog,
          cfg.planning().cityExtent(), cfg.importer().cityBoundary()), cfg.importer())) {
        ProgressBar bar = new ProgressBar();
        Path folder = imports.newJobFolder();
        ImportJob job = bar.follow(started -> imports.runNow(folder, file.toAbsolutePath(), request, started));
        return report(job);
      }
    } finally {
      if (db != null) {
        db.close();
      }
      vertx.close();
    }
  }

  private static int report(ImportJob job) {
    if (job.phase() == ImportJob.Phase.DONE) {
      System.out.printf("imported %d rows into layer %s (%d rejected, %d rows/s)%n", job.written(),
          job.request().layer(), job.rejected(), job.toJson("").getLong("rowsPerSecond"));
      job.rejections().stream().limit(20).forEach(r -> System.out.printf("  row %d rejected (%s): %s%n", r.row(),
          r.locator(), r.reason()));
      return 0;
    }
    System.err.println("citytwin import: " + job.phase().name().toLowerCase(java.util.Locale.ROOT) + ": "
        + (job.error() == null ? "" : job.error().getMessage()));
    job.rejections().stream().limit(20).forEach(r -> System.err.printf("  row %d (%s): %s%n", r.row(), r.locator(),
        r.reason()));
    return 1;
  }

  /** Prints the job's phase, percent and row counts on standard error while it runs. */
  private static final class ProgressBar {
    private volatile ImportJob current;

    ImportJob follow(java.util.function.Function<java.util.function.Consumer<ImportJob>, ImportJob> work) {
      Thread printer = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          ImportJob job = current;
          if (job != null) {
            print(job);
          }
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "citytwin-import-progress");
      printer.setDaemon(true);
      printer.start();
      try {
        ImportJob job = work.apply(j -> current = j);
        printer.interrupt();
        print(job);
        System.err.println();
        return job;
      } finally {
        printer.interrupt();
      }
    }

    private static synchronized void print(ImportJob job) {
      var json = job.toJson("");
      int percent = json.getInteger("percent");
      int filled = percent / 5;
      System.err.printf("\r[%s%s] %3d%% %s, %d rows read, %d written, %d rejected", "#".repeat(filled),
          ".".repeat(20 - filled), percent, json.getString("phase"), json.getLong("rowsRead"),
          json.getLong("rowsWritten"), json.getLong("rowsRejected"));
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImportCommand()).execute(args));
  }
}
