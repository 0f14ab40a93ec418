package vn.citytwin.planning.simulation.sun;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Where the sun is, seen from a place on the ground at an instant. Angles are in degrees (the names say so).
 *
 * @param instant the moment (UTC)
 * @param azimuthDeg clockwise from true north, [0, 360): 90 is east, 180 south, 270 west
 * @param elevationDeg apparent elevation above the horizon, refraction included; negative below the horizon
 * @param zenithDeg apparent zenith angle, {@code 90 - elevationDeg}
 * @param declinationDeg apparent declination of the sun
 * @param equationOfTimeMin apparent minus mean solar time, minutes
 */
public record SunPosition(Instant instant, double azimuthDeg, double elevationDeg, double zenithDeg,
                          double declinationDeg, double equationOfTimeMin) {

  /** True when the sun's centre is above the horizon (apparent elevation above 0°). */
  public boolean isUp() {
    return elevationDeg > 0;
  }

  /**
   * Ground shadow length of a vertical object per metre of its height on flat ground: {@code tan(zenith)}.
   * Undefined (infinite) when the sun is not up; callers check {@link #isUp()} first.
   */
  public double shadowLengthPerMetre() {
    return Math.tan(Math.toRadians(zenithDeg));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("time", instant.toString())
        .put("azimuthDeg", round(azimuthDeg, 4))
        .put("elevationDeg", round(elevationDeg, 4))
        .put("zenithDeg", round(zenithDeg, 4))
        .put("declinationDeg", round(declinationDeg, 4))
        .put("equationOfTimeMin", round(equationOfTimeMin, 3));
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
