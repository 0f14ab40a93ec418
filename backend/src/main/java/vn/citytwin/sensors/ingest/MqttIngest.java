package vn.citytwin.sensors.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.sensors.InsertResult;
import vn.citytwin.sensors.NewObservation;
import vn.citytwin.sensors.ObservationJson;

/**
 * MQTT ingest: subscribes to the STA create topics ({@link StaTopics#ingestFilters()}) at QoS 1 and stores each
 * Observation through the observation store. The PUBACK of a message goes out only after the transaction holding
 * its observation committed ({@code autoAck=false}, {@link MqttPublishMessage#ack()}), so the broker keeps every
 * message we have not stored and, the session being persistent (clean=false, a fixed client id), redelivers it
 * after a crash or a lost connection; redelivered copies are stored once (the store's idempotent duplicates).
 *
 * <p>Group commit: while one batch is being written, arriving messages queue; the next batch takes up to
 * {@code sensors.mqtt.batch.max} of them in one transaction. PUBACKs leave in the order the messages arrived
 * (MQTT 3.1.1 §4.6). The queue is bounded by the broker's in-flight window for QoS 1 (unacknowledged messages
 * stop the broker sending more); QoS 0 messages beyond ten batches are dropped and counted.
 *
 * <p>Bad messages (a topic that names no Datastream, not JSON, not an Observation, a result the datastream
 * refuses) are acknowledged — redelivering them would never help — logged (at most one line a second) and counted
 * in {@code citytwin.sensors.mqtt.messages{outcome="bad"|"rejected", reason}}; the good messages around them are
 * stored. Our own notifications, which come back on the same topics, carry {@code @iot.selfLink} and are skipped.
 */
public final class MqttIngest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

  /** A received message and what it asks us to store (null: nothing — bad, or our own notification). */
  private record Pending(MqttPublishMessage message, NewObservation observation) {}

  private final Vertx vertx;
  private final StaTopics topics;
  private final Function<List<NewObservation>, Future<List<InsertResult>>> store;
  private final int batchMax;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final MqttLink link;
  // Confined to the MQTT client's event loop: every handler and store completion runs there.
  private final Deque<Pending> queue = new ArrayDeque<>();
  private boolean writing;
  private volatile boolean closed;
  private int retries;
  private long lastLog;

  /**
   * @param store writes one batch in one transaction and completes after the commit with one result per entry
   */
  public MqttIngest(Vertx vertx, SensorsLiveSettings.Mqtt settings,
                    Function<List<NewObservation>, Future<List<InsertResult>>> store, MeterRegistry registry) {
    this.vertx = vertx;
    this.topics = new StaTopics(settings.topicPrefix());
    this.store = store;
    this.batchMax = settings.batchMax();
    this.registry = registry;
    this.link = new MqttLink(vertx, settings, settings.clientId(), false, false,
        c -> c.publishHandler(this::onMessage), this::subscribe, "ingest");
  }

  public MqttIngest start() {
    link.start();
    return this;
  }

  private void subscribe(MqttClient client) {
    Map<String, Integer> filters = new LinkedHashMap<>();
    for (String f : topics.ingestFilters()) {
      filters.put(f, MqttQoS.AT_LEAST_ONCE.value());
    }
    client.subscribe(filters)
        .onSuccess(id -> LOG.info("mqtt ingest: subscribed to {}", filters.keySet()))
        .onFailure(e -> LOG.error("mqtt ingest: subscribe failed: {}", e.getMessage()));
  }

  private void onMessage(MqttPublishMessage message) {
    if (message.qosLevel() == MqttQoS.AT_MOST_ONCE && queue.size() >= 10 * batchMax) {
      count("overflow", "queue-full");
      return;
    }
    queue.add(new Pending(message, read(message)));
    drain();
  }

  /** The observation a message carries, or null after counting why there is none. */
  private NewObservation read(MqttPublishMessage message) {
    JsonObject body;
    try {
      body = message.payload().toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return bad(message, "json", "the payload is not a JSON object");
    }
    if (body.containsKey("@iot.selfLink")) {
      // Our own notification (see MqttPublisher), also on FeaturesOfInterest(<id>)/Observations: a client's
      // create request never carries a selfLink.
      count("own", "notification");
      return null;
    }
    long datastream = topics.datastreamOf(message.topicName());
    if (datastream < 0) {
      return bad(message, "topic", "Observations are created on v1.1/Datastreams(<id>)/Observations");
    }
    try {
      return ObservationJson.parse(body, datastream == 0 ? null : datastream);
    } catch (ApiException e) {
      return bad(message, "invalid", e.getMessage());
    }
  }

  private NewObservation bad(MqttPublishMessage message, String reason, String why) {
    count("bad", reason);
    logRarely("mqtt ingest: bad message on {}: {}", message.topicName(), why);
    return null;
  }

  /** Writes the next batch unless one is being written; acknowledges in arrival order. */
  private void drain() {
    while (!writing && !closed && !queue.isEmpty()) {
      List<Pending> batch = new ArrayList<>();
      List<NewObservation> observations = new ArrayList<>();
      while (!queue.isEmpty() && observations.size() < batchMax) {
        Pending p = queue.poll();
        batch.add(p);
        if (p.observation() != null) {
          observations.add(p.observation());
        }
      }
      if (observations.isEmpty()) {
        batch.forEach(p -> ack(p.message()));
        continue;
      }
      writing = true;
      store.apply(observations).onComplete(ar -> {
        writing = false;
        if (ar.succeeded()) {
          retries = 0;
          settle(batch, ar.result());
          drain();
        } else if (ar.cause() instanceof ApiException api && api.httpStatus() < 500) {
          // The batch itself is refused (e.g. too large): it never will be accepted, so do not redeliver.
          for (Pending p : batch) {
            if (p.observation() != null) {
              count("rejected", "batch");
            }
            ack(p.message());
          }
          logRarely("mqtt ingest: batch refused: {}{}", api.getMessage(), "");
          drain();
        } else {
          retry(batch, ar.cause());
        }
      });
    }
  }

  private void settle(List<Pending> batch, List<InsertResult> results) {
    int i = 0;
    for (Pending p : batch) {
      if (p.observation() != null) {
        InsertResult r = results.get(i++);
        if (r instanceof InsertResult.Created) {
          count("created", "");
        } else if (r instanceof InsertResult.Duplicate) {
          count("duplicate", "");
        } else if (r instanceof InsertResult.Rejected rej) {
          count("rejected", rej.code());
          logRarely("mqtt ingest: observation on {} rejected: {}", p.message().topicName(), rej.message());
        }
      }
      ack(p.message());
    }
  }

  /** The database failed: keep the messages unacknowledged and at the head of the queue, try again later. */
  private void retry(List<Pending> batch, Throwable cause) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      queue.addFirst(batch.get(i));
    }
    long delay = Math.min(30_000L, 250L << Math.min(retries++, 7));
    LOG.warn("mqtt ingest: storing {} observations failed ({}); retrying in {} ms", batch.size(),
        cause.getMessage(), delay);
    writing = true;
    vertx.setTimer(delay, id -> {
      writing = false;
      drain();
    });
  }

  private static void ack(MqttPublishMessage message) {
    if (message.qosLevel() != MqttQoS.AT_LEAST_ONCE) {
      return;
    }
    try {
      message.ack();
    } catch (RuntimeException e) {
      // The connection it came on is gone: the broker redelivers it on the next session; the store deduplicates.
      LOG.debug("mqtt ingest: ack after disconnect: {}", e.getMessage());
    }
  }

  private void count(String outcome, String reason) {
    counters.computeIfAbsent(outcome + "/" + reason, k -> Counter.builder("citytwin.sensors.mqtt.messages")
        .description("MQTT messages received for ingest, by outcome").tag("outcome", outcome).tag("reason", reason)
        .register(registry)).increment();
  }

  private void logRarely(String format, Object a, Object b) {
    long now = System.currentTimeMillis();
    if (now - lastLog >= 1000) {
      lastLog = now;
      LOG.warn(format, a, b);
    } else {
      LOG.debug(format, a, b);
    }
  }

  @Override
  public void close() {
    // Unacknowledged messages stay with the broker for the next session.
    closed = true;
    link.close();
  }
}
