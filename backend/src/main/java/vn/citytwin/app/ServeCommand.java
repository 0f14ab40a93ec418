package vn.citytwin.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;

/** Starts the server (seeding the demo city first when the database is empty and demo seeding is on). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP server.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private static volatile boolean serving;

  @Option(names = "--config", description = "Properties file with settings (also CITYTWIN_CONFIG).")
  Path config;

  static boolean isServing() {
    return serving;
  }

  @Override
  public Integer call() {
    ConfigSource source = ConfigSource.load(Main.configFile(config), System.getenv(), System.getProperties());
    CityTwinConfig cfg = CityTwinConfig.from(source);
    source.unknownKeys().forEach(k -> LOG.warn("unknown setting '{}' in the config file (ignored)", k));
    DemoBootstrap.seedIfEmpty(cfg);
    CityTwinServer server = CityTwinServer.start(cfg);
    serving = true;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down: finishing in-flight requests");
      server.close();
    }, "citytwin-shutdown"));
    System.out.println("CityTwin is running at " + cfg.server().publicUrl() + "/");
    return 0;
  }
}
