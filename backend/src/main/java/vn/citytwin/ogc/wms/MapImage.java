package vn.citytwin.ogc.wms;

/**
 * An encoded map and where its time went (milliseconds), for the {@code Server-Timing} header and the benchmark.
 *
 * @param dbMs running the SQL and receiving rows, without decoding
 * @param decodeMs decoding WKB and attributes
 * @param drawMs Java2D rendering, labels included
 * @param encodeMs PNG/JPEG encoding
 * @param features number of features drawn
 */
public record MapImage(byte[] bytes, String contentType, double dbMs, double decodeMs, double drawMs,
    double encodeMs, int features) {

  /** {@code Server-Timing} header value (W3C Server Timing). */
  public String serverTiming() {
    return String.format(java.util.Locale.ROOT, "db;dur=%.2f, decode;dur=%.2f, draw;dur=%.2f, encode;dur=%.2f",
        dbMs, decodeMs, drawMs, encodeMs);
  }
}
