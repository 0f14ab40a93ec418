package vn.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.citytwin.testing.TestDatabase;

/** {@code citytwin export-3dtiles} against a real database: files written, bad input a clear exit code. */
class Export3dTilesCommandIT {

  @Test
  void exportsTheBuildingsAndRefusesBadInput(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("export3d")) {
      Path config = dir.resolve("citytwin.properties");
      Files.writeString(config, "db.url=" + db.jdbcUrl() + "\n");
      // The first run migrates the empty database: an empty city exports an empty but valid tileset.
      assertThat(run("--out", dir.resolve("empty").toString(), "--config", config.toString()).exit).isZero();
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, geom) VALUES "
            + "(1, 'Khách sạn', 'hotel', 10, 33, ST_GeomFromText('POLYGON((107.08 10.35,107.0802 10.35,"
            + "107.0802 10.3502,107.08 10.3502,107.08 10.35))', 4326)),"
            + "(2, NULL, 'villa', 2, 6.6, ST_GeomFromText('POLYGON((107.09 10.36,107.0901 10.36,"
            + "107.0901 10.3601,107.09 10.3601,107.09 10.36))', 4326))");
      }

      Path out = dir.resolve("city");
      Result ok = run("--layer", "buildings", "--out", out.toString(), "--config", config.toString());

      assertThat(ok.exit).as(ok.err).isZero();
      assertThat(ok.out).contains("2 buildings");
      JsonObject tileset = new JsonObject(Files.readString(out.resolve("tileset.json")));
      assertThat(tileset.getJsonObject("asset").getString("version")).isEqualTo("1.1");
      try (Stream<Path> files = Files.walk(out.resolve("content"))) {
        assertThat(files.filter(p -> p.toString().endsWith(".glb")).toList()).isNotEmpty()
            .allSatisfy(p -> assertThat(Files.size(p)).isPositive());
      }
      Result badLayer = run("--layer", "parks", "--out", dir.resolve("x").toString(), "--config", config.toString());
      assertThat(badLayer.exit).isEqualTo(2);
      assertThat(badLayer.err).contains("layer").contains("height");
      Result badScenario = run("--scenario", "42", "--out", dir.resolve("y").toString(), "--config",
          config.toString());
      assertThat(badScenario.exit).isEqualTo(2);
      assertThat(badScenario.err).contains("scenario");
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Export3dTilesCommand command = new Export3dTilesCommand();
    command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = new CommandLine(command).execute(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
