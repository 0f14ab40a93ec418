package vn.citytwin.sensors.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.sensors.ingest.MqttLink;
import vn.citytwin.sensors.ingest.StaTopics;

/**
 * Publishes every committed observation (from the event bus, so whichever way it arrived — HTTP, MQTT, a batch)
 * to the SensorThings notification topics ({@link StaTopics#notifyTopics}) as the Observation entity
 * ({@code @iot.id}, {@code @iot.selfLink}, phenomenonTime, resultTime, result, navigation links), not retained,
 * at QoS {@code sensors.mqtt.publish.qos} (0 by default: see below). Notifications are best effort: while the broker is away they are dropped and counted
 * ({@code citytwin.sensors.mqtt.published{outcome="dropped"}}); the database stays the record.
 *
 * <p>Why the server does not ingest its own publications: the Vert.x MQTT client speaks MQTT 3.1.1, which has no
 * no-local subscription option (MQTT 5), and STA fixes the same topics for create and notify, so our
 * notifications do reach our ingest subscription. They go out on a connection of their own ({@code <id>-pub})
 * and always carry {@code @iot.selfLink}, which a create request never does; ingest acknowledges and skips
 * such messages, and even if one slipped through, the idempotent store would find it a duplicate. Because every
 * notification does travel back to the ingest session, they go out at QoS 0 by default: at QoS 1 each echo would
 * hold a slot of that session's in-flight window and queue (Mosquitto: {@code max_inflight_messages},
 * {@code max_queued_messages}), and a busy broker would start dropping real observations sooner.
 */
public final class MqttPublisher implements AutoCloseable {
  private final Vertx vertx;
  private final StaTopics topics;
  private final String staBase;
  private final MqttLink link;
  private final Counter published;
  private final Counter dropped;
  private final MqttQoS qos;
  private volatile MessageConsumer<JsonObject> consumer;

  /** @param publicUrl the server's base URL (self links point at {@code <publicUrl>/sta/v1.1}) */
  public MqttPublisher(Vertx vertx, SensorsLiveSettings.Mqtt settings, String publicUrl, MeterRegistry registry) {
    this.vertx = vertx;
    this.topics = new StaTopics(settings.topicPrefix());
    this.staBase = publicUrl + "/sta/v1.1";
    this.qos = MqttQoS.valueOf(settings.publishQos());
    this.link = new MqttLink(vertx, settings, settings.clientId() + "-pub", true, true, c -> { }, c -> { },
        "publish");
    published = Counter.builder("citytwin.sensors.mqtt.published").tag("outcome", "sent")
        .description("MQTT notifications of new observations").register(registry);
    dropped = Counter.builder("citytwin.sensors.mqtt.published").tag("outcome", "dropped")
        .description("MQTT notifications of new observations").register(registry);
  }

  public MqttPublisher start() {
    link.start();
    link.context().runOnContext(v ->
        consumer = vertx.eventBus().consumer(SensorBus.OBSERVATIONS, m -> publish(m.body())));
    return this;
  }

  private void publish(JsonObject batch) {
    JsonArray list = batch.getJsonArray("observations");
    MqttClient client = link.client();
    for (int i = 0; list != null && i < list.size(); i++) {
      JsonObject e = list.getJsonObject(i);
      long ds = e.getLong("datastream");
      long thing = e.getLong("thing", 0L);
      long feature = e.getLong("featureOfInterest", 0L);
      Buffer payload = Buffer.buffer(entity(e).encode());
      for (String topic : topics.notifyTopics(ds, thing, feature)) {
        if (client == null) {
          dropped.increment();
          continue;
        }
        client.publish(topic, payload, qos, false, false)
            .onSuccess(id -> published.increment())
            .onFailure(err -> dropped.increment());
      }
    }
  }

  /** The Observation as {@code GET /sta/v1.1/Observations(id)} shows it. */
  JsonObject entity(JsonObject e) {
    long id = e.getLong("@iot.id");
    String self = staBase + "/Observations(" + id + ")";
    return new JsonObject()
        .put("@iot.id", id)
        .put("@iot.selfLink", self)
        .put("phenomenonTime", e.getString("phenomenonTime"))
        .put("resultTime", e.getString("resultTime"))
        .put("result", e.getValue("result"))
        .put("Datastream@iot.navigationLink", self + "/Datastream")
        .put("FeatureOfInterest@iot.navigationLink", self + "/FeatureOfInterest");
  }

  @Override
  public void close() {
    MessageConsumer<JsonObject> c = consumer;
    if (c != null) {
      c.unregister();
    }
    link.close();
  }
}
