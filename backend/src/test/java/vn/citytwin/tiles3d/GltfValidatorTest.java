package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the Khronos glTF validator (npm {@code gltf-validator}, pinned in {@code src/test/js/gltf-validate}) on
 * tiles we write, with the machine's Node.js. Fails, not skips, when node or npm are missing. The validator does
 * not know EXT_mesh_features / EXT_structural_metadata (it reports them as unsupported, an info), so those are
 * checked by {@link BuildingTileEncoderTest}; this test covers the core glTF and glb rules.
 */
class GltfValidatorTest {
  private static Path validatorDir;
  private static Path outDir;

  @BeforeAll
  static void installValidator() throws Exception {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    validatorDir = base.resolve("src/test/js/gltf-validate");
    outDir = base.resolve("target/tiles3d-validate");
    Files.createDirectories(outDir);
    for (String tool : List.of("node", "npm")) {
      Result r = run(validatorDir, 60, tool, "--version");
      if (r.exit != 0) {
        throw new AssertionError(tool + " is required to run the glTF validator but `" + tool
            + " --version` failed: " + r.err);
      }
    }
    if (!Files.isDirectory(validatorDir.resolve("node_modules/gltf-validator"))) {
      Result r = run(validatorDir, 300, "npm", "ci", "--no-audit", "--no-fund");
      if (r.exit != 0) {
        throw new AssertionError("`npm ci` in " + validatorDir + " failed: " + r.err);
      }
    }
  }

  @Test
  void variedTileOf50BuildingsHasNoErrors() throws Exception {
    List<BuildingInput> buildings = new ArrayList<>(TestBuildings.varied(48, 11));
    // Two that must be skipped without harming the tile.
    buildings.add(new BuildingInput(900, TestBuildings.polygon(new double[] {0, 0, 10, 0, 20, 0}), 0, 5,
        (String) null, Map.of(), -1));
    buildings.add(new BuildingInput(901, TestBuildings.rectangle(500, 500, 10, 10, 0), 0, -2,
        (String) null, Map.of(), -1));
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(buildings, PropertySchema.buildings());

    JsonObject issues = validate("varied50.glb", tile.glb());

    assertThat(tile.featureCount()).isEqualTo(48);
    assertThat(tile.skippedIds()).containsExactly(900L, 901L);
    assertThat(issues.getInteger("numErrors")).as("glTF validator errors").isZero();
    assertThat(issues.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("code")))
        .as("no issue other than the metadata extensions the validator does not know, and unused views")
        .allMatch(code -> code.equals("UNSUPPORTED_EXTENSION") || code.equals("UNUSED_OBJECT"));
  }

  @Test
  void largeTileWithThirtyTwoBitIndicesHasNoErrors() throws Exception {
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(TestBuildings.varied(2000, 5),
        PropertySchema.buildings());
    GlbReader glb = new GlbReader(tile.glb());
    assertThat(glb.json.getJsonArray("accessors").getJsonObject(4).getInteger("componentType"))
        .as("more than 65534 vertices need UNSIGNED_INT indices").isEqualTo(5125);

    JsonObject issues = validate("large2000.glb", tile.glb());

    assertThat(issues.getInteger("numErrors")).isZero();
    assertThat(issues.getInteger("numWarnings")).isZero();
  }

  @Test
  void emptyTileHasNoErrors() throws Exception {
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(List.of(), PropertySchema.buildings());

    assertThat(validate("empty.glb", tile.glb()).getInteger("numErrors")).isZero();
  }

  @Test
  void harnessReportsErrorsOfABrokenGlb() throws Exception {
    byte[] glb = BuildingTileEncoder.encode(TestBuildings.varied(3, 1), PropertySchema.buildings()).glb();
    glb[8] ^= 0x04; // the header's total length no longer matches the file

    assertThat(validate("broken.glb", glb).getInteger("numErrors")).isPositive();
  }

  private static JsonObject validate(String name, byte[] glb) throws Exception {
    Path file = outDir.resolve(name);
    Files.write(file, glb);
    Result r = run(validatorDir, 120, "node", "validate.mjs", file.toString());
    assertThat(r.exit).as("validator exit; stderr: %s", r.err).isZero();
    JsonObject issues = new JsonObject(r.out).getJsonObject("issues");
    JsonArray messages = issues.getJsonArray("messages");
    System.out.printf("%s: %d errors, %d warnings, %d infos, %d hints%n", name, issues.getInteger("numErrors"),
        issues.getInteger("numWarnings"), issues.getInteger("numInfos"), issues.getInteger("numHints"));
    for (Object m : messages) {
      JsonObject msg = (JsonObject) m;
      System.out.printf("  [%d] %s %s: %s%n", msg.getInteger("severity"), msg.getString("code"),
          msg.getString("pointer", ""), msg.getString("message"));
    }
    return issues;
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
    Path err = Files.createTempFile("tiles3d-validator", ".err");
    try {
      Process p;
      try {
        p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
      } catch (IOException e) {
        return new Result(-1, "", command[0] + " not found on PATH (" + e.getMessage() + ")");
      }
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", String.join(" ", command) + " timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
