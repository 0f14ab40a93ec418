package vn.citytwin.sensors;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the monthly observation partitions ready (last month to three months ahead): once at start and every six
 * hours, on a worker thread. A reading whose month has no partition still lands in the default partition, so a
 * missed run loses nothing; the next run moves such rows into their new partition.
 */
public final class ObservationPartitions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObservationPartitions.class);
  private static final long PERIOD_MS = 6L * 3600 * 1000;

  private final Vertx vertx;
  private final long timer;

  private ObservationPartitions(Vertx vertx, ObservationStore store) {
    this.vertx = vertx;
    run(vertx, store);
    this.timer = vertx.setPeriodic(PERIOD_MS, id -> run(vertx, store));
  }

  /** Starts the maintenance; close it to stop. */
  public static ObservationPartitions start(Vertx vertx, ObservationStore store) {
    return new ObservationPartitions(vertx, store);
  }

  private static void run(Vertx vertx, ObservationStore store) {
    vertx.executeBlocking(store::ensurePartitions, false)
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("created {} observation partition(s)", n);
          }
        })
        .onFailure(e -> LOG.warn("observation partitions: {}", e.getMessage()));
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
