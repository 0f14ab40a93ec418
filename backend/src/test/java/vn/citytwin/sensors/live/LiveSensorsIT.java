package vn.citytwin.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The live side of the sensors against the real PostGIS and the real Mosquitto on 127.0.0.1:1883: MQTT in (stored
 * once, acknowledged), MQTT out (notifications, never re-ingested), bad payloads, WebSocket and SSE delivery by
 * filter, alerts, series against an independent SQL computation, and the sensor_latest layer. Each run uses its
 * own topic prefix and client ids, so runs sharing the broker do not see each other.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LiveSensorsIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Vertx clientVertx;
  static MqttClient pub;
  static MqttClient sub;
  static final BlockingQueue<String[]> notifications = new LinkedBlockingQueue<>();
  static String prefix;
  static String clientId;
  static long t1;
  static long t2;
  /** ds0 probe (T2), ds1 PM2.5 (T1), ds2 water level (T2), ds3 PM2.5 for alerts (T1), ds4 noise (T2, stale),
   *  ds5 temperature (T1, series). */
  static long[] ds = new long[6];
  static final double[] T1_LONLAT = {107.080, 10.350};
  static final double[] T2_LONLAT = {107.120, 10.400};

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("live");
    String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    prefix = "ct-test-" + run + "/";
    Map<String, String> cfg = new HashMap<>();
    cfg.put("sensors.mqtt.enabled", "true");
    cfg.put("sensors.mqtt.topic.prefix", prefix);
    clientId = "ct-it-" + run;
    cfg.put("sensors.mqtt.client.id", clientId);
    cfg.put("sensors.alerts.rules", "PM2.5:>=50.5,>=80.5; Water level:>=1.82,>=2.5");
    cfg.put("sensors.alerts.stale.minutes", "15");
    cfg.put("sensors.alerts.stale.check.s", "1");
    server = TestServer.start(db.jdbcUrl(), cfg);
    http = new Http(server.port());
    try (Connection c = db.connect()) {
      t1 = thing(c, "Trạm Bãi Trước", T1_LONLAT);
      t2 = thing(c, "Trạm Rạch Bà", T2_LONLAT);
      ds[0] = datastream(c, t2, "probe", "1");
      ds[1] = datastream(c, t1, "PM2.5", "ug/m3");
      ds[2] = datastream(c, t2, "Water level", "m");
      ds[3] = datastream(c, t1, "PM2.5", "ug/m3");
      ds[4] = datastream(c, t2, "Noise level", "dB(A)");
      ds[5] = datastream(c, t1, "Air temperature", "Cel");
    }
    clientVertx = Vertx.vertx();
    pub = MqttClient.create(clientVertx, new MqttClientOptions().setClientId("ct-pub-" + run));
    pub.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
    sub = MqttClient.create(clientVertx, new MqttClientOptions().setClientId("ct-sub-" + run));
    sub.publishHandler(m -> notifications.add(new String[] {m.topicName(), m.payload().toString()}));
    sub.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
    sub.subscribe(Map.of(prefix + "v1.1/Datastreams(" + ds[0] + ")/Observations", 1,
        prefix + "v1.1/Datastreams(" + ds[1] + ")/Observations", 1,
        prefix + "v1.1/Things(" + t1 + ")/Datastreams(" + ds[1] + ")/Observations", 1))
        .await(10, TimeUnit.SECONDS);
    // The server connects in the background: probe until an observation goes in and its notification comes out.
    Instant probe = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long nextProbe = 0;
    for (int i = 0; ; ) {
      if (System.nanoTime() >= nextProbe) {
        publish(ds[0], new JsonObject().put("phenomenonTime", probe.plusSeconds(i).toString()).put("result", i++));
        nextProbe = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      }
      String[] n = notifications.poll(100, TimeUnit.MILLISECONDS);
      if (n != null && n[1].contains("@iot.selfLink")) {
        break;
      }
      assertThat(System.nanoTime()).as("server subscribed and publishing within 30 s").isLessThan(deadline);
    }
    Thread.sleep(300);
    notifications.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
      server = null;
    }
    if (clientVertx != null) {
      // Remove the server's persistent session from the shared broker.
      MqttClient c = MqttClient.create(clientVertx, new MqttClientOptions().setClientId(clientId)
          .setCleanSession(true));
      c.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
      c.disconnect().await(10, TimeUnit.SECONDS);
      clientVertx.close().await(10, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void anMqttObservationIsStoredOnceAndPublishedOnTheStaTopicsWithoutBeingReingested() throws Exception {
    String time = "2026-03-01T08:00:00Z";
    JsonObject obs = new JsonObject().put("phenomenonTime", time).put("result", 21.5);
    publish(ds[1], obs);
    publish(ds[1], obs); // a redelivery or a client retry: stored once
    await().atMost(Duration.ofSeconds(10)).until(() -> count(ds[1], time) == 1);
    long id = scalar("SELECT id FROM sensor.observation WHERE datastream_id = " + ds[1]
        + " AND phenomenon_time_start = '" + time + "'");

    Map<String, JsonObject> byTopic = new HashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (byTopic.size() < 2 && System.nanoTime() < deadline) {
      String[] n = notifications.poll(200, TimeUnit.MILLISECONDS);
      if (n != null && new JsonObject(n[1]).getString("phenomenonTime").equals(time)) {
        byTopic.put(n[0], new JsonObject(n[1]));
      }
    }
    JsonObject viaDatastream = byTopic.get(prefix + "v1.1/Datastreams(" + ds[1] + ")/Observations");
    JsonObject viaThing = byTopic.get(prefix + "v1.1/Things(" + t1 + ")/Datastreams(" + ds[1] + ")/Observations");
    assertThat(viaDatastream).as("notification on Datastreams(id)/Observations").isNotNull();
    assertThat(viaThing).as("notification on Things(id)/Datastreams(id)/Observations").isNotNull();
    for (JsonObject n : List.of(viaDatastream, viaThing)) {
      assertThat(n.getLong("@iot.id")).isEqualTo(id);
      assertThat(n.getDouble("result")).isEqualTo(21.5);
      assertThat(n.getString("phenomenonTime")).isEqualTo(time);
      assertThat(n.getString("@iot.selfLink")).endsWith("/sta/v1.1/Observations(" + id + ")");
    }
    // STA's other create topic: v1.1/Observations with the Datastream in the body.
    String viaCollection = "2026-03-01T08:05:00Z";
    pub.publish(prefix + "v1.1/Observations", Buffer.buffer(new JsonObject().put("Datastream",
        new JsonObject().put("@iot.id", ds[1])).put("phenomenonTime", viaCollection).put("result", 22.0).encode()),
        MqttQoS.AT_LEAST_ONCE, false, false).await(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> count(ds[1], viaCollection) == 1);
    // The notification came back on the server's own ingest subscription: still one row, no second notification.
    Thread.sleep(1000);
    assertThat(count(ds[1], time)).isEqualTo(1);
    assertThat(notifications.stream().filter(n -> n[1].contains(time)).toList()).isEmpty();
  }

  @Test
  void anObservationPostedOverHttpIsPublishedOnMqtt() throws Exception {
    String time = "2026-03-04T06:30:00Z";
    HttpResponse<byte[]> created = http.send("POST", "/sta/v1.1/Observations", "application/json",
        new JsonObject().put("Datastream", new JsonObject().put("@iot.id", ds[1])).put("phenomenonTime", time)
            .put("result", 7.5).encode());
    assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(201);
    long id = scalar("SELECT id FROM sensor.observation WHERE datastream_id = " + ds[1]
        + " AND phenomenon_time_start = '" + time + "'");
    JsonObject notification = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (notification == null && System.nanoTime() < deadline) {
      String[] n = notifications.poll(200, TimeUnit.MILLISECONDS);
      if (n != null && n[0].equals(prefix + "v1.1/Datastreams(" + ds[1] + ")/Observations")
          && time.equals(new JsonObject(n[1]).getString("phenomenonTime"))) {
        notification = new JsonObject(n[1]);
      }
    }
    assertThat(notification).as("the MQTT subscriber hears of the HTTP observation").isNotNull();
    assertThat(notification.getLong("@iot.id")).isEqualTo(id);
    assertThat(notification.getDouble("result")).isEqualTo(7.5);
    Thread.sleep(500);
    assertThat(count(ds[1], time)).as("not re-ingested from the notification").isEqualTo(1);
  }

  @Test
  void badMqttPayloadsWriteNothingAndAreCountedWhileGoodOnesStillArrive() throws Exception {
    long before = scalar("SELECT count(*) FROM sensor.observation WHERE datastream_id <> " + ds[0]);
    String good = "2026-03-02T09:00:00Z";
    pub.publish(prefix + "v1.1/Datastreams(" + ds[2] + ")/Observations", Buffer.buffer("{not json"),
        MqttQoS.AT_LEAST_ONCE, false, false).await(10, TimeUnit.SECONDS);
    publish(ds[2], new JsonObject().put("phenomenonTime", "2026-03-02T08:00:00Z").put("result", 1).put("bogus", 2));
    publish(ds[2], new JsonObject().put("phenomenonTime", "yesterday").put("result", 1));
    publish(ds[2], new JsonObject().put("phenomenonTime", "2999-01-01T00:00:00Z").put("result", 1));
    publish(ds[2], new JsonObject().put("phenomenonTime", "2026-03-02T08:30:00Z").put("result", "high"));
    publish(987654321L, new JsonObject().put("phenomenonTime", "2026-03-02T08:40:00Z").put("result", 1));
    pub.publish(prefix + "v1.1/Things(" + t2 + ")/Observations",
        Buffer.buffer(new JsonObject().put("result", 1).encode()), MqttQoS.AT_LEAST_ONCE, false, false)
        .await(10, TimeUnit.SECONDS);
    publish(ds[2], new JsonObject().put("phenomenonTime", good).put("result", 1.25));

    await().atMost(Duration.ofSeconds(10)).until(() -> count(ds[2], good) == 1);
    Thread.sleep(500);
    assertThat(scalar("SELECT count(*) FROM sensor.observation WHERE datastream_id <> " + ds[0]))
        .as("only the good observation was written").isEqualTo(before + 1);
    assertThat(scalar("SELECT count(*) FROM sensor.observation WHERE datastream_id = " + ds[2]
        + " AND phenomenon_time_start = '" + good + "' AND result_number = 1.25")).isEqualTo(1);
    String metrics = http.getText("/metrics");
    assertThat(metrics).contains("citytwin_sensors_mqtt_messages_total{outcome=\"bad\",reason=\"json\"}")
        .contains("citytwin_sensors_mqtt_messages_total{outcome=\"bad\",reason=\"invalid\"}")
        .contains("citytwin_sensors_mqtt_messages_total{outcome=\"bad\",reason=\"topic\"}")
        .contains("outcome=\"rejected\"")
        // our own notifications (also on FeaturesOfInterest(id)/Observations) are skipped, not counted as bad
        .contains("citytwin_sensors_mqtt_messages_total{outcome=\"bad\",reason=\"topic\"} 1.0")
        .contains("outcome=\"own\"");
  }

  @Test
  void theWebSocketAndSseDeliverOnlyWhatTheirFiltersAsk() throws Exception {
    BlockingQueue<JsonObject> wsMessages = new LinkedBlockingQueue<>();
    WebSocket ws = webSocket(wsMessages);
    // A bad subscription is answered with an error naming the member, and nothing else changes.
    ws.sendText("{\"type\":\"subscribe\",\"bbox\":[107.2,10.3,107.0,10.4]}", true).get(5, TimeUnit.SECONDS);
    JsonObject error = wsMessages.poll(5, TimeUnit.SECONDS);
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getString("locator")).isEqualTo("bbox");
    ws.sendText(new JsonObject().put("type", "subscribe").put("bbox", new io.vertx.core.json.JsonArray()
        .add(107.07).add(10.34).add(107.09).add(10.36)).put("types", new io.vertx.core.json.JsonArray()
        .add("observation")).encode(), true).get(5, TimeUnit.SECONDS);
    assertThat(wsMessages.poll(5, TimeUnit.SECONDS).getString("type")).isEqualTo("subscribed");

    HttpResponse<byte[]> bad = http.get("/live/sse?bbox=1,2,3");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).getString("locator")).isEqualTo("bbox");
    BlockingQueue<JsonObject> sseEvents = new LinkedBlockingQueue<>();
    var sse = sse("/live/sse?types=observation&datastreams=" + ds[2], sseEvents);

    publish(ds[1], new JsonObject().put("phenomenonTime", "2026-03-03T10:00:00Z").put("result", 30.0));
    publish(ds[2], new JsonObject().put("phenomenonTime", "2026-03-03T10:00:00Z").put("result", 1.1));

    JsonObject inBox = wsMessages.poll(10, TimeUnit.SECONDS);
    assertThat(inBox).as("the observation inside the bbox reaches the WebSocket").isNotNull();
    assertThat(inBox.getString("type")).isEqualTo("observation");
    assertThat(inBox.getLong("datastream")).isEqualTo(ds[1]);
    assertThat(inBox.getDouble("result")).isEqualTo(30.0);
    assertThat(inBox.getString("observedProperty")).isEqualTo("PM2.5");
    assertThat(inBox.getDouble("lon")).isEqualTo(T1_LONLAT[0]);
    JsonObject viaSse = sseEvents.poll(10, TimeUnit.SECONDS);
    assertThat(viaSse).as("the SSE client subscribed to ds2 gets it").isNotNull();
    assertThat(viaSse.getLong("datastream")).isEqualTo(ds[2]);
    assertThat(viaSse.getDouble("result")).isEqualTo(1.1);
    Thread.sleep(1000);
    assertThat(wsMessages).as("nothing outside the bbox").isEmpty();
    assertThat(sseEvents).as("nothing of other datastreams").isEmpty();
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    sse.interrupt();
  }

  @Test
  void alertsAreRaisedAcknowledgedAndClearedAndReachTheLiveChannel() throws Exception {
    BlockingQueue<JsonObject> wsMessages = new LinkedBlockingQueue<>();
    WebSocket ws = webSocket(wsMessages);
    ws.sendText("{\"type\":\"subscribe\",\"types\":[\"alert\"],\"datastreams\":[" + ds[3] + "]}", true)
        .get(5, TimeUnit.SECONDS);
    assertThat(wsMessages.poll(5, TimeUnit.SECONDS).getString("type")).isEqualTo("subscribed");

    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    publish(ds[3], new JsonObject().put("phenomenonTime", t.minusSeconds(60).toString()).put("result", 20.0));
    publish(ds[3], new JsonObject().put("phenomenonTime", t.toString()).put("result", 95.0));
    JsonObject raised = wsMessages.poll(10, TimeUnit.SECONDS);
    assertThat(raised).as("alarm on the live channel").isNotNull();
    assertThat(raised.getString("type")).isEqualTo("alert");
    assertThat(raised.getString("event")).isEqualTo("raised");
    assertThat(raised.getString("level")).isEqualTo("alarm");
    assertThat(raised.getDouble("value")).isEqualTo(95.0);
    assertThat(raised.getDouble("threshold")).isEqualTo(80.5);
    long id = raised.getLong("id");

    JsonObject list = http.getJson("/api/alerts?open=true&datastream=" + ds[3]);
    assertThat(list.getJsonArray("alerts")).hasSize(1);
    assertThat(list.getJsonArray("alerts").getJsonObject(0).getLong("id")).isEqualTo(id);
    assertThat(http.get("/api/alerts?level=severe").statusCode()).isEqualTo(400);

    HttpResponse<byte[]> ack = http.send("POST", "/api/alerts/" + id + "/ack", "application/json",
        "{\"by\":\"operator 1\",\"note\":\"checking the junction\"}");
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(Http.json(ack).getString("acknowledgedBy")).isEqualTo("operator 1");
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT acknowledged_at IS NOT NULL, acknowledged_by, ack_note "
            + "FROM sensor.alerts WHERE id = " + id)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getString(2)).isEqualTo("operator 1");
      assertThat(rs.getString(3)).isEqualTo("checking the junction");
    }
    JsonObject acked = wsMessages.poll(10, TimeUnit.SECONDS);
    assertThat(acked.getString("event")).isEqualTo("acknowledged");
    assertThat(http.send("POST", "/api/alerts/987654321/ack", null, null).statusCode()).isEqualTo(404);
    assertThat(http.send("POST", "/api/alerts/" + id + "/ack", "application/json", "{\"by\":5}").statusCode())
        .isEqualTo(400);

    publish(ds[3], new JsonObject().put("phenomenonTime", t.plusSeconds(60).toString()).put("result", 12.0));
    JsonObject cleared = wsMessages.poll(10, TimeUnit.SECONDS);
    assertThat(cleared.getString("event")).isEqualTo("cleared");
    assertThat(cleared.getLong("id")).isEqualTo(id);
    assertThat(scalar("SELECT count(*) FROM sensor.alerts WHERE id = " + id + " AND cleared_at IS NOT NULL"))
        .isEqualTo(1);
    assertThat(scalar("SELECT count(*) FROM sensor.alerts WHERE datastream_id = " + ds[3])).isEqualTo(1);

    // A datastream whose last reading is 30 minutes old becomes stale (checked every second here).
    publish(ds[4], new JsonObject().put("phenomenonTime", Instant.now().minusSeconds(1800).toString())
        .put("result", 55.0));
    await().atMost(Duration.ofSeconds(15)).until(() -> scalar("SELECT count(*) FROM sensor.alerts WHERE "
        + "datastream_id = " + ds[4] + " AND level = 'stale' AND cleared_at IS NULL") == 1);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  @Test
  void theSeriesEqualsAnIndependentSqlAggregation() throws Exception {
    Instant from = Instant.parse("2026-02-10T00:00:00Z");
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO sensor.observation (datastream_id, phenomenon_time_start, result_number) VALUES (?, ?, ?)")) {
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < 2000; i++) {
        ps.setLong(1, ds[5]);
        ps.setTimestamp(2, java.sql.Timestamp.from(from.plusMillis((long) (random.nextDouble() * 4 * 3600_000))));
        ps.setDouble(3, 24 + 8 * random.nextDouble());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Instant to = from.plus(Duration.ofHours(3));
    JsonObject series = http.getJson("/api/sensors/" + ds[5] + "/series?from=" + from + "&to=" + to
        + "&step=5m&agg=avg,min,max,count,sum");
    var buckets = series.getJsonArray("buckets");
    // Independent: bucket number by epoch arithmetic, not date_bin.
    List<double[]> expected = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT floor(extract(epoch FROM phenomenon_time_start - '" + from + "'::timestamptz) / 300) AS k, "
            + "avg(result_number), min(result_number), max(result_number), count(*), sum(result_number) "
            + "FROM sensor.observation WHERE datastream_id = " + ds[5] + " AND phenomenon_time_start >= '" + from
            + "' AND phenomenon_time_start < '" + to + "' GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        expected.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
            rs.getDouble(5), rs.getDouble(6)});
      }
    }
    assertThat(expected).hasSize(36);
    assertThat(buckets).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      double[] e = expected.get(i);
      JsonObject b = buckets.getJsonObject(i);
      assertThat(Instant.parse(b.getString("time"))).isEqualTo(from.plusSeconds((long) e[0] * 300));
      assertThat(b.getDouble("avg")).isCloseTo(e[1], org.assertj.core.data.Offset.offset(1e-9));
      assertThat(b.getDouble("min")).isEqualTo(e[2]);
      assertThat(b.getDouble("max")).isEqualTo(e[3]);
      assertThat(b.getLong("count")).isEqualTo((long) e[4]);
      assertThat(b.getDouble("sum")).isCloseTo(e[5], org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(series.getString("unit")).isEqualTo("Cel");
    String csv = http.getText("/api/sensors/" + ds[5] + "/series?from=" + from + "&to=" + to
        + "&step=1h&agg=count&f=csv");
    assertThat(csv.lines().toList()).hasSize(4).first().isEqualTo("time,count");

    assertError("/api/sensors/" + ds[5] + "/series?step=5x", 400, "step");
    assertError("/api/sensors/" + ds[5] + "/series?step=P1M", 400, "step");
    assertError("/api/sensors/" + ds[5] + "/series?agg=median", 400, "agg");
    assertError("/api/sensors/" + ds[5] + "/series?from=" + to + "&to=" + from, 400, "from");
    assertError("/api/sensors/" + ds[5] + "/series?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=1m",
        400, "step");
    assertError("/api/sensors/" + ds[5] + "/series?from=yesterday", 400, "from");
    assertError("/api/sensors/987654321/series", 404, "datastream");
  }

  @Test
  void theSensorLatestLayerMovesWithReadingsAndStaticLayersKeepTheirVersions() throws Exception {
    long buildings = scalar("SELECT data_version FROM citytwin.catalog WHERE layer_id = 'buildings'");
    long latest = scalar("SELECT data_version FROM citytwin.catalog WHERE layer_id = 'sensor_latest'");
    publish(ds[2], new JsonObject().put("phenomenonTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .put("result", 3.0));
    await().atMost(Duration.ofSeconds(10)).until(() ->
        scalar("SELECT data_version FROM citytwin.catalog WHERE layer_id = 'sensor_latest'") > latest);
    assertThat(scalar("SELECT data_version FROM citytwin.catalog WHERE layer_id = 'buildings'"))
        .isEqualTo(buildings);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject items = http.getJson("/ogc/collections/sensor_latest/items?f=json&limit=100");
      JsonObject water = null;
      for (Object f : items.getJsonArray("features")) {
        JsonObject p = ((JsonObject) f).getJsonObject("properties");
        if (p.getLong("datastream_id") == ds[2]) {
          water = (JsonObject) f;
        }
      }
      assertThat(water).isNotNull();
      assertThat(water.getJsonObject("properties").getDouble("value")).isEqualTo(3.0);
      assertThat(water.getJsonObject("properties").getString("status")).isEqualTo("alarm");
      assertThat(water.getJsonObject("geometry").getJsonArray("coordinates").getDouble(0)).isEqualTo(T2_LONLAT[0]);
    });
    // MVT: the tile holding station 2 carries the point with its status.
    int z = 14;
    int x = (int) Math.floor((T2_LONLAT[0] + 180) / 360 * (1 << z));
    double latRad = Math.toRadians(T2_LONLAT[1]);
    int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * (1 << z));
    HttpResponse<byte[]> tile = http.get("/tiles/sensor_latest/" + z + "/" + x + "/" + y + ".mvt");
    assertThat(tile.statusCode()).isEqualTo(200);
    var layer = com.wdtinc.mapbox_vector_tile.adapt.jts.MvtReader.loadMvt(
        new java.io.ByteArrayInputStream(tile.body()), new org.locationtech.jts.geom.GeometryFactory(),
        new com.wdtinc.mapbox_vector_tile.adapt.jts.TagKeyValueMapConverter(false, "id"),
        com.wdtinc.mapbox_vector_tile.adapt.jts.MvtReader.RING_CLASSIFIER_V1).getLayer("sensor_latest");
    assertThat(layer).isNotNull();
    assertThat(layer.getGeometries().stream().map(g -> (Map<?, ?>) g.getUserData())
        .filter(p -> "alarm".equals(p.get("status")) && "Water level".equals(p.get("observed_property"))))
        .isNotEmpty();
    // WMS: the alarm is drawn red at the station.
    double d = 0.002;
    HttpResponse<byte[]> map = http.get("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&SRS=EPSG:4326&BBOX="
        + (T2_LONLAT[0] - d) + "," + (T2_LONLAT[1] - d) + "," + (T2_LONLAT[0] + d) + "," + (T2_LONLAT[1] + d)
        + "&WIDTH=51&HEIGHT=51&FORMAT=image/png&LAYERS=sensor_latest&STYLES=&CQL_FILTER=datastream_id%3D" + ds[2]);
    assertThat(map.statusCode()).isEqualTo(200);
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(map.body()));
    int rgb = image.getRGB(25, 25);
    assertThat((rgb >> 16) & 0xff).as("red").isGreaterThan(180);
    assertThat((rgb >> 8) & 0xff).as("green").isLessThan(80);
  }

  /** Last: it feeds every datastream with readings of now, which would make the other tests' readings old. */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void theSimulatorFeedsEveryDatastreamOverMqtt() throws Exception {
    java.nio.file.Path props = java.nio.file.Files.createTempFile("citytwin-sim", ".properties");
    java.nio.file.Files.writeString(props, "db.url=" + db.jdbcUrl() + "\nsensors.mqtt.topic.prefix=" + prefix + "\n");
    Instant start = Instant.now().minusSeconds(1);
    int code = new picocli.CommandLine(new vn.citytwin.sensors.sim.SimulateSensorsCommand()).execute(
        "--config", props.toString(), "--mqtt", "--rate", "2", "--duration", "3s");
    java.nio.file.Files.delete(props);
    assertThat(code).isZero();
    for (long d : ds) {
      await().atMost(Duration.ofSeconds(10)).until(() -> scalar("SELECT count(*) FROM sensor.observation "
          + "WHERE datastream_id = " + d + " AND phenomenon_time_start >= '" + start + "'") >= 5);
    }
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT min(result_number), max(result_number) FROM sensor.observation WHERE datastream_id = " + ds[5]
            + " AND phenomenon_time_start >= '" + start + "'")) {
      rs.next();
      assertThat(rs.getDouble(1)).as("air temperature, °C").isBetween(23.0, 34.0);
      assertThat(rs.getDouble(2)).isBetween(23.0, 34.0);
    }
  }

  // --- helpers -------------------------------------------------------------------------------------------

  static void publish(long datastream, JsonObject body) throws Exception {
    pub.publish(prefix + "v1.1/Datastreams(" + datastream + ")/Observations", Buffer.buffer(body.encode()),
        MqttQoS.AT_LEAST_ONCE, false, false).await(10, TimeUnit.SECONDS);
  }

  static long count(long datastream, String time) throws SQLException {
    return scalar("SELECT count(*) FROM sensor.observation WHERE datastream_id = " + datastream
        + " AND phenomenon_time_start = '" + time + "'");
  }

  static long scalar(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void assertError(String path, int status, String locator) {
    HttpResponse<byte[]> r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    assertThat(Http.json(r).getString("locator")).as(path).isEqualTo(locator);
  }

  static long thing(Connection c, String name, double[] lonLat) throws SQLException {
    long thing = insert(c, "INSERT INTO sensor.thing (name, properties) VALUES (?, '{\"stationCode\":\"T\"}') "
        + "RETURNING id", name);
    long location = insert(c, "INSERT INTO sensor.location (name, location) VALUES (?, ST_SetSRID(ST_MakePoint("
        + lonLat[0] + ", " + lonLat[1] + "), 4326)) RETURNING id", name);
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO sensor.thing_location VALUES (" + thing + ", " + location + ")");
    }
    return thing;
  }

  static long datastream(Connection c, long thing, String property, String unit) throws SQLException {
    long sensor = insert(c, "INSERT INTO sensor.sensor (name) VALUES (?) RETURNING id", property + " sensor");
    long op = insert(c, "INSERT INTO sensor.observed_property (name) VALUES (?) RETURNING id", property);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensor.datastream (name, observation_type, "
        + "unit_of_measurement, thing_id, sensor_id, observed_property_id) VALUES (?, "
        + "'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', ?::jsonb, ?, ?, ?) RETURNING id")) {
      ps.setString(1, property + " " + thing);
      ps.setString(2, new JsonObject().put("name", unit).put("symbol", unit).encode());
      ps.setLong(3, thing);
      ps.setLong(4, sensor);
      ps.setLong(5, op);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long insert(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  WebSocket webSocket(BlockingQueue<JsonObject> into) throws Exception {
    return HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/live"), new WebSocket.Listener() {
          final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              into.add(new JsonObject(text.toString()));
              text.setLength(0);
            }
            webSocket.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
  }

  Thread sse(String path, BlockingQueue<JsonObject> into) throws Exception {
    HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    Thread reader = new Thread(() -> {
      try (Stream<String> lines = response.body()) {
        lines.filter(l -> l.startsWith("data: ")).forEach(l -> into.add(new JsonObject(l.substring(6))));
      } catch (RuntimeException e) {
        // closed at the end of the test
      }
    });
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
