package vn.citytwin.sensors.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.SensorsLiveSettings;

/**
 * One MQTT connection that stays up: when the broker is unreachable or the connection drops it reconnects after a
 * delay that doubles from {@code reconnect.min.ms} to {@code reconnect.max.ms} (with ±20% jitter, so a fleet of
 * nodes does not reconnect in lock step), and runs {@code onConnected} after every successful CONNACK — that is
 * where subscriptions are (re)made. A fresh {@link MqttClient} is built for each attempt.
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

  private final Vertx vertx;
  private final SensorsLiveSettings.Mqtt settings;
  private final MqttClientOptions options;
  private final Consumer<MqttClient> configure;
  private final Consumer<MqttClient> onConnected;
  private final String name;
  private final Context context;
  private volatile MqttClient current;
  private volatile boolean closed;
  private int attempt;

  /**
   * @param configure sets handlers (publishHandler…) on each new client before it connects
   * @param onConnected runs on each CONNACK: subscribe here
   */
  public MqttLink(Vertx vertx, SensorsLiveSettings.Mqtt settings, String clientId, boolean cleanSession,
                  boolean autoAck, Consumer<MqttClient> configure, Consumer<MqttClient> onConnected, String name) {
    this.vertx = vertx;
    this.settings = settings;
    this.configure = configure;
    this.onConnected = onConnected;
    this.name = name;
    // A context of its own: reconnect timers, handlers and store callbacks all run on this one thread.
    this.context = vertx.getOrCreateContext();
    options = new MqttClientOptions()
        .setClientId(clientId)
        .setCleanSession(cleanSession)
        .setKeepAliveInterval(settings.keepAliveSeconds())
        .setMaxMessageSize(settings.maxMessageKb() * 1024)
        // Enough room to publish notifications in bursts without waiting for each PUBACK.
        .setMaxInflightQueue(10_000)
        .setAutoKeepAlive(true);
    options.setAutoAck(autoAck);
    if (settings.username() != null) {
      options.setUsername(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password());
    }
  }

  /** Connects in the background (returns at once). */
  public MqttLink start() {
    context.runOnContext(v -> connect());
    return this;
  }

  /** The one event-loop context every client of this link, its handlers and its timers run on. */
  public Context context() {
    return context;
  }

  /** The connected client, or null while (re)connecting. */
  public MqttClient client() {
    MqttClient c = current;
    return c != null && c.isConnected() ? c : null;
  }

  private void connect() {
    if (closed) {
      return;
    }
    MqttClient client = MqttClient.create(vertx, options);
    AtomicBoolean retried = new AtomicBoolean();
    Runnable retry = () -> {
      if (retried.compareAndSet(false, true)) {
        if (current == client) {
          current = null;
        }
        scheduleReconnect();
      }
    };
    configure.accept(client);
    client.closeHandler(v -> {
      if (!closed) {
        LOG.warn("mqtt {}: connection to {}:{} closed; reconnecting", name, settings.host(), settings.port());
      }
      retry.run();
    });
    client.exceptionHandler(e -> LOG.debug("mqtt {}: {}", name, e.toString()));
    client.connect(settings.port(), settings.host()).onSuccess(ack -> {
      if (closed) {
        client.disconnect();
        return;
      }
      attempt = 0;
      current = client;
      LOG.info("mqtt {}: connected to {}:{} as {} (session present: {})", name, settings.host(), settings.port(),
          options.getClientId(), ack.isSessionPresent());
      onConnected.accept(client);
    }).onFailure(e -> {
      LOG.warn("mqtt {}: cannot connect to {}:{} ({})", name, settings.host(), settings.port(), e.getMessage());
      retry.run();
    });
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    long base = Math.min((long) settings.reconnectMaxMs(), (long) settings.reconnectMinMs() << Math.min(attempt, 20));
    attempt++;
    long delay = Math.max(1, (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    vertx.setTimer(delay, id -> connect());
  }

  /** Disconnects cleanly (a persistent session stays on the broker) and stops reconnecting. */
  @Override
  public void close() {
    closed = true;
    MqttClient c = current;
    current = null;
    if (c != null && c.isConnected()) {
      try {
        c.disconnect().await(java.time.Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.debug("mqtt {}: disconnect: {}", name, e.getMessage());
      }
    }
  }
}
