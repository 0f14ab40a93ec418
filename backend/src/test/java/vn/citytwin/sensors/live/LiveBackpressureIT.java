package vn.citytwin.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * A live client that stops reading costs the server a bounded queue: messages beyond it are skipped and counted,
 * and the client is told how many once it reads again. Events go straight onto the event bus (what committed
 * observations produce); MQTT is off here, so the flood stays inside this server.
 */
class LiveBackpressureIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() {
    db = TestDatabase.create("backpressure");
    server = TestServer.start(db.jdbcUrl(), Map.of("sensors.live.queue.kb", "4"));
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void aClientThatDoesNotReadSkipsMessagesAndIsToldHowMany() throws Exception {
    BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    java.util.concurrent.atomic.AtomicReference<WebSocket> socket = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/live?datastreams=424242"),
            new WebSocket.Listener() {
              final StringBuilder text = new StringBuilder();

              @Override
              public void onOpen(WebSocket webSocket) {
                socket.set(webSocket);
                webSocket.request(1);
              }

              @Override
              public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                  received.add(new JsonObject(text.toString()));
                  text.setLength(0);
                }
                if (reading.get()) {
                  webSocket.request(1);
                }
                return null;
              }
            }).get(10, TimeUnit.SECONDS);
    assertThat(received.poll(5, TimeUnit.SECONDS).getString("type")).isEqualTo("subscribed");
    reading.set(false); // from now on the client reads nothing: the server's write queue fills up
    String filler = "x".repeat(2000);
    long skippedBefore = metric("citytwin_sensors_live_skipped_total");
    long deliveredBefore = metric("citytwin_sensors_live_delivered_total");
    for (int batch = 0; batch < 40; batch++) {
      io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
      for (int i = 0; i < 500; i++) {
        list.add(new JsonObject().put("@iot.id", batch * 500 + i).put("datastream", 424242).put("result", filler));
      }
      server.vertx().eventBus().publish(SensorBus.OBSERVATIONS, new JsonObject().put("observations", list));
    }
    // 20,000 messages of 2 kB (40 MB) for one client that reads nothing: most must be skipped, not queued
    // (the server holds at most sensors.live.queue.kb, 4 kB here, beyond what the socket buffers take).
    // Wait until the hub has offered all 20,000 (each one either written or skipped).
    await().atMost(Duration.ofSeconds(30)).until(() -> metric("citytwin_sensors_live_skipped_total") - skippedBefore
        + metric("citytwin_sensors_live_delivered_total") - deliveredBefore == 20_000);
    assertThat(metric("citytwin_sensors_live_skipped_total") - skippedBefore).isGreaterThan(10_000);
    reading.set(true);
    socket.get().request(1);
    // Once it reads again it is told, in one or more notices, how many it missed: all of them.
    long skipped = metric("citytwin_sensors_live_skipped_total") - skippedBefore;
    long told = 0;
    long delivered = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((told < skipped || delivered + skipped < 20_000) && System.nanoTime() < deadline) {
      JsonObject m = received.poll(1, TimeUnit.SECONDS);
      if (m != null && "skipped".equals(m.getString("type"))) {
        told += m.getLong("count");
      } else if (m != null) {
        delivered++;
      }
    }
    assertThat(told).as("skipped counts announced").isEqualTo(skipped);
    assertThat(delivered + skipped).as("every message was either delivered or counted").isEqualTo(20_000);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  static long metric(String name) {
    return http.getText("/metrics").lines().filter(l -> l.startsWith(name + " ")).findFirst()
        .map(l -> (long) Double.parseDouble(l.substring(name.length() + 1))).orElse(0L);
  }

}
