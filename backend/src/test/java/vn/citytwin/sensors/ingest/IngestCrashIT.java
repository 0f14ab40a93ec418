package vn.citytwin.sensors.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * Kills the server (SIGKILL, a separate JVM) in the middle of ingest, restarts it, and finds every acknowledged
 * observation stored exactly once: over MQTT (acknowledged by the broker, then ours to take: the persistent session
 * keeps what we had not acknowledged) and over HTTP (201 answered before the kill).
 */
class IngestCrashIT {
  static TestDatabase db;
  static String run;
  static String prefix;
  static int port;
  static Path log;
  static Vertx vertx;
  /** The server process running now, killed at the end whatever happens. */
  static volatile Process current;
  static long ds1;
  static long ds2;

  @BeforeAll
  static void setUp() throws Exception {
    db = TestDatabase.create("crash");
    run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    prefix = "ct-crash-" + run + "/";
    port = TestServer.freePort();
    log = Files.createTempFile("citytwin-crash", ".log");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (current != null && current.isAlive()) {
      current.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // Remove the server's persistent session from the shared broker.
    MqttClient c = MqttClient.create(vertx, new MqttClientOptions().setClientId("ct-crash-" + run)
        .setCleanSession(true));
    c.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
    c.disconnect().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    db.close();
    Files.deleteIfExists(log);
  }

  @Test
  void everyAcknowledgedObservationIsStoredExactlyOnceAcrossAKill() throws Exception {
    Process server = startServer();
    try (Connection c = db.connect()) {
      long thing = insertId(c, "INSERT INTO sensor.thing (name) VALUES ('crash') RETURNING id");
      long sensor = insertId(c, "INSERT INTO sensor.sensor (name) VALUES ('s') RETURNING id");
      long op = insertId(c, "INSERT INTO sensor.observed_property (name) VALUES ('Water level') RETURNING id");
      ds1 = datastream(c, thing, sensor, op);
      ds2 = datastream(c, thing, sensor, op);
    }
    MqttClient pub = MqttClient.create(vertx, new MqttClientOptions().setClientId("ct-crash-pub-" + run)
        .setMaxInflightQueue(2000));
    pub.connect(1883, "127.0.0.1").await(10, TimeUnit.SECONDS);
    Instant base = Instant.parse("2026-05-01T00:00:00Z");
    // Wait until the server has subscribed (its first session starts now): a probe observation arrives.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
      publish(pub, ds2, base.minusSeconds(1), 0).await(10, TimeUnit.SECONDS);
      return count(ds2) > 0;
    });

    // MQTT: 800 observations at ~400/s; the server is killed once 100 are stored and restarted after the rest
    // were published (the broker keeps them for the server's session).
    int n = 800;
    List<Future<Integer>> acks = new ArrayList<>();
    Thread publisher = new Thread(() -> {
      for (int i = 0; i < n; i++) {
        acks.add(publish(pub, ds1, base.plusSeconds(i), i));
        try {
          Thread.sleep(i % 2 == 0 ? 2 : 3);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    publisher.start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> count(ds1) >= 100);
    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long atKill = count(ds1);
    publisher.join();
    for (Future<Integer> f : acks) {
      f.await(30, TimeUnit.SECONDS); // every message acknowledged by the broker
    }
    assertThat(atKill).as("killed mid-ingest").isLessThan(n);

    server = startServer();
    await().atMost(Duration.ofSeconds(60)).until(() -> count(ds1) >= n);
    Thread.sleep(1000);
    assertThat(count(ds1)).isEqualTo(n);
    assertThat(scalar("SELECT count(DISTINCT phenomenon_time_start) FROM sensor.observation WHERE datastream_id = "
        + ds1)).isEqualTo(n);
    assertThat(scalar("SELECT sum(result_number) FROM sensor.observation WHERE datastream_id = " + ds1))
        .isEqualTo((long) n * (n - 1) / 2);

    // HTTP: single POSTs; those answered 201 before the kill must all be there, once.
    Http http = new Http(port);
    ConcurrentLinkedQueue<Instant> acknowledged = new ConcurrentLinkedQueue<>();
    Instant httpBase = base.plusSeconds(100_000);
    Thread poster = new Thread(() -> {
      for (int i = 0; i < 100_000; i++) {
        Instant t = httpBase.plusSeconds(i);
        try {
          HttpResponse<byte[]> r = http.send("POST", "/sta/v1.1/Observations", "application/json",
              new JsonObject().put("Datastream", new JsonObject().put("@iot.id", ds2))
                  .put("phenomenonTime", t.toString()).put("result", i).encode());
          if (r.statusCode() == 201) {
            acknowledged.add(t);
          }
        } catch (RuntimeException e) {
          return; // the server is gone
        }
      }
    });
    poster.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 100);
    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    poster.join(30_000);
    server = startServer();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM sensor.observation WHERE datastream_id = ? AND phenomenon_time_start = ?")) {
      for (Instant t : acknowledged) {
        ps.setLong(1, ds2);
        ps.setTimestamp(2, java.sql.Timestamp.from(t));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).as("acknowledged %s", t).isEqualTo(1);
        }
      }
    }
    server.destroy();
    server.waitFor(30, TimeUnit.SECONDS);
  }

  static Future<Integer> publish(MqttClient pub, long datastream, Instant t, int result) {
    return pub.publish(prefix + "v1.1/Datastreams(" + datastream + ")/Observations",
        Buffer.buffer(new JsonObject().put("phenomenonTime", t.toString()).put("result", result).encode()),
        MqttQoS.AT_LEAST_ONCE, false, false);
  }

  /** The real server in its own JVM (so it can be killed), on the test classpath; returns once it is ready. */
  static Process startServer() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dcitytwin.db.url=" + db.jdbcUrl(), "-Dcitytwin.http.port=" + port, "-Dcitytwin.http.host=127.0.0.1",
        "-Dcitytwin.db.pool.size=4", "-Dcitytwin.demo.seed.when.empty=false",
        "-Dcitytwin.sensors.mqtt.topic.prefix=" + prefix, "-Dcitytwin.sensors.mqtt.client.id=ct-crash-" + run,
        "-Dcitytwin.sensors.mqtt.reconnect.min.ms=100", "vn.citytwin.app.Main", "serve")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    current = p;
    Http http = new Http(port);
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (!p.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log));
      }
      try {
        return http.get("/health/ready").statusCode() == 200;
      } catch (RuntimeException e) {
        return false;
      }
    });
    return p;
  }

  static long count(long datastream) throws SQLException {
    return scalar("SELECT count(*) FROM sensor.observation WHERE datastream_id = " + datastream);
  }

  static long scalar(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long insertId(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long datastream(Connection c, long thing, long sensor, long op) throws SQLException {
    return insertId(c, "INSERT INTO sensor.datastream (name, observation_type, unit_of_measurement, thing_id, "
        + "sensor_id, observed_property_id) VALUES ('d', "
        + "'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', '{\"symbol\":\"m\"}', " + thing
        + ", " + sensor + ", " + op + ") RETURNING id");
  }
}
