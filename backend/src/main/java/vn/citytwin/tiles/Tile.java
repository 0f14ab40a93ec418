package vn.citytwin.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * An encoded vector tile and its strong ETag. The gzip form is made the first time a client that accepts gzip asks
 * for it and then kept with the tile, so a cached tile is compressed at most once and clients that do not accept
 * gzip never pay for it. Empty for an empty tile.
 */
public final class Tile {
  private final byte[] bytes;
  private final String etag;
  private volatile byte[] gzipped;

  public Tile(byte[] bytes, String etag) {
    this.bytes = bytes;
    this.etag = etag;
  }

  public byte[] bytes() {
    return bytes;
  }

  public String etag() {
    return etag;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The gzip-compressed bytes (computed once; a benign race may compute them twice). */
  public byte[] gzipped() {
    byte[] g = gzipped;
    if (g == null) {
      g = gzip(bytes);
      gzipped = g;
    }
    return g;
  }

  /** Whether {@link #gzipped()} is ready without work. */
  public boolean hasGzip() {
    return gzipped != null || bytes.length == 0;
  }

  /** Memory held, for the cache weigher: the gzip form is counted as if present (it will be, for most tiles). */
  int weight() {
    return 64 + bytes.length + bytes.length / 3;
  }

  private static byte[] gzip(byte[] bytes) {
    if (bytes.length == 0) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
