package vn.citytwin.sensors.sim;

import com.zaxxer.hikari.HikariDataSource;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;
import vn.citytwin.core.config.SensorsLiveSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.sensors.StaTime;
import vn.citytwin.sensors.series.SeriesStep;

/**
 * {@code simulate-sensors}: feeds every datastream in the database with realistic readings ({@link SensorFeeds})
 * over MQTT (QoS 1, to the configured broker and topic prefix) or HTTP ({@code CreateObservations}), one reading
 * per datastream per tick, {@code --rate} ticks a second, until {@code --duration} has passed or it is stopped.
 * Exit code 0 when every reading was accepted, 1 otherwise.
 */
@Command(name = "simulate-sensors", mixinStandardHelpOptions = true,
    description = "Send realistic live readings for the demo stations (MQTT or HTTP).")
public final class SimulateSensorsCommand implements Callable<Integer> {
  @Option(names = "--config", description = "Properties file with the CityTwin settings.")
  Path config;

  @ArgGroup(exclusive = true)
  Transport transport = new Transport();

  static final class Transport {
    @Option(names = "--mqtt", description = "Publish to the MQTT broker (default).")
    boolean mqtt;

    @Option(names = "--http", description = "POST /sta/v1.1/CreateObservations to --url.")
    boolean http;
  }

  @Option(names = "--rate", defaultValue = "1", description = "Ticks per second; each sends one reading per datastream (default 1).")
  double rate;

  @Option(names = "--duration", description = "How long to run: 30s, 10m, 2h (default: until stopped).")
  String duration;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL for --http.")
  String url;

  @Option(names = "--rain-at", defaultValue = "20", description = "Minutes after the start when the rain event begins (default 20).")
  double rainAtMinutes;

  @Option(names = "--rain-hours", defaultValue = "1", description = "How long it rains, hours (default 1).")
  double rainHours;

  @Option(names = "--seed", defaultValue = "2025", description = "Noise seed.")
  long seed;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0 && rate <= 1000)) {
      System.err.println("simulate-sensors: --rate must be above 0 and at most 1000");
      return 2;
    }
    Duration limit = duration == null ? null : SeriesStep.parse(duration);
    CityTwinConfig cfg = CityTwinConfig.from(ConfigSource.load(config, System.getenv(), System.getProperties()));
    List<SimulatedDatastream> streams;
    try (HikariDataSource ds = Database.openForTool(cfg.database())) {
      try (var c = ds.getConnection()) {
        streams = SimulatedDatastream.all(c);
      }
    }
    if (streams.isEmpty()) {
      System.err.println("simulate-sensors: no datastreams in the database (seed the demo city first)");
      return 1;
    }
    Instant start = Instant.now();
    SensorFeeds.Rain rain = new SensorFeeds.Rain(start.plusSeconds((long) (rainAtMinutes * 60)), rainHours);
    AtomicBoolean stop = new AtomicBoolean();
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stop.set(true);
      main.interrupt();
    });
    Runtime.getRuntime().addShutdownHook(hook);
    Sender sender = transport.http ? new HttpSender(url) : new MqttSender(cfg.sensors().live().mqtt());
    System.out.printf("simulate-sensors: %d datastreams, %.2f ticks/s over %s%s%n", streams.size(), rate,
        transport.http ? "HTTP " + url : "MQTT " + cfg.sensors().live().mqtt().host(),
        limit == null ? "" : " for " + limit);
    Random random = new Random(seed);
    long periodNanos = (long) (1e9 / rate);
    long next = System.nanoTime();
    long lastReport = next;
    Instant last = null;
    try {
      while (!stop.get() && (limit == null || Duration.between(start, Instant.now()).compareTo(limit) < 0)) {
        // Strictly increasing: ticks that catch up within one millisecond must not repeat a phenomenon time.
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (last != null && !t.isAfter(last)) {
          t = last.plusMillis(1);
        }
        last = t;
        List<Reading> readings = new ArrayList<>(streams.size());
        for (SimulatedDatastream s : streams) {
          double v = SensorFeeds.value(s.property(), s.tideGauge(), s.site(), t, rain, 2 * random.nextDouble() - 1);
          readings.add(new Reading(s.id(), t, s.integer() ? (Object) Math.round(v) : (Object) v));
        }
        sender.send(readings);
        next += periodNanos;
        if (System.nanoTime() - lastReport > 10_000_000_000L) {
          lastReport = System.nanoTime();
          System.out.printf("simulate-sensors: %d sent, %d failed%n", sent.get(), failed.get());
        }
        long sleep = next - System.nanoTime();
        if (sleep > 0) {
          TimeUnit.NANOSECONDS.sleep(sleep);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sender.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
    System.out.printf("simulate-sensors: done: %d sent, %d failed%n", sent.get(), failed.get());
    return failed.get() == 0 ? 0 : 1;
  }

  record Reading(long datastream, Instant time, Object result) {}

  interface Sender extends AutoCloseable {
    /** Sends one tick's readings and waits until they were accepted (or failed). */
    void send(List<Reading> readings) throws InterruptedException;

    @Override
    void close();
  }

  /** QoS 1 publishes to {@code v1.1/Datastreams(<id>)/Observations}; waits for the broker's PUBACKs. */
  final class MqttSender implements Sender {
    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    private final String prefix;

    MqttSender(SensorsLiveSettings.Mqtt s) throws Exception {
      prefix = s.topicPrefix();
      MqttClientOptions options = new MqttClientOptions().setClientId("citytwin-sim-" + Long.toString(
          System.nanoTime() % 1_000_000_000L, 36)).setMaxInflightQueue(65535);
      if (s.username() != null) {
        options.setUsername(s.username()).setPassword(s.password());
      }
      client = MqttClient.create(vertx, options);
      client.connect(s.port(), s.host()).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void send(List<Reading> readings) {
      List<Future<Integer>> acks = new ArrayList<>(readings.size());
      for (Reading r : readings) {
        JsonObject body = new JsonObject().put("phenomenonTime", StaTime.format(r.time())).put("result", r.result());
        acks.add(client.publish(prefix + "v1.1/Datastreams(" + r.datastream() + ")/Observations",
            Buffer.buffer(body.encode()), MqttQoS.AT_LEAST_ONCE, false, false));
      }
      for (Future<Integer> f : acks) {
        try {
          f.await(30, TimeUnit.SECONDS);
          sent.incrementAndGet();
        } catch (Exception e) {
          failed.incrementAndGet();
        }
      }
    }

    @Override
    public void close() {
      try {
        client.disconnect().await(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // closing anyway
      }
      vertx.close();
    }
  }

  /** One {@code CreateObservations} request per tick (dataArray, one entry per datastream). */
  final class HttpSender implements Sender {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;

    HttpSender(String base) {
      uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
          + "/sta/v1.1/CreateObservations");
    }

    @Override
    public void send(List<Reading> readings) throws InterruptedException {
      JsonArray body = new JsonArray();
      for (Reading r : readings) {
        body.add(new JsonObject().put("Datastream", new JsonObject().put("@iot.id", r.datastream()))
            .put("components", new JsonArray().add("phenomenonTime").add("result"))
            .put("dataArray", new JsonArray().add(new JsonArray().add(StaTime.format(r.time())).add(r.result()))));
      }
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          // Per-entry results: an entry that is not a self link failed.
          JsonArray results = new JsonArray(response.body());
          for (Object o : results) {
            if (String.valueOf(o).contains("/Observations(")) {
              sent.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          }
        } else {
          failed.addAndGet(readings.size());
        }
      } catch (java.io.IOException | RuntimeException e) {
        failed.addAndGet(readings.size());
      }
    }

    @Override
    public void close() {
      // the JDK client has nothing to close on Java 17
    }
  }
}
