package vn.citytwin.features;

/**
 * Where {@link FeatureService} sends encoded text: an HTTP response ({@link ResponseSink}) or a file ({@link
 * FileSink}, for exports that GDAL converts further). Both take the buffer's content and clear it.
 */
public interface TextSink {
  /** Sends the buffered text (and clears it). */
  void write(StringBuilder text);

  /** Sends the rest and finishes. */
  void end(StringBuilder text);
}
