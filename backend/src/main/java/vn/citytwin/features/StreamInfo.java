package vn.citytwin.features;

import java.time.Instant;

/**
 * What is known when a stream starts writing.
 *
 * @param numberMatched all features matching the queries, or null when not counted
 * @param numberReturned the features this response will hold, or null when not counted
 * @param timeStamp when the snapshot was taken
 */
public record StreamInfo(Long numberMatched, Long numberReturned, Instant timeStamp) {}
