package vn.citytwin.tiles3d;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Khronos glTF validator (npm {@code gltf-validator}, pinned in {@code src/test/js/gltf-validate}) with the
 * machine's Node.js. Fails, not skips, when node or npm are missing; installs the validator with {@code npm ci}
 * the first time.
 */
final class GltfValidator {
  private static Path validatorDir;
  private static Path outDir;

  private GltfValidator() {}

  /** Checks node/npm and installs the validator if needed; idempotent. */
  static synchronized void install() throws IOException, InterruptedException {
    if (validatorDir != null) {
      return;
    }
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path dir = base.resolve("src/test/js/gltf-validate");
    outDir = base.resolve("target/tiles3d-validate");
    Files.createDirectories(outDir);
    for (String tool : List.of("node", "npm")) {
      Result r = run(dir, 60, tool, "--version");
      if (r.exit != 0) {
        throw new AssertionError(tool + " is required to run the glTF validator but `" + tool
            + " --version` failed: " + r.err);
      }
    }
    if (!Files.isDirectory(dir.resolve("node_modules/gltf-validator"))) {
      Result r = run(dir, 300, "npm", "ci", "--no-audit", "--no-fund");
      if (r.exit != 0) {
        throw new AssertionError("`npm ci` in " + dir + " failed: " + r.err);
      }
    }
    validatorDir = dir;
  }

  /** Writes the glb under target/tiles3d-validate/{name} and returns the validator's {@code issues} object. */
  static JsonObject validate(String name, byte[] glb) throws IOException, InterruptedException {
    install();
    Path file = outDir.resolve(name);
    Files.write(file, glb);
    Result r = run(validatorDir, 120, "node", "validate.mjs", file.toString());
    if (r.exit != 0) {
      throw new AssertionError("validator exit " + r.exit + "; stderr: " + r.err);
    }
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

  private static Result run(Path dir, int timeoutSeconds, String... command)
      throws IOException, InterruptedException {
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
