package vn.citytwin.app;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.scenario.ScenarioRegistry;
import vn.citytwin.tiles3d.Tiles3dExport;
import vn.citytwin.tiles3d.Tiles3dOptions;
import vn.citytwin.tiles3d.Tiles3dRequest;
import vn.citytwin.tiles3d.Tiles3dService;

/**
 * {@code citytwin export-3dtiles --layer buildings --out DIR [--scenario ID]}: the layer's 3D Tiles as files
 * ({@code DIR/tileset.json}, {@code DIR/content/z/x/y.glb}) for static hosting, the same tree and bytes the server
 * serves. Exit code 0 on success, 2 on a bad layer/scenario/filter or setting, 1 when a file cannot be written.
 */
@Command(name = "export-3dtiles", mixinStandardHelpOptions = true,
    description = "Write a layer's 3D Tiles 1.1 (tileset.json + glb) to a directory for static hosting.")
final class Export3dTilesCommand implements Callable<Integer> {
  @Option(names = "--layer", defaultValue = "buildings", description = "Layer id (default: ${DEFAULT-VALUE}).")
  String layer;

  @Option(names = "--out", required = true, description = "Output directory (created if missing).")
  Path out;

  @Option(names = "--scenario", description = "Planning scenario id: export that scenario's city.")
  String scenario;

  @Option(names = "--filter", description = "CQL2 text filter on the layer's attributes.")
  String filter;

  @Option(names = "--parallel", defaultValue = "2", description = "Tiles built at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--config", description = "Properties file with settings (also CITYTWIN_CONFIG).")
  Path config;

  PrintStream stdout = System.out;
  PrintStream stderr = System.err;

  @Override
  public Integer call() {
    ConfigSource source = ConfigSource.load(Main.configFile(config), System.getenv(), System.getProperties());
    CityTwinConfig cfg = CityTwinConfig.from(source);
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, cfg.database(), null)) {
      Catalog catalog = Catalog.load(db);
      ScenarioRegistry scenarios = new ScenarioRegistry(db);
      Map<String, String> params = new LinkedHashMap<>();
      if (scenario != null) {
        params.put("scenario", scenario);
      }
      if (filter != null) {
        params.put("filter", filter);
      }
      Tiles3dRequest request = Tiles3dRequest.parse(catalog, scenarios, layer, KvpParams.of(params),
          vn.citytwin.access.AccessView.EVERYTHING);
      try (Tiles3dService service = new Tiles3dService(vertx, db, catalog, Tiles3dOptions.from(cfg.tiles()))) {
        Tiles3dExport.Summary s = Tiles3dExport.write(service, request, out, parallel);
        stdout.printf("exported %s: %d tiles, %d buildings (%d skipped), %.1f MB of glb in %.1f s -> %s%n",
            layer, s.tiles(), s.features(), s.skipped(), s.bytes() / 1e6, s.millis() / 1000.0,
            out.resolve("tileset.json"));
        return 0;
      }
    } catch (ApiException e) {
      stderr.println("citytwin: " + (e.locator() != null ? e.locator() + ": " : "") + e.getMessage());
      return 2;
    } catch (IOException e) {
      stderr.println("citytwin: cannot write " + out + ": " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }
}
