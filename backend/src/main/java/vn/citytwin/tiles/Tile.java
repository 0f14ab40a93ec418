package vn.citytwin.tiles;

/**
 * An encoded vector tile. {@code gzipped} is the same bytes gzip-compressed (kept so cached tiles are not
 * compressed again per request); both are empty for an empty tile.
 */
public record Tile(byte[] bytes, byte[] gzipped, String etag) {
  public boolean isEmpty() {
    return bytes.length == 0;
  }
}
