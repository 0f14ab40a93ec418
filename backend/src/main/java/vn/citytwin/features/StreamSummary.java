package vn.citytwin.features;

/**
 * What is known when a stream ends.
 *
 * @param numberReturned features written
 * @param more whether features follow this page (a {@code next} link makes sense)
 * @param numberMatched all matching features, or null when not counted
 */
public record StreamSummary(long numberReturned, boolean more, Long numberMatched) {}
