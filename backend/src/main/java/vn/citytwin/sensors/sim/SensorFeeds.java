package vn.citytwin.sensors.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Realistic readings for the Vũng Tàu demo stations as functions of time (values from
 * {@code shared/design/pilot-city.md} §5 and §8). Each is deterministic in (time, station seed) apart from a small
 * noise term the caller passes in ({@code noise} in [-1, 1]), so tests can pin values and demos look alive.
 * Hours are local (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
 */
public final class SensorFeeds {
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
  /** Tide constituents: period (hours), amplitude (m), phase (radians). Mean sea level 2.5 m above chart datum. */
  private static final double[][] TIDE = {{12.4206, 0.78, 0.0}, {12.0, 0.30, 0.6}, {23.9345, 0.58, 1.9},
      {25.8193, 0.43, 4.2}};
  private static final double MSL_CD = 2.5;

  /** A rain event: starts at {@code start}, rains for {@code hours}, then the canals drain. */
  public record Rain(Instant start, double hours) {
    /** 0 before the rain, rising to 1 while it rains, then decaying with a 2-hour time constant. */
    double load(Instant t) {
      double h = (t.getEpochSecond() - start.getEpochSecond()) / 3600.0;
      if (h < 0) {
        return 0;
      }
      if (h <= hours) {
        return h / hours;
      }
      return Math.exp(-(h - hours) / 2.0);
    }

    /** mm per hour at {@code t}: heavy in the middle of the event. */
    double intensity(Instant t) {
      double h = (t.getEpochSecond() - start.getEpochSecond()) / 3600.0;
      return h < 0 || h > hours ? 0 : 40 * Math.sin(Math.PI * h / hours);
    }
  }

  private SensorFeeds() {}

  /**
   * The reading of an observed property at {@code t}; the property is recognised by name (PM2.5, PM10,
   * temperature, humidity, water level / tide, traffic, noise, rain, salinity, pH, oxygen), anything else gets a
   * gentle diurnal wave.
   *
   * @param tideGauge whether a water level belongs to the sea tide gauge (m above chart datum) rather than a canal
   *     or lake (m above VN-2000)
   * @param site a per-station factor around 1 (e.g. 1.3 at a traffic junction or a low-lying canal)
   */
  public static double value(String property, boolean tideGauge, double site, Instant t, Rain rain, double noise) {
    String p = property.toLowerCase(Locale.ROOT);
    double h = localHour(t);
    if (p.contains("pm2.5") || p.contains("pm2,5") || p.contains("pm25")) {
      return round(Math.max(3, pm25(h, site) + 2.0 * noise), 1);
    }
    if (p.contains("pm10")) {
      return round(Math.max(5, 1.7 * pm25(h, site) + 3.0 * noise), 1);
    }
    if (p.contains("water temperature")) {
      return round(28.8 + 0.8 * Math.cos(2 * Math.PI * (h - 15) / 24) + 0.1 * noise, 1);
    }
    if (p.equals("no2")) {
      return round(Math.max(2, 8 + 0.12 * traffic(h, site) + 3 * noise), 1);
    }
    if (p.equals("o3")) {
      return round(Math.max(5, 45 + 35 * Math.cos(2 * Math.PI * (h - 14) / 24) + 4 * noise), 1);
    }
    if (p.equals("co")) {
      return round(Math.max(200, 500 + 2.5 * traffic(h, site) + 60 * noise), 0);
    }
    if (p.contains("turbidity")) {
      return round(Math.max(1, 8 + 25 * rain.load(t) + 2 * noise), 1);
    }
    if (p.contains("temperature")) {
      return round(28.5 + 4.5 * Math.cos(2 * Math.PI * (h - 14) / 24) + 0.3 * noise, 1);
    }
    if (p.contains("humidity")) {
      return round(Math.min(98, 80 - 15 * Math.cos(2 * Math.PI * (h - 14) / 24) + 20 * rain.load(t) + noise), 1);
    }
    if (p.contains("sea level") || p.contains("tide") || (p.contains("water level") && tideGauge)) {
      // Metres above VN-2000, whose zero lies about at mean sea level (2.5 m above chart datum at Vũng Tàu).
      return round(tide(t) - MSL_CD + 0.02 * noise, 2);
    }
    if (p.contains("water level") || p.contains("water_level")) {
      // A canal or lake: a little tidal backwater, and the rain event filling it.
      return round(0.6 + 0.12 * (tide(t) - MSL_CD) + 1.6 * site * rain.load(t) + 0.01 * noise, 2);
    }
    if (p.contains("speed") && !p.contains("wind")) {
      // Mean traffic speed, km/h: free flow at night, slowest in the rush hours.
      return round(Math.max(8, 48 - 0.09 * traffic(h, site) + 2 * noise), 1);
    }
    if (p.contains("wind")) {
      // m/s: the afternoon sea breeze.
      return round(Math.max(0, 3 + 2.5 * Math.cos(2 * Math.PI * (h - 15) / 24) + 0.6 * noise), 1);
    }
    if (p.contains("pressure")) {
      // hPa: the tropical semidiurnal pressure tide, peaks near 10 h and 22 h.
      return round(1009 + 1.2 * Math.cos(2 * Math.PI * (h - 10) / 12) + 0.2 * noise, 1);
    }
    if (p.contains("traffic") || p.contains("vehicle")) {
      return Math.max(0, Math.round(traffic(h, site) * (1 + 0.1 * noise)));
    }
    if (p.contains("noise") || p.contains("sound")) {
      return round(52 + 9 * Math.log10(1 + traffic(h, site) / 20) + noise, 1);
    }
    if (p.contains("rain") || p.contains("precipitation")) {
      return round(Math.max(0, rain.intensity(t) * (1 + 0.2 * noise)), 1);
    }
    if (p.contains("salinity")) {
      return round(30 + 2 * Math.cos(2 * Math.PI * (tide(t) - MSL_CD) / 4) - 8 * rain.load(t) + 0.3 * noise, 2);
    }
    if (p.equals("ph") || p.contains(" ph") || p.startsWith("ph ")) {
      return round(8.1 + 0.15 * Math.sin(2 * Math.PI * (h - 15) / 24) + 0.03 * noise, 2);
    }
    if (p.contains("oxygen") || p.equals("do")) {
      return round(6.2 + 0.9 * Math.sin(2 * Math.PI * (h - 9) / 24) + 0.1 * noise, 2);
    }
    return round(50 + 20 * Math.sin(2 * Math.PI * h / 24) + noise, 1);
  }

  /** PM2.5 µg/m³: night inversions and the two rush hours on a 5–35 base, higher at junctions. */
  static double pm25(double h, double site) {
    double base = 12 + 4 * Math.cos(2 * Math.PI * (h - 4) / 24);
    double rush = 9 * Math.exp(-sq(h - 7.5) / 0.8) + 8 * Math.exp(-sq(h - 17.8) / 1.0);
    return site * (base + rush);
  }

  /** Vehicles per 5 minutes on an arterial (30–50k a day): peaks at 07–08 h and 17–18 h. */
  static double traffic(double h, double site) {
    double day = h > 6 && h < 22 ? 90 * Math.sin(Math.PI * (h - 6) / 16) : 0;
    double peaks = 210 * Math.exp(-sq(h - 7.5) / 0.7) + 230 * Math.exp(-sq(h - 17.5) / 0.9);
    return site * (12 + day + peaks);
  }

  /** Sea level at the Vũng Tàu gauge, m above chart datum (irregular semidiurnal, ~0.4–4.4 m). */
  public static double tide(Instant t) {
    double hours = t.getEpochSecond() / 3600.0;
    double level = MSL_CD;
    for (double[] c : TIDE) {
      level += c[1] * Math.cos(2 * Math.PI * hours / c[0] + c[2]);
    }
    return level;
  }

  static double localHour(Instant t) {
    ZonedDateTime local = t.atZone(VIETNAM);
    return local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
  }

  private static double sq(double x) {
    return x * x;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
