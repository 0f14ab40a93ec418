package vn.citytwin.sensors;

/**
 * An observation just committed: its id, the feature of interest the store settled on, and what was sent.
 * Handed to {@link ObservationListener}s.
 */
public record StoredObservation(long id, long featureOfInterestIdOrZero, NewObservation observation) {
  public long datastreamId() {
    return observation.datastreamId();
  }
}
