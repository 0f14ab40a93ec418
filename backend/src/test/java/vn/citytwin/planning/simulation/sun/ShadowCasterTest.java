package vn.citytwin.planning.simulation.sun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Shadow polygons and sun hours on hand-computed cases (local metres). */
class ShadowCasterTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final ShadowCaster CASTER = new ShadowCaster(GF, 2000);

  static Polygon poly(String wkt) throws Exception {
    return (Polygon) new WKTReader(GF).read(wkt);
  }

  static SunPosition sun(double azimuthDeg, double elevationDeg) {
    return new SunPosition(Instant.EPOCH, azimuthDeg, elevationDeg, 90 - elevationDeg, 0, 0);
  }

  @Test
  void tenMetreCubeWithTheSunInTheEastAt45DegreesCastsTenMetresWest() throws Exception {
    Building cube = new Building(1, poly("POLYGON((-5 -5, 5 -5, 5 5, -5 5, -5 -5))"), 10);
    Geometry s = CASTER.shadow(cube, sun(90, 45));
    Envelope e = s.getEnvelopeInternal();
    assertThat(e.getMinX()).isCloseTo(-15, within(1e-9));
    assertThat(e.getMaxX()).isCloseTo(5, within(1e-9));
    assertThat(e.getMinY()).isCloseTo(-5, within(1e-9));
    assertThat(e.getMaxY()).isCloseTo(5, within(1e-9));
    assertThat(s.getArea()).isCloseTo(200, within(1e-6));
  }

  @Test
  void lowSouthernSunCastsAShadowNorthOfLengthHeightTimesTanZenith() throws Exception {
    Building cube = new Building(1, poly("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"), 10);
    Geometry s = CASTER.shadow(cube, sun(180, 30));
    double length = 10 / Math.tan(Math.toRadians(30)); // 17.32 m
    assertThat(s.getEnvelopeInternal().getMaxY()).isCloseTo(10 + length, within(1e-9));
    assertThat(s.getEnvelopeInternal().getMinY()).isCloseTo(0, within(1e-9));
    assertThat(s.getArea()).isCloseTo(100 + 10 * length, within(1e-6));
  }

  @Test
  void diagonalSunOnASquareGivesTheHexagonalHull() throws Exception {
    Building cube = new Building(1, poly("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"), 10);
    // Sun in the south-west at 45°: shadow offset (+7.07, +7.07), length 10.
    Geometry s = CASTER.shadow(cube, sun(225, 45));
    double d = 10 / Math.sqrt(2);
    // Square + translate + two parallelograms of base 10 and height d each.
    assertThat(s.getArea()).isCloseTo(100 + 2 * 10 * d, within(1e-6));
    assertThat(s.convexHull().getArea()).isCloseTo(s.getArea(), within(1e-6));
  }

  @Test
  void nonConvexFootprintIsNotFilledLikeAConvexHull() throws Exception {
    // An L with its notch in the north-east and the sun in the north-east: the shadow falls south-west, so the
    // notch stays lit and the shadow is smaller than the hull of footprint and translate.
    Building l = new Building(1, poly("POLYGON((0 0, 20 0, 20 10, 10 10, 10 20, 0 20, 0 0))"), 5);
    Geometry s = CASTER.shadow(l, sun(45, 45)); // offset 5 m towards south-west
    Geometry hull = l.footprint().union(
        org.locationtech.jts.geom.util.AffineTransformation.translationInstance(-5 / Math.sqrt(2), -5 / Math.sqrt(2))
            .transform(l.footprint())).convexHull();
    assertThat(s.getArea()).isLessThan(hull.getArea() - 1);
    assertThat(s.covers(l.footprint())).isTrue();
    // The notch's inner corner (15, 15) is lit: the sun is behind it, nothing stands north-east of it.
    assertThat(s.covers(GF.createPoint(new org.locationtech.jts.geom.Coordinate(15, 15)))).isFalse();
  }

  @Test
  void noShadowWhenTheSunIsDownAndLongShadowsAreCapped() throws Exception {
    Building cube = new Building(1, poly("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"), 100);
    assertThat(CASTER.shadow(cube, sun(270, -1))).isNull();
    ShadowCaster capped = new ShadowCaster(GF, 300);
    assertThat(capped.offset(100, sun(270, 1)).distance(new org.locationtech.jts.geom.Coordinate(0, 0)))
        .isCloseTo(300, within(1e-9));
  }

  @Test
  void aPointEastOfATallTowerGetsLessAfternoonSunThanWithoutTheTower() throws Exception {
    ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
    List<SunSample> samples = new ArrayList<>();
    for (int m = 12 * 60; m < 18 * 60; m += 10) {
      Instant mid = LocalDate.of(2025, 3, 20).atStartOfDay(vn).plusMinutes(m + 5).toInstant();
      samples.add(new SunSample(SolarPosition.at(mid, 10.34, 107.09), 10 / 60.0));
    }
    Building tower = new Building(7, poly("POLYGON((-10 -10, 10 -10, 10 10, -10 10, -10 -10))"), 80);
    Geometry east = poly("POLYGON((30 -5, 40 -5, 40 5, 30 5, 30 -5))");
    SunHours hours = new SunHours(GF, CASTER);
    SunHours.Result without = hours.compute(east, List.of(), samples, 2, f -> { });
    SunHours.Result with = hours.compute(east, List.of(tower), samples, 2, f -> { });
    // Without buildings every sample is sunny: the sun sets after 18:00 at the equinox (about 18:05).
    assertThat(without.averageHours()).isCloseTo(without.possibleHours(), within(1e-9));
    assertThat(without.possibleHours()).isCloseTo(6.0, within(1e-9));
    assertThat(with.averageHours()).isLessThan(without.averageHours() - 1);
    assertThat(with.points()).allSatisfy(p -> assertThat(p.hours()).isLessThan(without.possibleHours()));
    assertThat(with.points()).hasSize(25);
    // A morning range is not affected: the tower's shadow then points west, away from the area.
    List<SunSample> morning = new ArrayList<>();
    for (int m = 7 * 60; m < 11 * 60; m += 10) {
      Instant mid = LocalDate.of(2025, 3, 20).atStartOfDay(vn).plusMinutes(m + 5).toInstant();
      morning.add(new SunSample(SolarPosition.at(mid, 10.34, 107.09), 10 / 60.0));
    }
    SunHours.Result am = hours.compute(east, List.of(tower), morning, 2, f -> { });
    assertThat(am.averageHours()).isCloseTo(am.possibleHours(), within(1e-9));
  }
}
