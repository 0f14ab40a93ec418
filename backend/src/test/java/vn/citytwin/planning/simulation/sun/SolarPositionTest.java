package vn.citytwin.planning.simulation.sun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Solar position against published reference values and an independent algorithm. */
class SolarPositionTest {
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  static final double VT_LAT = 10.3436;
  static final double VT_LON = 107.0953;

  /**
   * Reda & Andreas, "Solar Position Algorithm for Solar Radiation Applications" (NREL/TP-560-34302, 2004/2008),
   * the worked example: 17 Oct 2003 12:30:30 local (UTC−7) at 39.742476 N, 105.1786 W, 820 mbar, 11 °C.
   * Published: topocentric zenith 50.11162°, azimuth 194.34024°; sunrise 06:12:43, transit 11:46:04.
   */
  @Test
  void nrelSpaPaperExampleWithinATenthOfADegree() {
    Instant t = OffsetDateTime.of(2003, 10, 17, 12, 30, 30, 0, ZoneOffset.ofHours(-7)).toInstant();
    SunPosition p = SolarPosition.at(t, 39.742476, -105.1786, 820, 11);
    assertThat(p.zenithDeg()).isCloseTo(50.11162, within(0.1));
    assertThat(p.azimuthDeg()).isCloseTo(194.34024, within(0.1));
    // In fact much closer: the algorithm's own accuracy is about 0.01°.
    assertThat(p.zenithDeg()).isCloseTo(50.11162, within(0.02));
    assertThat(p.azimuthDeg()).isCloseTo(194.34024, within(0.02));
  }

  @Test
  void nrelSpaPaperSunriseTransitSunsetWithinAMinute() {
    ZoneId mst = ZoneOffset.ofHours(-7);
    SunTimes times = SolarPosition.times(LocalDate.of(2003, 10, 17), mst, 39.742476, -105.1786);
    assertThat(secondsBetween(times.sunrise(), LocalDateTime.of(2003, 10, 17, 6, 12, 43), mst)).isLessThan(60);
    assertThat(secondsBetween(times.solarNoon(), LocalDateTime.of(2003, 10, 17, 11, 46, 4), mst)).isLessThan(60);
    // The paper prints 17:20:19 for sunset; its own reference code and later corrected ports give 17:18:51 and
    // the NOAA calculator 17:19 (the printed value is a known slip), so sunset is held to those.
    assertThat(secondsBetween(times.sunset(), LocalDateTime.of(2003, 10, 17, 17, 18, 51), mst)).isLessThan(60);
    assertThat(secondsBetween(times.sunset(), LocalDateTime.of(2003, 10, 17, 17, 20, 19), mst)).isLessThan(120);
  }

  /**
   * Meeus, Astronomical Algorithms, Example 25.a (1992 Oct 13.0 TD): apparent declination −7.78507°; and
   * Example 28.b: equation of time +13m42.7s.
   */
  @Test
  void meeusWorkedExamples() {
    SunPosition p = SolarPosition.at(Instant.parse("1992-10-13T00:00:00Z"), 0, 0);
    assertThat(p.declinationDeg()).isCloseTo(-7.78507, within(0.002));
    assertThat(p.equationOfTimeMin()).isCloseTo(13 + 42.7 / 60, within(0.05));
  }

  /**
   * Vũng Tàu through the day on four dates, against an independent computation: the Astronomical Almanac's
   * low-precision formulas via Greenwich mean sidereal time (Michalsky 1988), which shares no code and not the
   * equation-of-time route with the class under test.
   */
  @ParameterizedTest
  @CsvSource({"2025-03-20", "2025-06-21", "2025-09-23", "2025-12-22", "2026-02-14"})
  void vungTauAgreesWithAnIndependentSiderealTimeComputation(String date) {
    for (int hour = 6; hour <= 18; hour++) {
      Instant t = LocalDate.parse(date).atTime(hour, 17).atZone(VN).toInstant();
      SunPosition p = SolarPosition.at(t, VT_LAT, VT_LON);
      double[] ref = almanac(t, VT_LAT, VT_LON);
      if (ref[0] < 2) {
        continue; // refraction models differ most near the horizon; compared above 2° only
      }
      assertThat(p.elevationDeg()).as("elevation %s %d:17", date, hour).isCloseTo(ref[0], within(0.1));
      assertThat(angleDiff(p.azimuthDeg(), ref[1])).as("azimuth %s %d:17", date, hour).isLessThan(0.1);
    }
  }

  @Test
  void inJuneTheNoonSunStandsNorthOfVungTauAndInDecemberSouth() {
    SunTimes june = SolarPosition.times(LocalDate.of(2025, 6, 21), VN, VT_LAT, VT_LON);
    SunPosition pj = SolarPosition.at(june.solarNoon(), VT_LAT, VT_LON);
    assertThat(angleDiff(pj.azimuthDeg(), 0)).isLessThan(0.5);
    // 90° − (δ − φ) with δ ≈ 23.44° on the solstice.
    assertThat(pj.elevationDeg()).isCloseTo(90 - (23.44 - VT_LAT), within(0.05));
    SunTimes dec = SolarPosition.times(LocalDate.of(2025, 12, 21), VN, VT_LAT, VT_LON);
    SunPosition pd = SolarPosition.at(dec.solarNoon(), VT_LAT, VT_LON);
    assertThat(pd.azimuthDeg()).isCloseTo(180, within(0.5));
    assertThat(pd.elevationDeg()).isCloseTo(90 - (23.44 + VT_LAT), within(0.05));
    // Near the equator the day is close to 12 h all year: about 11.5 h in December, 12.7 h in June.
    assertThat(june.dayLengthHours()).isBetween(12.5, 12.9);
    assertThat(dec.dayLengthHours()).isBetween(11.3, 11.7);
    assertThat(june.sunrise().atZone(VN).getHour()).isEqualTo(5);
  }

  @Test
  void polarNightHasNoSunriseAndBadCoordinatesAreRejected() {
    SunTimes t = SolarPosition.times(LocalDate.of(2025, 12, 21), ZoneOffset.UTC, 80, 0);
    assertThat(t.sunrise()).isNull();
    assertThat(t.sunset()).isNull();
    assertThat(t.dayLengthHours()).isZero();
    assertThatThrownBy(() -> SolarPosition.at(Instant.now(), 91, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SolarPosition.at(Instant.now(), 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** [elevation with Almanac refraction, azimuth from north], degrees. */
  static double[] almanac(Instant t, double latDeg, double lonDeg) {
    double jd = t.getEpochSecond() / 86400.0 + 2440587.5;
    double n = jd - 2451545.0;
    double lMean = mod(280.460 + 0.9856474 * n, 360);
    double g = Math.toRadians(mod(357.528 + 0.9856003 * n, 360));
    double lambda = Math.toRadians(lMean + 1.915 * Math.sin(g) + 0.020 * Math.sin(2 * g));
    double eps = Math.toRadians(23.439 - 0.0000004 * n);
    double ra = Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda));
    double dec = Math.asin(Math.sin(eps) * Math.sin(lambda));
    double utHours = (t.getEpochSecond() % 86400) / 3600.0;
    double jd0 = Math.floor(jd - 0.5) + 0.5;
    double gmst = mod(6.697375 + 0.0657098242 * (jd0 - 2451545.0) + 1.00273791 * utHours, 24);
    double lmst = gmst + lonDeg / 15;
    double ha = Math.toRadians(mod(lmst * 15 - Math.toDegrees(ra) + 180, 360) - 180);
    double lat = Math.toRadians(latDeg);
    double el = Math.asin(Math.sin(dec) * Math.sin(lat) + Math.cos(dec) * Math.cos(lat) * Math.cos(ha));
    double az = Math.atan2(-Math.sin(ha), Math.tan(dec) * Math.cos(lat) - Math.sin(lat) * Math.cos(ha));
    double elDeg = Math.toDegrees(el);
    // Almanac refraction (Bennett-like, 10 °C, 1010 hPa), for elevations above the horizon.
    double refr = elDeg > -0.56 ? 3.51561 * (0.1594 + 0.0196 * elDeg + 0.00002 * elDeg * elDeg)
        / (1 + 0.505 * elDeg + 0.0845 * elDeg * elDeg) : 0.56;
    return new double[] {elDeg + refr, mod(Math.toDegrees(az), 360)};
  }

  static double mod(double a, double m) {
    double r = a % m;
    return r < 0 ? r + m : r;
  }

  static double angleDiff(double a, double b) {
    double d = Math.abs(a - b) % 360;
    return d > 180 ? 360 - d : d;
  }

  static long secondsBetween(Instant actual, LocalDateTime expectedLocal, ZoneId zone) {
    return Math.abs(Duration.between(actual, expectedLocal.atZone(zone).toInstant()).getSeconds());
  }
}
