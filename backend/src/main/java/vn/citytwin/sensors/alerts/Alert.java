package vn.citytwin.sensors.alerts;

import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import vn.citytwin.sensors.StaTime;

/**
 * One alert of the history ({@code sensor.alerts}) with its datastream's property, unit, Thing and position.
 *
 * @param level {@code warning}, {@code alarm} or {@code stale}
 * @param value the reading that raised it (null for stale)
 * @param threshold the bound it crossed (null for stale)
 * @param lon EPSG:4326 degrees, null when the Thing has no Location; same for lat
 */
public record Alert(long id, long datastream, String level, Double value, Double threshold, Long observationId,
                    Instant observedAt, Instant raisedAt, Instant clearedAt, String message, Instant acknowledgedAt,
                    String acknowledgedBy, String note, long thing, String observedProperty, String unit,
                    Double lon, Double lat) {

  /** Reads a row of {@code sql/sensors/alerts/select.sql}. */
  static Alert read(ResultSet rs) throws SQLException {
    return new Alert(rs.getLong("id"), rs.getLong("datastream_id"), rs.getString("level"), dbl(rs, "value"),
        dbl(rs, "threshold"), (Long) rs.getObject("observation_id"), time(rs, "observed_at"),
        time(rs, "raised_at"), time(rs, "cleared_at"), rs.getString("message"), time(rs, "acknowledged_at"),
        rs.getString("acknowledged_by"), rs.getString("ack_note"), rs.getLong("thing_id"),
        rs.getString("observed_property"), rs.getString("unit"), dbl(rs, "lon"), dbl(rs, "lat"));
  }

  /**
   * The JSON of the API and of the live channel; {@code event} says what just happened ({@code raised},
   * {@code cleared}, {@code acknowledged}) or is null in listings.
   */
  public JsonObject toJson(String event) {
    JsonObject o = new JsonObject();
    if (event != null) {
      o.put("event", event);
    }
    return o.put("id", id).put("datastream", datastream).put("thing", thing)
        .put("observedProperty", observedProperty).put("unit", unit).put("lon", lon).put("lat", lat)
        .put("level", level).put("value", value).put("threshold", threshold).put("observationId", observationId)
        .put("observedAt", StaTime.format(observedAt)).put("raisedAt", StaTime.format(raisedAt))
        .put("clearedAt", StaTime.format(clearedAt)).put("acknowledgedAt", StaTime.format(acknowledgedAt))
        .put("acknowledgedBy", acknowledgedBy).put("note", note).put("message", message);
  }

  private static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
