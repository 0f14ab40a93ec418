package vn.citytwin.planning.simulation.sun;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Hours of direct sun on the open ground of an area: at each sample the ground in a building's shadow is in shade,
 * the rest is in direct sun (clear sky assumed, no vegetation). Integrated by the midpoint rule over the samples.
 * Everything is in a {@link LocalPlane} (metres).
 *
 * <p>"Open ground" is the area minus building footprints (roofs are not ground). The area-weighted result is the
 * mean over the open ground; the point results are for a regular grid of sample points on it.
 */
public final class SunHours {
  /** At most this many grid points: the spacing grows when the area is large. */
  public static final int MAX_POINTS = 2500;

  private final GeometryFactory factory;
  private final ShadowCaster caster;

  public SunHours(GeometryFactory factory, ShadowCaster caster) {
    this.factory = factory;
    this.caster = caster;
  }

  /** Per sample: the sun and the fraction of the open ground in direct sun (0 when the sun is down). */
  public record Step(SunSample sample, double sunFraction, int shadowCasters) {}

  /** A grid point and its hours of direct sun. */
  public record PointHours(Coordinate local, double hours) {}

  /**
   * @param averageHours area-weighted mean hours of direct sun on the open ground
   * @param possibleHours hours the sun is up during the samples (the value without any building)
   * @param openGroundM2 area of the open ground, m²
   * @param spacingM the grid spacing actually used
   */
  public record Result(double averageHours, double possibleHours, double openGroundM2, double spacingM,
                       List<Step> steps, List<PointHours> points) {}

  /**
   * @param area the area of interest (Polygon or MultiPolygon, local metres, non-empty)
   * @param buildings candidate shadow casters (those that cannot reach the area are skipped per step)
   * @param samples the time steps
   * @param spacingM wanted grid spacing for the point results, metres (&gt; 0)
   * @param onProgress called after each step with the fraction done (0–1); may throw to stop the work
   * @throws IllegalArgumentException when the area has no open ground
   */
  public Result compute(Geometry area, List<Building> buildings, List<SunSample> samples, double spacingM,
                        DoubleConsumer onProgress) {
    Geometry footprints = UnaryUnionOp.union(buildings.stream().map(b -> (Geometry) b.footprint()).toList(),
        factory);
    Geometry ground = footprints == null || footprints.isEmpty() ? area : area.difference(footprints);
    double groundArea = ground.getArea();
    if (groundArea <= 0) {
      throw new IllegalArgumentException("the area has no open ground (it is covered by buildings)");
    }
    // Roofs inside the area: every building there casts a shadow that contains its footprint whenever the sun is
    // up, so the shaded ground is (shade ∩ area) minus these roofs, and the area (a few vertices) is cheaper to
    // intersect than the ground (the area with every footprint cut out).
    double roofs = area.getArea() - groundArea;
    PreparedGeometry preparedGround = PreparedGeometryFactory.prepare(ground);
    PreparedGeometry preparedArea = PreparedGeometryFactory.prepare(area);
    Envelope areaEnvelope = area.getEnvelopeInternal();
    double[] distance = new double[buildings.size()];
    for (int i = 0; i < buildings.size(); i++) {
      distance[i] = buildings.get(i).footprint().distance(area);
    }
    double spacing = Math.max(spacingM, Math.sqrt(groundArea / MAX_POINTS));
    List<Point> points = grid(ground, preparedGround, spacing);
    double[] pointHours = new double[points.size()];

    List<Step> steps = new ArrayList<>();
    double average = 0;
    double possible = 0;
    for (int s = 0; s < samples.size(); s++) {
      SunSample sample = samples.get(s);
      SunPosition sun = sample.sun();
      if (!sun.isUp()) {
        steps.add(new Step(sample, 0, 0));
        onProgress.accept((s + 1.0) / samples.size());
        continue;
      }
      possible += sample.hours();
      List<Geometry> shadows = new ArrayList<>();
      for (int i = 0; i < buildings.size(); i++) {
        Building b = buildings.get(i);
        double reach = caster.offset(b.heightM(), sun).distance(new Coordinate(0, 0));
        if (distance[i] <= reach) {
          Geometry shadow = caster.shadow(b, sun);
          if (shadow.getEnvelopeInternal().intersects(areaEnvelope) && preparedArea.intersects(shadow)) {
            shadows.add(shadow);
          }
        }
      }
      double fraction = 1;
      if (!shadows.isEmpty()) {
        Geometry shade = UnaryUnionOp.union(shadows);
        fraction = 1 - (area.intersection(shade).getArea() - roofs) / groundArea;
        PreparedGeometry preparedShade = PreparedGeometryFactory.prepare(shade);
        for (int p = 0; p < points.size(); p++) {
          if (!preparedShade.covers(points.get(p))) {
            pointHours[p] += sample.hours();
          }
        }
      } else {
        for (int p = 0; p < points.size(); p++) {
          pointHours[p] += sample.hours();
        }
      }
      fraction = Math.max(0, Math.min(1, fraction));
      average += fraction * sample.hours();
      steps.add(new Step(sample, fraction, shadows.size()));
      onProgress.accept((s + 1.0) / samples.size());
    }
    List<PointHours> result = new ArrayList<>(points.size());
    for (int p = 0; p < points.size(); p++) {
      result.add(new PointHours(points.get(p).getCoordinate(), pointHours[p]));
    }
    return new Result(average, possible, groundArea, spacing, steps, result);
  }

  /**
   * Cell centres of a square grid over the ground's envelope that fall on the ground; when none does (a sliver
   * narrower than the spacing) the ground's interior point stands in.
   */
  private List<Point> grid(Geometry ground, PreparedGeometry prepared, double spacing) {
    Envelope env = ground.getEnvelopeInternal();
    List<Point> points = new ArrayList<>();
    for (double y = env.getMinY() + spacing / 2; y < env.getMaxY(); y += spacing) {
      for (double x = env.getMinX() + spacing / 2; x < env.getMaxX(); x += spacing) {
        Point p = factory.createPoint(new Coordinate(x, y));
        if (prepared.contains(p)) {
          points.add(p);
        }
      }
    }
    if (points.isEmpty()) {
      points.add(ground.getInteriorPoint());
    }
    return points;
  }
}
