package vn.citytwin.app;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.citytwin.core.config.ConfigException;

/** {@code java -jar citytwin.jar <command>}: serve, seed, and the other operator commands. */
@Command(name = "citytwin", mixinStandardHelpOptions = true, version = "CityTwin 0.1",
    description = "Geospatial digital twin server for Vietnamese smart cities.",
    subcommands = {ServeCommand.class, vn.citytwin.demo.DemoCommand.class, Export3dTilesCommand.class,
        vn.citytwin.sensors.sim.SimulateSensorsCommand.class,
        vn.citytwin.importer.ImportCommand.class,
        TokenCommand.class})
public final class Main implements Runnable {

  static {
    // Before any logger exists: one log format for our code, Vert.x, Hikari and Flyway.
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    System.setProperty("java.awt.headless", "true");
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException) {
        System.err.println("citytwin: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    int code = cli.execute(args);
    if (code != 0 || !ServeCommand.isServing()) {
      System.exit(code);
    }
  }

  /** The config file from --config, else CITYTWIN_CONFIG, else none. */
  static Path configFile(Path option) {
    if (option != null) {
      return option;
    }
    String env = System.getenv("CITYTWIN_CONFIG");
    return env == null || env.isBlank() ? null : Path.of(env);
  }
}
