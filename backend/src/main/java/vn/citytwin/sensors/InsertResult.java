package vn.citytwin.sensors;

/** What became of one entry of an ingest batch. */
public sealed interface InsertResult {
  /** Stored now, with this id. */
  record Created(long id) implements InsertResult {}

  /** The same (datastream, phenomenon time, result) was already stored, with this id: nothing written. */
  record Duplicate(long existingId) implements InsertResult {}

  /**
   * Refused, nothing written for this entry; {@code code} is a stable word for metrics and clients
   * ({@code unknown-datastream}, {@code wrong-result-type}, {@code future-time}, {@code unknown-feature},
   * {@code invalid}), {@code message} a sentence for people.
   */
  record Rejected(String code, String message) implements InsertResult {}

  /** The stored id (created or duplicate), or -1 when rejected. */
  default long id() {
    if (this instanceof Created c) {
      return c.id();
    }
    if (this instanceof Duplicate d) {
      return d.existingId();
    }
    return -1;
  }
}
