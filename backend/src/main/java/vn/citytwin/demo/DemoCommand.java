package vn.citytwin.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;

/**
 * {@code seed}: loads the demo city into the configured database (or writes its COPY files with {@code --out}).
 * Database settings and the defaults of {@code --seed} and {@code --buildings} come from the usual configuration
 * (properties file, {@code CITYTWIN_*} environment, {@code citytwin.*} system properties). The schema must be
 * migrated already (run the server once, or its migrate command). Exit code 0 on success, 1 on failure.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Generate the synthetic Vũng Tàu demo city and load it (COPY, one transaction).")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--config", description = "Properties file with the CityTwin settings.")
  Path config;

  @Option(names = "--seed", description = "Random seed (default: demo.seed, 2025).")
  Long seed;

  @Option(names = "--buildings", description = "Number of buildings, 1000–5000000 (default: demo.buildings, 60000).")
  Integer buildings;

  @Option(names = "--force", description = "Reload even when the same seed and size are loaded.")
  boolean force;

  @Option(names = "--out", description = "Write <schema>.<table>.tsv COPY files to this directory instead.")
  Path out;

  @Override
  public Integer call() throws Exception {
    CityTwinConfig cfg = CityTwinConfig.from(ConfigSource.load(config, System.getenv(), System.getProperties()));
    DemoOptions opts = new DemoOptions(seed != null ? seed : cfg.demo().seed(),
        buildings != null ? buildings : cfg.demo().buildings());
    if (out != null) {
      DemoCity.Summary s = DemoCity.write(opts, TableSinks.directory(out));
      System.out.printf("wrote %s in %d ms to %s%n", s.rows(), s.millis(), out);
      return 0;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(cfg.database().url());
    ds.setUser(cfg.database().user());
    ds.setPassword(cfg.database().password());
    long t0 = System.nanoTime();
    DemoSeeder.Result r = DemoSeeder.seed(ds, opts, force);
    System.out.printf("%s %s in %d ms%n", r.loaded() ? "loaded" : "already loaded:", r.loaded() ? r.summary().rows()
        : r.marker(), (System.nanoTime() - t0) / 1_000_000);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DemoCommand()).execute(args));
  }
}
