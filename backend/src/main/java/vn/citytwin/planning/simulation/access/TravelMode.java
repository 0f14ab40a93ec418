package vn.citytwin.planning.simulation.access;

import java.util.Locale;

/**
 * How people travel to a facility, with a default speed: walking 5 km/h (a common planning value; 5 min ≈ 417 m),
 * driving 30 km/h (a typical urban average speed in Vietnamese cities, motorbikes included).
 */
public enum TravelMode {
  WALK(5), DRIVE(30);

  private final double defaultSpeedKmh;

  TravelMode(double defaultSpeedKmh) {
    this.defaultSpeedKmh = defaultSpeedKmh;
  }

  public double defaultSpeedKmh() {
    return defaultSpeedKmh;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
