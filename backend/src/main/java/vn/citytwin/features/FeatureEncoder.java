package vn.citytwin.features;

/**
 * Writes one response format feature by feature into a text buffer the stream flushes in chunks. One instance per
 * response (it may hold per-response state such as links); called on one worker thread, in order:
 * {@link #start}, {@link #feature} for every feature, {@link #end}.
 */
public interface FeatureEncoder {
  /** The Content-Type of the response. */
  String contentType();

  void start(StringBuilder out, StreamInfo info);

  void feature(StringBuilder out, StreamPart part, FeatureRecord feature);

  void end(StringBuilder out, StreamSummary summary);
}
