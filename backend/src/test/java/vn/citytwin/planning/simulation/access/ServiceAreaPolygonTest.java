package vn.citytwin.planning.simulation.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.LocalPlane;

/** The raster buffer against the exact buffer of simple linework. */
class ServiceAreaPolygonTest {
  static final LocalPlane PLANE = new LocalPlane(107.1, 10.36);

  static Geometry line(double x0, double y0, double x1, double y1) {
    Coordinate a = PLANE.toLonLat(x0, y0);
    Coordinate b = PLANE.toLonLat(x1, y1);
    return JsonParams.WGS84.createLineString(new Coordinate[] {a, b});
  }

  @Test
  void aStraightStreetGrowsIntoAStadiumOfTheTrimDistance() {
    Geometry area = ServiceAreaPolygon.of(List.of(line(0, 0, 400, 0)), 50, JsonParams.WGS84, f -> { });
    Geometry local = PLANE.toLocal(area);
    double exact = 400 * 100 + Math.PI * 50 * 50;
    assertThat(local.getArea()).isCloseTo(exact, within(exact * 0.08));
    assertThat(local.getEnvelopeInternal().getMinX()).isCloseTo(-50, within(13.0));
    assertThat(local.getEnvelopeInternal().getMaxY()).isCloseTo(50, within(13.0));
    assertThat(area.isValid()).isTrue();
    assertThat(area.getSRID()).isEqualTo(4326);
  }

  @Test
  void separateStreetsStaySeparateAndNothingGivesNothing() {
    Geometry area = ServiceAreaPolygon.of(List.of(line(0, 0, 100, 0), line(1000, 0, 1100, 0)), 50,
        JsonParams.WGS84, f -> { });
    assertThat(area.getNumGeometries()).isEqualTo(2);
    assertThat(ServiceAreaPolygon.of(List.of(), 50, JsonParams.WGS84, f -> { })).isNull();
  }
}
