package vn.citytwin.sensors.live;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest-to-WebSocket latency (not a test): N WebSocket subscribers on {@code /live} receive every observation
 * while an MQTT client publishes at a fixed rate with the send time as phenomenonTime; latency = arrival time −
 * phenomenonTime (one machine, one clock). Prints p50/p99/max and delivered/expected.
 *
 * <pre>
 * java -cp … vn.citytwin.sensors.live.LiveLatencyBench SERVER_PORT MQTT_PORT PREFIX DATASTREAMS(1,2,…) RATE SECONDS SUBSCRIBERS
 * </pre>
 */
public final class LiveLatencyBench {
  private LiveLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int mqttPort = Integer.parseInt(args[1]);
    String prefix = args[2];
    long[] ds = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray();
    int rate = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    int subscribers = Integer.parseInt(args[6]);
    int capacity = rate * seconds * subscribers + 1000;
    long[] latencies = new long[capacity];
    AtomicLong received = new AtomicLong();
    HttpClient http = HttpClient.newHttpClient();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      sockets.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/live?types=observation"),
          new WebSocket.Listener() {
            final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              text.append(data);
              if (last) {
                long now = System.currentTimeMillis();
                JsonObject m = new JsonObject(text.toString());
                text.setLength(0);
                String t = m.getString("phenomenonTime");
                if ("observation".equals(m.getString("type")) && t != null) {
                  long n = received.getAndIncrement();
                  if (n < latencies.length) {
                    latencies[(int) n] = now - Instant.parse(t).toEpochMilli();
                  }
                }
              }
              w.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS));
    }
    Thread.sleep(1000);
    received.set(0);
    Vertx vertx = Vertx.vertx();
    MqttClient pub = MqttClient.create(vertx, new MqttClientOptions().setClientId("ct-bench-" + System.nanoTime() % 100000)
        .setMaxInflightQueue(65535));
    pub.connect(mqttPort, "127.0.0.1").await(10, TimeUnit.SECONDS);
    long periodNanos = 1_000_000_000L / rate;
    long next = System.nanoTime();
    long lastMillis = 0;
    int sent = 0;
    for (int i = 0; i < rate * seconds; i++) {
      long now = Math.max(System.currentTimeMillis(), lastMillis + 1); // distinct times: no duplicates
      lastMillis = now;
      long d = ds[i % ds.length];
      pub.publish(prefix + "v1.1/Datastreams(" + d + ")/Observations", Buffer.buffer(new JsonObject()
          .put("phenomenonTime", Instant.ofEpochMilli(now).toString()).put("result", i % 100).encode()),
          MqttQoS.AT_LEAST_ONCE, false, false);
      sent++;
      next += periodNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
    }
    Thread.sleep(5000);
    int n = (int) Math.min(received.get(), latencies.length);
    long[] l = Arrays.copyOf(latencies, n);
    Arrays.sort(l);
    System.out.printf("rate %d/s for %d s, %d subscribers: delivered %d of %d; latency ms p50 %d p99 %d max %d%n",
        rate, seconds, subscribers, n, (long) sent * subscribers, n == 0 ? -1 : l[n / 2],
        n == 0 ? -1 : l[(int) (n * 0.99)], n == 0 ? -1 : l[n - 1]);
    for (WebSocket w : sockets) {
      w.abort();
    }
    pub.disconnect();
    vertx.close();
    System.exit(0);
  }
}
