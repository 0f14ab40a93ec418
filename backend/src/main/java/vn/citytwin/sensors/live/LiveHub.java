package vn.citytwin.sensors.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event bus → live clients fan-out. Consumes {@link SensorBus#OBSERVATIONS} and {@link SensorBus#ALERTS},
 * encodes each event once and offers it to every client whose filter wants it. A client that cannot keep up
 * skips messages (see {@link LiveClient}); the hub itself keeps nothing per message.
 */
public final class LiveHub implements AutoCloseable {
  private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
  private final int maxClients;
  private final Counter skipped;
  private final Counter delivered;
  private final MessageConsumer<JsonObject> observations;
  private final MessageConsumer<JsonObject> alerts;

  public LiveHub(Vertx vertx, int maxClients, MeterRegistry registry) {
    this.maxClients = maxClients;
    Gauge.builder("citytwin.sensors.live.clients", clients, Set::size)
        .description("connected WebSocket and SSE live clients").register(registry);
    skipped = Counter.builder("citytwin.sensors.live.skipped")
        .description("live messages skipped because the client's queue was full").register(registry);
    delivered = Counter.builder("citytwin.sensors.live.delivered")
        .description("live messages written to clients (skipped ones not counted)").register(registry);
    observations = vertx.eventBus().consumer(SensorBus.OBSERVATIONS, m -> onObservations(m.body()));
    alerts = vertx.eventBus().consumer(SensorBus.ALERTS, m -> fanOut("alert", m.body()));
  }

  /** Adds a client unless the hub is full; false means the caller must refuse it. */
  boolean add(LiveClient client) {
    if (clients.size() >= maxClients) {
      return false;
    }
    clients.add(client);
    return true;
  }

  void remove(LiveClient client) {
    clients.remove(client);
  }

  Runnable skipCounter() {
    return skipped::increment;
  }

  private void onObservations(JsonObject batch) {
    JsonArray list = batch.getJsonArray("observations");
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      fanOut("observation", list.getJsonObject(i));
    }
  }

  private void fanOut(String type, JsonObject event) {
    String json = null;
    for (LiveClient c : clients) {
      LiveFilter f = c.filter();
      if (f != null && f.wants(type, event)) {
        if (json == null) {
          json = new JsonObject().put("type", type).mergeIn(event).encode();
        }
        if (c.offer(type, json)) {
          delivered.increment();
        }
      }
    }
  }

  @Override
  public void close() {
    observations.unregister();
    alerts.unregister();
    for (LiveClient c : clients) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // already closed by the peer
      }
    }
    clients.clear();
  }
}
