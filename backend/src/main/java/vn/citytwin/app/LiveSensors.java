package vn.citytwin.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.List;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.sensors.ObservationStore;
import vn.citytwin.sensors.alerts.AlertEngine;
import vn.citytwin.sensors.alerts.AlertsRoutes;
import vn.citytwin.sensors.ingest.MqttIngest;
import vn.citytwin.sensors.live.DatastreamDirectory;
import vn.citytwin.sensors.live.LatestLayerVersion;
import vn.citytwin.sensors.live.LiveRoutes;
import vn.citytwin.sensors.live.LiveHub;
import vn.citytwin.sensors.live.MqttPublisher;
import vn.citytwin.sensors.live.ObservationFanOut;
import vn.citytwin.sensors.series.SeriesRoutes;
import vn.citytwin.sensors.series.SeriesStore;

/**
 * Wires the live side of the sensors over the observation store: the store's commits go to the event bus
 * ({@link ObservationFanOut}); from there to the live clients ({@code /live}), MQTT notifications, alerts and the
 * {@code sensor_latest} layer's version; MQTT ingest writes through the store. Returns its routes; its
 * background parts join {@code background} so the server stops them before the pool closes.
 */
final class LiveSensors {
  private LiveSensors() {}

  static List<Mountable> start(Vertx vertx, Database db, ObservationStore observations, SensorsLiveSettings s,
                               String publicUrl, List<AutoCloseable> background) {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry == null) {
      registry = new SimpleMeterRegistry();
    }
    observations.addListener(new ObservationFanOut(vertx, new DatastreamDirectory(db), s.alerts()));
    LiveHub hub = new LiveHub(vertx, s.live().maxClients(), registry);
    background.add(hub);
    background.add(new LatestLayerVersion(vertx, db, 1000));
    background.add(new AlertEngine(vertx, db, s.alerts()).start());
    if (s.mqtt().enabled()) {
      background.add(new MqttIngest(vertx, s.mqtt(), observations::insertBatch, registry).start());
      if (s.mqtt().publish()) {
        background.add(new MqttPublisher(vertx, s.mqtt(), publicUrl, registry).start());
      }
    }
    return List.of(new LiveRoutes(vertx, hub, s.live().queueKb(), s.live().keepAliveSeconds()),
        new SeriesRoutes(vertx, new SeriesStore(db), s.series().maxBuckets()), new AlertsRoutes(vertx, db));
  }
}
