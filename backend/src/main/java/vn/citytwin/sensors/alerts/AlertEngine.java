package vn.citytwin.sensors.alerts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.sensors.StaTime;
import vn.citytwin.sensors.live.SensorBus;

/**
 * Judges committed observations against the thresholds and watches for silence. For each batch on the event bus
 * it takes each datastream's newest reading, and when that changes the datastream's level (ok, warning, alarm,
 * stale) it records the transition ({@link AlertStore#transition}) and publishes the alerts raised and cleared on
 * {@link SensorBus#ALERTS}. Every {@code sensors.alerts.stale.check.s} seconds datastreams silent for
 * {@code sensors.alerts.stale.minutes} become stale.
 *
 * <p>A local consumer: in a cluster only the node that committed a batch judges it. Levels are cached in memory
 * so an unchanged level costs no database work; the database (a row lock per datastream) decides each transition.
 */
public final class AlertEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

  private final Vertx vertx;
  private final Database db;
  private final SensorsLiveSettings.Alerts settings;
  private final Map<Long, String> levels = new ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> consumer;
  private long timer = -1;

  public AlertEngine(Vertx vertx, Database db, SensorsLiveSettings.Alerts settings) {
    this.vertx = vertx;
    this.db = db;
    this.settings = settings;
  }

  /** Writes the configured rules to the database, loads the levels and starts listening (blocking, at start). */
  public AlertEngine start() {
    db.inTransactionNow(c -> {
      AlertStore.syncRules(c, settings);
      return null;
    });
    levels.putAll(db.inConnection(AlertStore::levels));
    consumer = vertx.eventBus().localConsumer(SensorBus.OBSERVATIONS, m -> judge(m.body()));
    if (settings.staleMinutes() > 0) {
      timer = vertx.setPeriodic(settings.staleCheckSeconds() * 1000L, id -> checkStale());
    }
    return this;
  }

  private void judge(JsonObject batch) {
    JsonArray list = batch.getJsonArray("observations");
    Map<Long, JsonObject> newest = new HashMap<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      JsonObject e = list.getJsonObject(i);
      newest.merge(e.getLong("datastream"), e,
          (a, b) -> start(b).isAfter(start(a)) ? b : a);
    }
    List<AlertStore.Reading> changes = new ArrayList<>();
    for (JsonObject e : newest.values()) {
      AlertStore.Reading r = reading(e);
      if (!r.level().equals(levels.getOrDefault(r.datastream(), "ok"))) {
        changes.add(r);
      }
    }
    if (!changes.isEmpty()) {
      apply(changes);
    }
  }

  AlertStore.Reading reading(JsonObject e) {
    String property = e.getString("observedProperty");
    Object result = e.getValue("result");
    String level = e.getString("status", "ok");
    SensorsLiveSettings.Threshold t = settings.forProperty(property);
    Double value = result instanceof Number n ? n.doubleValue() : null;
    Double threshold = t == null ? null : level.equals("alarm") ? (Double) t.alarm()
        : level.equals("warning") ? (Double) t.warning() : null;
    String message = level.equals("ok") ? "back to normal"
        : String.format(Locale.ROOT, "%s = %s %s (%s %s: %s)", property, value, e.getString("unit", ""),
            t != null && t.below() ? "<=" : ">=", threshold, level);
    return new AlertStore.Reading(e.getLong("datastream"), level, value, threshold, e.getLong("@iot.id"),
        start(e), message);
  }

  private static Instant start(JsonObject e) {
    return StaTime.span(e.getString("phenomenonTime"), "phenomenonTime").start();
  }

  private Future<Void> apply(List<AlertStore.Reading> readings) {
    return db.withConnection(c -> {
      List<AlertStore.AlertEvent> events = new ArrayList<>();
      for (AlertStore.Reading r : readings) {
        c.setAutoCommit(false);
        try {
          events.addAll(AlertStore.transition(c, r));
          c.commit();
          levels.put(r.datastream(), r.level());
        } catch (java.sql.SQLException | RuntimeException e) {
          c.rollback();
          LOG.warn("alerts: datastream {} to {} failed: {}", r.datastream(), r.level(), e.getMessage());
        } finally {
          c.setAutoCommit(true);
        }
      }
      return events;
    }).onSuccess(events -> {
      for (AlertStore.AlertEvent ev : events) {
        vertx.eventBus().publish(SensorBus.ALERTS, ev.alert().toJson(ev.event()));
      }
    }).onFailure(e -> LOG.warn("alerts: {}", e.getMessage())).mapEmpty();
  }

  /** Marks silent datastreams stale now (also run by the timer). */
  public Future<Void> checkStale() {
    return db.withConnection(c -> AlertStore.staleCandidates(c, settings.staleMinutes())).compose(silent -> {
      List<AlertStore.Reading> readings = new ArrayList<>();
      silent.forEach((ds, last) -> readings.add(new AlertStore.Reading(ds, "stale", null, null, null, last,
          "no data for " + settings.staleMinutes() + " min (last reading " + StaTime.format(last) + ")")));
      return readings.isEmpty() ? Future.<Void>succeededFuture() : apply(readings);
    });
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (consumer != null) {
      consumer.unregister();
    }
  }
}
