package vn.citytwin.sensors.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.TcpProxy;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The broker goes away (a cut TCP proxy between the server and the real Mosquitto) and comes back: the server
 * reconnects with backoff, resumes its persistent session — so an observation published while it was away is
 * delivered and stored — and keeps ingesting.
 */
class MqttReconnectIT {
  @Test
  void afterTheBrokerComesBackTheServerResumesItsSessionAndIngests() throws Exception {
    String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    String prefix = "ct-reconnect-" + run + "/";
    String clientId = "ct-rc-" + run;
    Vertx vertx = Vertx.vertx();
    try (TestDatabase db = TestDatabase.create("reconnect"); TcpProxy proxy = new TcpProxy("127.0.0.1", 1883)) {
      CityTwinServer server = TestServer.start(db.jdbcUrl(), Map.of("sensors.mqtt.enabled", "true",
          "sensors.mqtt.port", Integer.toString(proxy.port()), "sensors.mqtt.topic.prefix", prefix,
          "sensors.mqtt.client.id", clientId, "sensors.mqtt.reconnect.min.ms", "100",
          "sensors.mqtt.reconnect.max.ms", "1000", "sensors.mqtt.keep.alive.s", "5"));
      try {
        long ds;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
          s.execute("INSERT INTO sensor.thing (id, name) VALUES (1, 't')");
          s.execute("INSERT INTO sensor.sensor (id, name) VALUES (1, 's')");
          s.execute("INSERT INTO sensor.observed_property (id, name) VALUES (1, 'Water level')");
          ds = scalar(c, "INSERT INTO sensor.datastream (name, observation_type, thing_id, sensor_id, "
              + "observed_property_id) VALUES ('d', "
              + "'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', 1, 1, 1) RETURNING id");
        }
        MqttClient pub = MqttClient.create(vertx, new MqttClientOptions().setClientId("ct-rc-pub-" + run));
        pub.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
        String topic = prefix + "v1.1/Datastreams(" + ds + ")/Observations";
        Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
          publish(pub, topic, t0, 1.0);
          return count(db, ds) > 0;
        });

        proxy.cut();
        Thread.sleep(500);
        // Published while the server is away: the broker keeps it for the server's session.
        publish(pub, topic, t0.plusSeconds(60), 2.0);
        Thread.sleep(2000);
        assertThat(count(db, ds, t0.plusSeconds(60))).as("not stored while away").isZero();
        proxy.restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> count(db, ds, t0.plusSeconds(60)) == 1);
        publish(pub, topic, t0.plusSeconds(120), 3.0);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(db, ds, t0.plusSeconds(120)) == 1);
      } finally {
        server.close();
        MqttClient clean = MqttClient.create(vertx, new MqttClientOptions().setClientId(clientId)
            .setCleanSession(true));
        clean.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
        clean.disconnect().await(10, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Deterministic check of "acknowledged only after commit": while the database is away an MQTT observation
   * cannot be committed, so the server must not acknowledge it; the server then stops, the database returns, a new
   * server resumes the session and the broker hands the observation over again. Acknowledging on receipt would lose
   * it here every time.
   */
  @Test
  void anObservationThatCouldNotBeCommittedIsNotAcknowledgedAndArrivesAfterARestart() throws Exception {
    String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    String prefix = "ct-noack-" + run + "/";
    String clientId = "ct-na-" + run;
    Vertx vertx = Vertx.vertx();
    try (TestDatabase db = TestDatabase.create("noack"); TcpProxy pg = new TcpProxy("127.0.0.1", 5432)) {
      String url = db.jdbcUrl().replace("127.0.0.1:5432", "127.0.0.1:" + pg.port());
      Map<String, String> cfg = Map.of("sensors.mqtt.enabled", "true", "sensors.mqtt.topic.prefix", prefix,
          "sensors.mqtt.client.id", clientId, "db.connect.timeout.ms", "1000");
      CityTwinServer server = TestServer.start(url, cfg);
      long ds;
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO sensor.thing (id, name) VALUES (1, 't')");
        s.execute("INSERT INTO sensor.sensor (id, name) VALUES (1, 's')");
        s.execute("INSERT INTO sensor.observed_property (id, name) VALUES (1, 'Water level')");
        ds = scalar(c, "INSERT INTO sensor.datastream (name, observation_type, thing_id, sensor_id, "
            + "observed_property_id) VALUES ('d', "
            + "'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', 1, 1, 1) RETURNING id");
      }
      MqttClient pub = MqttClient.create(vertx, new MqttClientOptions().setClientId("ct-na-pub-" + run));
      pub.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
      String topic = prefix + "v1.1/Datastreams(" + ds + ")/Observations";
      Instant t0 = Instant.parse("2026-06-02T00:00:00Z");
      try {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
          publish(pub, topic, t0, 1.0);
          return count(db, ds) > 0;
        });
        pg.cut();
        Instant lost = t0.plusSeconds(60);
        publish(pub, topic, lost, 2.0);
        Thread.sleep(2000); // received, not storable: retried, not acknowledged
        server.close();
        server = null;
        pg.restore();
        assertThat(count(db, ds, lost)).isZero();
        server = TestServer.start(url, cfg);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db, ds, lost) == 1);
      } finally {
        if (server != null) {
          server.close();
        }
        MqttClient clean = MqttClient.create(vertx, new MqttClientOptions().setClientId(clientId)
            .setCleanSession(true));
        clean.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
        clean.disconnect().await(10, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  static void publish(MqttClient pub, String topic, Instant t, double v) throws Exception {
    pub.publish(topic, Buffer.buffer(new JsonObject().put("phenomenonTime", t.toString()).put("result", v).encode()),
        MqttQoS.AT_LEAST_ONCE, false, false).await(10, TimeUnit.SECONDS);
  }

  static long count(TestDatabase db, long ds) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      return scalar(c, "SELECT count(*) FROM sensor.observation WHERE datastream_id = " + ds);
    }
  }

  static long count(TestDatabase db, long ds, Instant t) throws SQLException {
    try (Connection c = db.connect()) {
      return scalar(c, "SELECT count(*) FROM sensor.observation WHERE datastream_id = " + ds
          + " AND phenomenon_time_start = '" + t + "'");
    }
  }

  static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
