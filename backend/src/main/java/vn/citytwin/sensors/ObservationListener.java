package vn.citytwin.sensors;

import java.util.List;

/**
 * Told about observations after their transaction committed (never before, never for duplicates or rejected
 * entries), whichever way they arrived. Runs on a database worker thread: hand off, don't block.
 */
@FunctionalInterface
public interface ObservationListener {
  void committed(List<StoredObservation> observations);
}
