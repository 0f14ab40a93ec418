package vn.citytwin.sensors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulated feeds stay within the ranges of pilot-city.md §5 and §8 and have the expected daily shapes. */
class SensorFeedsTest {
  static final Instant MIDNIGHT_LOCAL = Instant.parse("2026-12-06T17:00:00Z"); // 00:00 in Việt Nam (UTC+7)
  static final SensorFeeds.Rain NO_RAIN = new SensorFeeds.Rain(Instant.parse("2100-01-01T00:00:00Z"), 1);

  static double at(String property, double localHour, SensorFeeds.Rain rain) {
    return SensorFeeds.value(property, false, 1.0, MIDNIGHT_LOCAL.plusSeconds((long) (localHour * 3600)), rain, 0);
  }

  @Test
  void theTideIsSemidiurnalAroundTwoAndAHalfMetresWithSpringPeaksNearFour() {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    int highWaters = 0;
    Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
    double prev2 = SensorFeeds.tide(t0);
    double prev = SensorFeeds.tide(t0.plusSeconds(600));
    int days = 30;
    for (int i = 2; i < days * 144; i++) {
      double v = SensorFeeds.tide(t0.plusSeconds(600L * i));
      if (prev > prev2 && prev >= v) {
        highWaters++;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      prev2 = prev;
      prev = v;
    }
    assertThat(min).isBetween(0.0, 1.5);
    assertThat(max).isBetween(3.8, 4.7);
    // Irregular semidiurnal: between one and two high waters a day, mostly two.
    assertThat(highWaters).isBetween(days * 3 / 2, days * 2 + 2);
  }

  @Test
  void pm25AndTrafficPeakAtTheRushHoursAndTemperatureInTheAfternoon() {
    assertThat(at("PM2.5", 7.5, NO_RAIN)).isGreaterThan(at("PM2.5", 13, NO_RAIN) + 5).isLessThan(40);
    assertThat(at("PM2.5", 13, NO_RAIN)).isGreaterThan(5);
    assertThat(at("Traffic volume", 17.5, NO_RAIN)).isGreaterThan(3 * at("Traffic volume", 3, NO_RAIN));
    assertThat(at("Air temperature", 14, NO_RAIN)).isBetween(32.0, 33.5);
    assertThat(at("Air temperature", 2, NO_RAIN)).isBetween(23.5, 25.0);
    assertThat(at("Relative humidity", 2, NO_RAIN)).isGreaterThan(at("Relative humidity", 14, NO_RAIN));
    assertThat(at("Noise level", 17.5, NO_RAIN)).isBetween(60.0, 80.0);
    assertThat(at("Mean speed", 7.5, NO_RAIN)).isLessThan(at("Mean speed", 3, NO_RAIN) - 15);
    assertThat(at("Wind speed", 15, NO_RAIN)).isGreaterThan(at("Wind speed", 3, NO_RAIN));
    assertThat(at("Air pressure", 10, NO_RAIN)).isBetween(1005.0, 1013.0);
    assertThat(Math.abs(at("Sea level", 3, NO_RAIN))).as("m above VN-2000, about mean sea level").isLessThan(2.2);
  }

  @Test
  void aRainEventFillsTheCanalsPastTheWarningLevelAndTheyDrainAfterwards() {
    Instant rainStart = MIDNIGHT_LOCAL.plus(Duration.ofHours(10));
    SensorFeeds.Rain rain = new SensorFeeds.Rain(rainStart, 1);
    double before = at("Water level", 9.5, rain);
    double peak = at("Water level", 11, rain);
    double later = at("Water level", 20, rain);
    assertThat(before).isLessThan(1.0);
    assertThat(peak).isGreaterThan(1.82);
    assertThat(later).isLessThan(1.0);
    assertThat(at("Rainfall", 10.5, rain)).isGreaterThan(30);
    assertThat(at("Rainfall", 12, rain)).isZero();
  }
}
