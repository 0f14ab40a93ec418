package vn.citytwin.sensors;

import java.util.List;

/**
 * Told about observations after their transaction committed (never before, never for duplicates or rejected
 * entries), whichever way they arrived. Runs on a database worker thread or, after an HTTP write, on the event
 * loop: hand off, never block.
 */
@FunctionalInterface
public interface ObservationListener {
  void committed(List<StoredObservation> observations);
}
