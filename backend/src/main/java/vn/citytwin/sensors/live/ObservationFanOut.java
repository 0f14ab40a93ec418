package vn.citytwin.sensors.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.sensors.NewObservation;
import vn.citytwin.sensors.ObservationListener;
import vn.citytwin.sensors.StaTime;
import vn.citytwin.sensors.StoredObservation;
import vn.citytwin.sensors.live.DatastreamDirectory.DatastreamInfo;

/**
 * The one bridge from the store to the event bus: told by the observation store after every commit (HTTP, MQTT,
 * batches), it adds what subscribers filter on (Thing, observed property, position, status) and publishes one
 * {@link SensorBus#OBSERVATIONS} message per batch. Nothing reaches the bus before its commit.
 */
public final class ObservationFanOut implements ObservationListener {
  private static final Logger LOG = LoggerFactory.getLogger(ObservationFanOut.class);

  private final Vertx vertx;
  private final DatastreamDirectory directory;
  private final SensorsLiveSettings.Alerts thresholds;

  public ObservationFanOut(Vertx vertx, DatastreamDirectory directory, SensorsLiveSettings.Alerts thresholds) {
    this.vertx = vertx;
    this.directory = directory;
    this.thresholds = thresholds;
  }

  /** Runs on the store's worker thread (the directory may read the database on a cache miss). */
  @Override
  public void committed(List<StoredObservation> observations) {
    if (observations.isEmpty()) {
      return;
    }
    Map<Long, DatastreamInfo> infos;
    try {
      infos = directory.resolveNow(observations.stream().map(StoredObservation::datastreamId)
          .collect(Collectors.toSet()));
    } catch (RuntimeException e) {
      // Still publish: the observations are committed; subscribers filtering by property or bbox miss them.
      LOG.warn("live: datastream lookup failed ({}); publishing without Thing and position", e.getMessage());
      infos = Map.of();
    }
    JsonArray events = new JsonArray();
    for (StoredObservation s : observations) {
      events.add(event(s, infos.get(s.datastreamId())));
    }
    vertx.eventBus().publish(SensorBus.OBSERVATIONS, new JsonObject().put("observations", events));
  }

  JsonObject event(StoredObservation s, DatastreamInfo info) {
    NewObservation o = s.observation();
    JsonObject e = new JsonObject()
        .put("@iot.id", s.id())
        .put("datastream", o.datastreamId())
        .put("phenomenonTime", new StaTime.Span(o.phenomenonTimeStart(), o.phenomenonTimeEnd()).text())
        .put("resultTime", StaTime.format(o.resultTime()))
        .put("result", o.result());
    if (s.featureOfInterestIdOrZero() != 0) {
      e.put("featureOfInterest", s.featureOfInterestIdOrZero());
    }
    if (info != null) {
      e.put("thing", info.thingId()).put("observedProperty", info.observedProperty()).put("unit", info.unit())
          .put("lon", info.lon()).put("lat", info.lat());
      SensorsLiveSettings.Threshold t = thresholds.forProperty(info.observedProperty());
      if (t != null && o.result() instanceof Number n) {
        e.put("status", t.status(n.doubleValue()));
      }
    }
    return e;
  }
}
