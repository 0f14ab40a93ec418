package vn.citytwin.planning.simulation.sun;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The sun's position by the NOAA solar calculator algorithm, itself Jean Meeus' "Astronomical Algorithms" (2nd ed.,
 * chapters 22 and 25, low-accuracy solar coordinates) plus the equation of time and NOAA's refraction model.
 * Claimed accuracy is about 0.01° for 1800–2100, well inside the 0.1° the viewer and the shadow model need; the
 * tests check it against the NREL SPA paper's published example and an independent sidereal-time computation.
 *
 * <p>Simplifications, all far below 0.1°: universal time is used for dynamical time (ΔT ≈ 69 s moves the sun by
 * less than 0.001°); no topocentric parallax (under 0.0025°); refraction is NOAA's piecewise model for a standard
 * atmosphere (1010 hPa, 10 °C), scaled by pressure and temperature as Meeus (16.4) suggests.
 *
 * <p>Coordinates: latitude north positive, longitude east positive, degrees (WGS 84 is close enough: the
 * difference to astronomical coordinates is seconds of arc).
 */
public final class SolarPosition {
  /** Standard atmosphere for refraction. */
  public static final double STANDARD_PRESSURE_HPA = 1010;
  public static final double STANDARD_TEMPERATURE_C = 10;
  /**
   * Apparent elevation of the sun's centre at sunrise and sunset: −(34′ refraction + 16′ semi-diameter), the
   * convention of the NOAA calculator, the Astronomical Almanac and the SPA.
   */
  public static final double SUNRISE_ELEVATION_DEG = -0.8333;

  private static final double JD_UNIX_EPOCH = 2440587.5;
  private static final double JD_J2000 = 2451545.0;

  private SolarPosition() {}

  /** The position at {@code instant} for a standard atmosphere. */
  public static SunPosition at(Instant instant, double latDeg, double lonDeg) {
    return at(instant, latDeg, lonDeg, STANDARD_PRESSURE_HPA, STANDARD_TEMPERATURE_C);
  }

  /**
   * The position at {@code instant}.
   *
   * @param pressureHpa local air pressure for refraction (hPa)
   * @param temperatureC local air temperature for refraction (°C)
   * @throws IllegalArgumentException for a latitude outside [−90, 90] or a longitude outside [−180, 180]
   */
  public static SunPosition at(Instant instant, double latDeg, double lonDeg, double pressureHpa,
                               double temperatureC) {
    if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90] and longitude in [-180, 180]");
    }
    double jd = instant.getEpochSecond() / 86400.0 + instant.getNano() / 86400e9 + JD_UNIX_EPOCH;
    double t = (jd - JD_J2000) / 36525.0; // Julian centuries since J2000.0

    // Meeus 25.2–25.4: geometric mean longitude and anomaly, eccentricity of Earth's orbit.
    double l0 = norm360(280.46646 + t * (36000.76983 + t * 0.0003032));
    double m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
    double e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
    double mr = Math.toRadians(m);
    // Equation of the centre, true and apparent longitude (nutation and aberration through Ω).
    double c = Math.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t))
        + Math.sin(2 * mr) * (0.019993 - 0.000101 * t)
        + Math.sin(3 * mr) * 0.000289;
    double omega = Math.toRadians(125.04 - 1934.136 * t);
    double lambda = Math.toRadians(l0 + c - 0.00569 - 0.00478 * Math.sin(omega));
    // Meeus 22.2 mean obliquity, corrected for nutation (25.8).
    double eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
    double eps = Math.toRadians(eps0 + 0.00256 * Math.cos(omega));
    double decl = Math.asin(Math.sin(eps) * Math.sin(lambda));

    // Equation of time (Smart's series, as in the NOAA calculator), minutes.
    double y = Math.pow(Math.tan(eps / 2), 2);
    double l0r = Math.toRadians(l0);
    double eqTime = 4 * Math.toDegrees(y * Math.sin(2 * l0r) - 2 * e * Math.sin(mr)
        + 4 * e * y * Math.sin(mr) * Math.cos(2 * l0r) - 0.5 * y * y * Math.sin(4 * l0r)
        - 1.25 * e * e * Math.sin(2 * mr));

    // True solar time from UTC minutes of the day; hour angle positive in the afternoon (west).
    double utcMinutes = ((jd + 0.5) - Math.floor(jd + 0.5)) * 1440.0;
    double trueSolarMinutes = utcMinutes + eqTime + 4 * lonDeg;
    double hourAngle = Math.toRadians(norm360(trueSolarMinutes / 4) - 180);

    double lat = Math.toRadians(latDeg);
    double sinElev = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
    double geometricElev = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinElev))));
    // Azimuth from north, clockwise (Meeus 13.5 measures from south; this form measures from north directly).
    double az = Math.toDegrees(Math.atan2(-Math.cos(decl) * Math.sin(hourAngle),
        Math.sin(decl) * Math.cos(lat) - Math.cos(decl) * Math.cos(hourAngle) * Math.sin(lat)));
    double elevation = geometricElev + refractionDeg(geometricElev, pressureHpa, temperatureC);
    return new SunPosition(instant, norm360(az), elevation, 90 - elevation, Math.toDegrees(decl), eqTime);
  }

  /** Geometric (airless) elevation: for rise/set searches that use the −0.8333° convention. */
  static double geometricElevation(Instant instant, double latDeg, double lonDeg) {
    SunPosition p = at(instant, latDeg, lonDeg, 0, STANDARD_TEMPERATURE_C); // zero pressure: no refraction
    return p.elevationDeg();
  }

  /**
   * NOAA's atmospheric refraction (degrees) for a geometric elevation, scaled by pressure and temperature.
   * Below −0.575° the formula is NOAA's too; it matters only for the sunrise search, which does not use it.
   */
  static double refractionDeg(double elevDeg, double pressureHpa, double temperatureC) {
    if (elevDeg > 85 || pressureHpa <= 0) {
      return 0;
    }
    double te = Math.tan(Math.toRadians(elevDeg));
    double arcsec;
    if (elevDeg > 5) {
      arcsec = 58.1 / te - 0.07 / Math.pow(te, 3) + 0.000086 / Math.pow(te, 5);
    } else if (elevDeg > -0.575) {
      arcsec = 1735 + elevDeg * (-518.2 + elevDeg * (103.4 + elevDeg * (-12.79 + elevDeg * 0.711)));
    } else {
      arcsec = -20.772 / te;
    }
    double scale = (pressureHpa / STANDARD_PRESSURE_HPA) * (283.0 / (273.0 + temperatureC));
    return arcsec / 3600.0 * scale;
  }

  /**
   * Sunrise, solar noon and sunset of a local calendar day, found by bisection on the position function (no
   * separate approximation to disagree with it). Sunrise and sunset are null when the sun does not cross
   * {@link #SUNRISE_ELEVATION_DEG} that day (polar day or night).
   */
  public static SunTimes times(LocalDate date, ZoneId zone, double latDeg, double lonDeg) {
    Instant midnight = date.atStartOfDay(zone).toInstant();
    // Solar noon: where the hour angle is zero; start from mean noon and correct by the equation of time twice.
    Instant noon = midnight.plus(Duration.ofHours(12));
    for (int i = 0; i < 3; i++) {
      SunPosition p = at(noon, latDeg, lonDeg);
      double utcMinutes = (noon.getEpochSecond() % 86400) / 60.0;
      double solarMinutes = utcMinutes + p.equationOfTimeMin() + 4 * lonDeg;
      double offset = ((solarMinutes - 720) % 1440 + 1440 + 720) % 1440 - 720; // minutes from true noon
      noon = noon.minusMillis(Math.round(offset * 60_000));
    }
    Instant rise = crossing(noon.minus(Duration.ofHours(12)), noon, latDeg, lonDeg, true);
    Instant set = crossing(noon, noon.plus(Duration.ofHours(12)), latDeg, lonDeg, false);
    return new SunTimes(date, rise, noon, set);
  }

  private static Instant crossing(Instant from, Instant to, double lat, double lon, boolean rising) {
    double fa = geometricElevation(from, lat, lon) - SUNRISE_ELEVATION_DEG;
    double fb = geometricElevation(to, lat, lon) - SUNRISE_ELEVATION_DEG;
    if ((rising && !(fa < 0 && fb > 0)) || (!rising && !(fa > 0 && fb < 0))) {
      return null;
    }
    long a = from.toEpochMilli();
    long b = to.toEpochMilli();
    while (b - a > 500) {
      long mid = (a + b) / 2;
      double fm = geometricElevation(Instant.ofEpochMilli(mid), lat, lon) - SUNRISE_ELEVATION_DEG;
      if ((fm < 0) == rising) {
        a = mid;
      } else {
        b = mid;
      }
    }
    return Instant.ofEpochSecond(Math.round((a + b) / 2000.0));
  }

  static double norm360(double deg) {
    double d = deg % 360;
    return d < 0 ? d + 360 : d;
  }
}
