package vn.citytwin.tiles3d;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a layer's 3D Tiles to a directory for static hosting: {@code tileset.json} and
 * {@code content/{z}/{x}/{y}.glb}, with the same tree and bytes the HTTP endpoints serve (it drives the same
 * {@link Tiles3dService}), but plain relative URIs. Blocking: call from a plain thread, never an event loop.
 */
public final class Tiles3dExport {

  /**
   * What was written.
   *
   * @param tiles content files written
   * @param features buildings in them
   * @param skipped buildings the encoder left out (degenerate footprints)
   * @param bytes total size of the content files
   * @param millis wall time
   */
  public record Summary(int tiles, long features, long skipped, long bytes, long millis) {}

  private Tiles3dExport() {}

  /**
   * Exports.
   *
   * @param parallelism content tiles built at once (≥ 1)
   * @throws IOException if a file cannot be written
   * @throws vn.citytwin.core.error.ApiException as the service fails (timeouts, database errors)
   */
  public static Summary write(Tiles3dService service, Tiles3dRequest request, Path dir, int parallelism)
      throws IOException {
    long start = System.nanoTime();
    TilesetDocument doc = service.tileset(request, service.tilesetEtag(request)).await();
    String json = doc.tree().toJson("", request.layer().id()).encodePrettily();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("tileset.json"), json, StandardCharsets.UTF_8);
    List<TileTree.Leaf> leaves = doc.tree().leaves();
    Deque<Pending> window = new ArrayDeque<>();
    int tiles = 0;
    long features = 0;
    long skipped = 0;
    long bytes = 0;
    int next = 0;
    while (next < leaves.size() || !window.isEmpty()) {
      while (next < leaves.size() && window.size() < Math.max(1, parallelism)) {
        QuadCell cell = leaves.get(next++).cell();
        window.add(new Pending(cell, service.content(request, cell, service.contentEtag(request, cell))));
      }
      Pending p = window.poll();
      Tiles3dContent c = p.content().await();
      Path file = dir.resolve(TileTree.contentUri(p.cell(), ""));
      Files.createDirectories(file.getParent());
      Files.write(file, c.glb());
      tiles++;
      features += c.features();
      skipped += c.skippedIds().size();
      bytes += c.glb().length;
    }
    return new Summary(tiles, features, skipped, bytes, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private record Pending(QuadCell cell, Future<Tiles3dContent> content) {}
}
