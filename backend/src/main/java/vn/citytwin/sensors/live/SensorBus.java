package vn.citytwin.sensors.live;

/**
 * Event-bus addresses of the live sensor data. Everything that fans out (WebSocket, SSE, MQTT publication, alert
 * evaluation) consumes these addresses rather than calling the ingest path, so a clustered event bus spreads the
 * same messages over every node without code changes.
 *
 * <p>{@link #OBSERVATIONS}: one message per committed batch, {@code {"observations":[event, …]}}, each event
 * {@code {"@iot.id", "datastream", "thing", "observedProperty", "unit", "lon", "lat", "phenomenonTime",
 * "resultTime", "result", "status"}} (lon/lat in EPSG:4326 degrees, null when the Thing has no Location; times ISO
 * 8601 UTC; phenomenonTime may be an interval {@code start/end}; status ok/warning/alarm from the alert thresholds,
 * or null for a property without thresholds). {@link #ALERTS}: one alert object per message (see
 * {@code sensors.alerts.Alert#toJson}).
 */
public final class SensorBus {
  /** Committed observations, published after the transaction committed. */
  public static final String OBSERVATIONS = "citytwin.sensors.observation";
  /** Raised, cleared and acknowledged alerts. */
  public static final String ALERTS = "citytwin.sensors.alert";

  private SensorBus() {}
}
