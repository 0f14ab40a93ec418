package vn.citytwin.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live side of the sensors (keys {@code sensors.mqtt.*}, {@code sensors.live.*}, {@code sensors.series.*},
 * {@code sensors.alerts.*}): the MQTT broker the server ingests from and publishes to, the WebSocket/SSE push,
 * the series limits and the alert thresholds. Read once at start-up; a bad value names its key.
 */
public record SensorsLiveSettings(Mqtt mqtt, Live live, Series series, Alerts alerts) {

  /**
   * The MQTT broker (MQTT 3.1.1, QoS 1).
   *
   * @param enabled whether the server connects at all ({@code sensors.mqtt.enabled}, default true)
   * @param clientId the ingest connection's client id; the session is persistent (clean=false) under this id, so it
   *     must be unique per server node ({@code sensors.mqtt.client.id}); the publisher uses {@code clientId + "-pub"}
   * @param password a secret: never logged
   * @param topicPrefix prepended to every STA topic, e.g. {@code "cityA/"} when several cities share a broker
   *     ({@code sensors.mqtt.topic.prefix}, default empty)
   * @param publish whether committed observations are published to the STA topics ({@code sensors.mqtt.publish})
   * @param publishQos QoS of those notifications ({@code sensors.mqtt.publish.qos}, default 0): they come back on
   *     the server's own ingest subscription (same STA topics), and at QoS 1 each echo would take a slot of the
   *     broker's in-flight window and queue for that session, which slows ingest and makes the broker drop real
   *     observations sooner when it is busy
   * @param batchMax most observations committed in one transaction ({@code sensors.mqtt.batch.max})
   * @param reconnectMinMs first reconnect delay; doubled up to {@code reconnectMaxMs} while the broker stays away
   * @param maxMessageKb largest accepted message; larger ones are rejected by the client
   */
  public record Mqtt(boolean enabled, String host, int port, String clientId, String username, String password,
                     String topicPrefix, boolean publish, int publishQos, int batchMax, int reconnectMinMs, int reconnectMaxMs,
                     int keepAliveSeconds, int maxMessageKb) {
    @Override
    public String toString() {
      return "Mqtt[" + host + ":" + port + ", clientId=" + clientId + ", user=" + username + ", password=***]";
    }
  }

  /** WebSocket/SSE push: bytes a client may have unsent before messages are skipped for it, most clients. */
  public record Live(int queueKb, int maxClients, int keepAliveSeconds) {}

  /** Time aggregation: the most buckets one series request may ask for. */
  public record Series(int maxBuckets) {}

  /**
   * Alert thresholds per observed property (matched by name, case-insensitive) and the stale rule.
   *
   * @param rules property name → its thresholds, from {@code sensors.alerts.rules}
   * @param staleMinutes a datastream that has reported and then stays silent this long is stale (0: never)
   */
  public record Alerts(Map<String, Threshold> rules, int staleMinutes, int staleCheckSeconds) {
    public Alerts {
      rules = Map.copyOf(rules);
    }

    /** The thresholds of a property, or null when it has none. */
    public Threshold forProperty(String observedProperty) {
      return observedProperty == null ? null : rules.get(observedProperty.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Values at or above {@code warning} are a warning, at or above {@code alarm} an alarm (for {@code below}
   * rules: at or below).
   */
  public record Threshold(double warning, double alarm, boolean below) {
    /** "ok", "warning" or "alarm" for a value. */
    public String status(double value) {
      if (below ? value <= alarm : value >= alarm) {
        return "alarm";
      }
      return (below ? value <= warning : value >= warning) ? "warning" : "ok";
    }
  }

  /**
   * The default rules, by the demo's observed property names. PM2.5: VN_AQI (Decision 1459/QĐ-TCMT) — above
   * 50 µg/m³ the index passes 100 ("kém", poor: warning), above 80 µg/m³ it passes 150 ("xấu", bad: alarm). Water
   * level of the lakes and canals (m above the VN-2000 datum): the Bàu Sen design level 1.82 m is the warning, 2.5 m
   * the alarm (20 Oct 2022 reached 3.41 m). Sea level at the Vũng Tàu gauge (m above VN-2000, whose zero lies about
   * 2.5 m above chart datum there): spring peaks of 4.0–4.1 m CD are about +1.6 m, so 1.6 m warns and 1.8 m (4.3 m
   * CD, the highest forecast) alarms. Noise: 70 dB(A) is the QCVN 26:2010 daytime limit, 80 the alarm.
   */
  public static final String DEFAULT_RULES = "PM2.5:>=50.5,>=80.5; Water level:>=1.82,>=2.5; "
      + "Sea level:>=1.6,>=1.8; Noise level:>=70,>=80";

  /** Reads and validates the keys above; throws {@link ConfigException} naming the first bad key. */
  public static SensorsLiveSettings from(ConfigSource src) {
    int min = src.integer("sensors.mqtt.reconnect.min.ms", 500, 10, 600000);
    int max = src.integer("sensors.mqtt.reconnect.max.ms", 30000, 10, 3600000);
    if (max < min) {
      throw new ConfigException("setting sensors.mqtt.reconnect.max.ms: '" + max
          + "' must not be less than sensors.mqtt.reconnect.min.ms (" + min + ")");
    }
    String prefix = src.string("sensors.mqtt.topic.prefix", "");
    if (prefix.contains("+") || prefix.contains("#") || (!prefix.isEmpty() && !prefix.endsWith("/"))) {
      throw new ConfigException("setting sensors.mqtt.topic.prefix: '" + prefix
          + "' must end with / and contain no MQTT wildcard (+ or #)");
    }
    Mqtt mqtt = new Mqtt(src.bool("sensors.mqtt.enabled", true), src.string("sensors.mqtt.host", "127.0.0.1"),
        src.integer("sensors.mqtt.port", 1883, 1, 65535), src.string("sensors.mqtt.client.id", "citytwin-server"),
        src.string("sensors.mqtt.username", null), src.string("sensors.mqtt.password", null), prefix,
        src.bool("sensors.mqtt.publish", true), src.integer("sensors.mqtt.publish.qos", 0, 0, 1),
        src.integer("sensors.mqtt.batch.max", 500, 1, 10000), min, max,
        src.integer("sensors.mqtt.keep.alive.s", 30, 5, 3600), src.integer("sensors.mqtt.max.message.kb", 256, 1, 65536));
    if (mqtt.clientId().isBlank() || mqtt.clientId().contains("/")) {
      throw new ConfigException("setting sensors.mqtt.client.id: '" + mqtt.clientId() + "' must be a non-blank id");
    }
    Live live = new Live(src.integer("sensors.live.queue.kb", 256, 4, 65536),
        src.integer("sensors.live.max.clients", 1000, 1, 100000), src.integer("sensors.live.keep.alive.s", 20, 1, 600));
    Series series = new Series(src.integer("sensors.series.max.buckets", 10000, 10, 1000000));
    Alerts alerts = new Alerts(rules(src.string("sensors.alerts.rules", DEFAULT_RULES)),
        src.integer("sensors.alerts.stale.minutes", 15, 0, 100000),
        src.integer("sensors.alerts.stale.check.s", 30, 1, 3600));
    return new SensorsLiveSettings(mqtt, live, series, alerts);
  }

  /** The defaults of every key. */
  public static SensorsLiveSettings defaults() {
    return from(ConfigSource.of(Map.of()));
  }

  /**
   * {@code name:>=w,>=a; name:<=w,<=a} — a property name, then its warning and alarm bounds, both {@code >=}
   * (high values are bad) or both {@code <=} (low values are bad, e.g. dissolved oxygen).
   */
  static Map<String, Threshold> rules(String text) {
    Map<String, Threshold> rules = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      String rule = part.trim();
      if (rule.isEmpty()) {
        continue;
      }
      int colon = rule.lastIndexOf(':');
      String name = colon > 0 ? rule.substring(0, colon).trim() : "";
      String[] bounds = colon > 0 ? rule.substring(colon + 1).split(",") : new String[0];
      if (name.isEmpty() || bounds.length != 2) {
        throw badRule(rule, "must be name:>=warning,>=alarm");
      }
      List<Double> values = new ArrayList<>();
      Boolean below = null;
      for (String b : bounds) {
        String t = b.trim();
        boolean le = t.startsWith("<=");
        if (!le && !t.startsWith(">=")) {
          throw badRule(rule, "each bound must start with >= or <=");
        }
        if (below != null && below != le) {
          throw badRule(rule, "both bounds must use the same comparison");
        }
        below = le;
        try {
          double v = Double.parseDouble(t.substring(2).trim());
          if (!Double.isFinite(v)) {
            throw badRule(rule, "bounds must be finite numbers");
          }
          values.add(v);
        } catch (NumberFormatException e) {
          throw badRule(rule, "'" + t.substring(2).trim() + "' is not a number");
        }
      }
      boolean low = Boolean.TRUE.equals(below);
      if (low ? values.get(1) > values.get(0) : values.get(1) < values.get(0)) {
        throw badRule(rule, "the alarm bound must be at least as severe as the warning bound");
      }
      rules.put(name.toLowerCase(Locale.ROOT), new Threshold(values.get(0), values.get(1), low));
    }
    return rules;
  }

  private static ConfigException badRule(String rule, String why) {
    return new ConfigException("setting sensors.alerts.rules: '" + rule + "' " + why);
  }
}
