package vn.citytwin.core.config;

/**
 * The SensorThings side of the sensors (keys {@code sensors.*} below and {@code sta.*}): what ingest accepts and
 * how the {@code /sta/v1.1} API pages. The live side (MQTT, push, series, alerts) is {@link SensorsLiveSettings}.
 *
 * @param maxBatch most observations one ingest call (CreateObservations, an MQTT batch, {@code insertBatch}) may
 *     carry; more is refused whole ({@code sensors.max.batch}, default 10,000)
 * @param maxFutureSeconds how far past the server's clock a phenomenon time may lie before the observation is
 *     refused as "in the future" ({@code sensors.max.future.seconds}, default 300: clock skew of field loggers)
 * @param defaultTop entities per page when a request has no {@code $top} ({@code sta.top.default}, 100 as FROST)
 * @param maxTop the largest {@code $top} honoured; larger values are cut to it ({@code sta.top.max}, 10,000)
 * @param live the live side: MQTT, push, series, alerts ({@link SensorsLiveSettings})
 */
public record SensorSettings(int maxBatch, int maxFutureSeconds, int defaultTop, int maxTop,
                             SensorsLiveSettings live) {

  /** The defaults above. */
  public static SensorSettings defaults() {
    return new SensorSettings(10_000, 300, 100, 10_000, SensorsLiveSettings.defaults());
  }

  /** Reads and validates the keys; throws {@link ConfigException} naming the first bad one. */
  public static SensorSettings from(ConfigSource src) {
    int maxTop = src.integer("sta.top.max", 10_000, 1, 1_000_000);
    return new SensorSettings(src.integer("sensors.max.batch", 10_000, 1, 1_000_000),
        src.integer("sensors.max.future.seconds", 300, 0, 366 * 86400),
        src.integer("sta.top.default", 100, 1, maxTop), maxTop, SensorsLiveSettings.from(src));
  }
}
