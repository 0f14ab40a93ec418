package vn.citytwin.planning.simulation.sun;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Sunrise, solar noon (transit) and sunset of a local day. Sunrise and sunset are the instants the apparent
 * elevation of the sun's centre crosses {@link SolarPosition#SUNRISE_ELEVATION_DEG}; null when it does not that day.
 */
public record SunTimes(LocalDate date, Instant sunrise, Instant solarNoon, Instant sunset) {

  /** Hours between sunrise and sunset; 0 when either is missing. */
  public double dayLengthHours() {
    return sunrise == null || sunset == null ? 0 : Duration.between(sunrise, sunset).toMillis() / 3_600_000.0;
  }

  public JsonObject toJson(ZoneId zone) {
    return new JsonObject()
        .put("date", date.toString())
        .put("sunrise", sunrise == null ? null : sunrise.atZone(zone).toOffsetDateTime().toString())
        .put("solarNoon", solarNoon.atZone(zone).toOffsetDateTime().toString())
        .put("sunset", sunset == null ? null : sunset.atZone(zone).toOffsetDateTime().toString())
        .put("dayLengthHours", SunPosition.round(dayLengthHours(), 4));
  }
}
