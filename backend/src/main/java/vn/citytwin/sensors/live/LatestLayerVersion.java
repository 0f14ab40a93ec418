package vn.citytwin.sensors.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.db.Database;

/**
 * Keeps the data version of the {@code sensor_latest} layer moving with the readings, so its tiles, maps and
 * ETags change when a reading (or a status) changes, while the static city layers keep theirs. The layer is a
 * view, which has no data-version trigger; a trigger on the observation tables would make every ingest
 * transaction wait on the one catalog row. Instead, after committed observations or alerts on this node
 * (local consumers), it bumps the version at most once per {@code debounceMs} (trailing: the last change is
 * always followed by a bump) and sends the same {@code NOTIFY citytwin_data} the triggers send, so every node's
 * caches follow.
 *
 * <pre>
 * UPDATE citytwin.catalog SET data_version = data_version + 1, updated_at = now() WHERE layer_id = 'sensor_latest';
 * SELECT pg_notify('citytwin_data', 'sensor_latest')
 * </pre>
 */
public final class LatestLayerVersion implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatestLayerVersion.class);
  public static final String LAYER = "sensor_latest";

  private final Vertx vertx;
  private final Database db;
  private final long debounceMs;
  private final MessageConsumer<JsonObject> observations;
  private final MessageConsumer<JsonObject> alerts;
  // Touched only on the consumers' context.
  private boolean scheduled;
  private boolean dirty;

  public LatestLayerVersion(Vertx vertx, Database db, long debounceMs) {
    this.vertx = vertx;
    this.db = db;
    this.debounceMs = debounceMs;
    var context = vertx.getOrCreateContext();
    observations = vertx.eventBus().localConsumer(SensorBus.OBSERVATIONS, m -> context.runOnContext(v -> touch()));
    alerts = vertx.eventBus().localConsumer(SensorBus.ALERTS, m -> context.runOnContext(v -> touch()));
  }

  private void touch() {
    dirty = true;
    if (!scheduled) {
      scheduled = true;
      vertx.setTimer(debounceMs, id -> bump());
    }
  }

  private void bump() {
    dirty = false;
    db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE citytwin.catalog SET data_version = data_version + 1, "
          + "updated_at = now() WHERE layer_id = ?")) {
        ps.setString(1, LAYER);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('citytwin_data', ?)")) {
        ps.setString(1, LAYER);
        ps.execute();
      }
      return null;
    }).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("sensor_latest: data version not bumped: {}", ar.cause().getMessage());
        dirty = true;
      }
      scheduled = false;
      if (dirty) {
        touch();
      }
    });
  }

  @Override
  public void close() {
    observations.unregister();
    alerts.unregister();
  }
}
