package vn.citytwin.planning.simulation.sun;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The ground shadow of an extruded footprint: the area swept by the footprint when it slides from the ground to
 * its roof's projection, that is the union of the footprint, the footprint translated by
 * {@code height · tan(zenith)} away from the sun, and the parallelogram each footprint edge sweeps on the way.
 * That is exact for a prism on flat horizontal ground (for a convex footprint it equals the convex hull of the
 * footprint and its translate); terrain and the heights of neighbouring roofs are ignored.
 *
 * <p>Works in a {@link LocalPlane} (metres, x east, y north).
 */
public final class ShadowCaster {
  private final GeometryFactory factory;
  private final double maxLengthM;

  /**
   * @param maxLengthM longest shadow drawn; near sunrise and sunset shadows grow without bound and are cut here
   */
  public ShadowCaster(GeometryFactory factory, double maxLengthM) {
    this.factory = factory;
    this.maxLengthM = maxLengthM;
  }

  /** The horizontal offset (metres, x east, y north) of the roof's shadow from the footprint. */
  public Coordinate offset(double heightM, SunPosition sun) {
    double length = Math.min(heightM * sun.shadowLengthPerMetre(), maxLengthM);
    double az = Math.toRadians(sun.azimuthDeg());
    // Away from the sun: the sun stands at (sin az, cos az); the shadow points the opposite way.
    return new Coordinate(-Math.sin(az) * length, -Math.cos(az) * length);
  }

  /**
   * The ground shadow of one building, or null when the sun is not up (then everything is in shade and the
   * notion does not apply).
   */
  public Geometry shadow(Building b, SunPosition sun) {
    if (!sun.isUp()) {
      return null;
    }
    Coordinate d = offset(b.heightM(), sun);
    Polygon footprint = b.footprint();
    if (isConvex(footprint)) {
      // The common case (rectangular blocks): the hull of the footprint and its translate, without a union.
      Coordinate[] ring = footprint.getExteriorRing().getCoordinates();
      Coordinate[] both = new Coordinate[2 * ring.length];
      for (int i = 0; i < ring.length; i++) {
        both[i] = ring[i];
        both[ring.length + i] = new Coordinate(ring[i].x + d.x, ring[i].y + d.y);
      }
      return factory.createMultiPointFromCoords(both).convexHull();
    }
    List<Geometry> parts = new ArrayList<>();
    parts.add(footprint);
    parts.add(AffineTransformation.translationInstance(d.x, d.y).transform(footprint));
    addSweeps(footprint.getExteriorRing(), d, parts);
    for (int i = 0; i < footprint.getNumInteriorRing(); i++) {
      addSweeps(footprint.getInteriorRingN(i), d, parts);
    }
    return UnaryUnionOp.union(parts);
  }

  /** A footprint without holes that equals its convex hull (to a millionth of its area). */
  static boolean isConvex(Polygon p) {
    if (p.getNumInteriorRing() > 0) {
      return false;
    }
    double area = p.getArea();
    return p.convexHull().getArea() - area <= area * 1e-6;
  }

  private void addSweeps(LineString ring, Coordinate d, List<Geometry> parts) {
    Coordinate[] c = ring.getCoordinates();
    for (int i = 0; i + 1 < c.length; i++) {
      Coordinate p = c[i];
      Coordinate q = c[i + 1];
      // An edge parallel to the offset sweeps no area.
      double cross = (q.x - p.x) * d.y - (q.y - p.y) * d.x;
      if (Math.abs(cross) < 1e-9) {
        continue;
      }
      parts.add(factory.createPolygon(new Coordinate[] {
          new Coordinate(p), new Coordinate(q), new Coordinate(q.x + d.x, q.y + d.y),
          new Coordinate(p.x + d.x, p.y + d.y), new Coordinate(p)}));
    }
  }
}
