package vn.citytwin.tiles3d;

import java.util.List;

/**
 * A built content tile: the glb, the same bytes gzip-compressed (kept so cached tiles are not compressed again per
 * request), its strong ETag, the number of features it holds and the ids of the buildings the encoder skipped
 * (degenerate footprints).
 */
public record Tiles3dContent(byte[] glb, byte[] gzipped, String etag, int features, List<Long> skippedIds) {
  public Tiles3dContent {
    skippedIds = List.copyOf(skippedIds);
  }

  /** Bytes this entry holds in memory, for the cache's weigher. */
  int weight() {
    return 128 + glb.length + gzipped.length + 8 * skippedIds.size();
  }
}
