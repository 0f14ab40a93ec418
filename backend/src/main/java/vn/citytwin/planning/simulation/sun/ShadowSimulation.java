package vn.citytwin.planning.simulation.sun;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.LocalPlane;
import vn.citytwin.planning.simulation.Progress;
import vn.citytwin.planning.simulation.ResultFeature;
import vn.citytwin.planning.simulation.RunContext;
import vn.citytwin.planning.simulation.Simulation;
import vn.citytwin.planning.simulation.SimulationKind;
import vn.citytwin.planning.simulation.SimulationOutcome;
import vn.citytwin.planning.simulation.SqlTemplate;

/**
 * Sun and shadows over an area of a scenario's city: the sun's position (for the area's centre; the viewer shows
 * the same sun), the ground shadows of the buildings near the area at one instant, and the hours of direct sun on
 * the area's open ground over a time range (area-weighted mean and per sample point).
 *
 * <p>Assumptions, stated in the result too: flat ground at one level (building heights are above their own
 * ground; the hills are not modelled), clear sky, no trees; shadows longer than {@link #MAX_SHADOW_M} are cut, so
 * the buildings considered are those within that distance of the area.
 *
 * <p>Cost: one union of the shadows reaching the area per sample. Measured on a dense synthetic district: a
 * 110 m × 1.1 km beach strip, sunrise to sunset every 10 min, about 10 s; 1.2 km² about 45 s (hence the 2 km²
 * limit on the area).
 */
public final class ShadowSimulation implements Simulation<ShadowParams> {
  /** Longest shadow considered, metres (a 100 m tower at 5.7° sun elevation). */
  public static final double MAX_SHADOW_M = 1000;

  private static final SqlTemplate BUILDINGS = SqlTemplate.load("shadow_buildings");
  private static final GeometryFactory LOCAL = new GeometryFactory();

  @Override
  public SimulationKind kind() {
    return SimulationKind.SHADOW;
  }

  @Override
  public ShadowParams parse(JsonObject body) {
    return ShadowParams.parse(body);
  }

  @Override
  public List<String> inputLayers(ShadowParams params) {
    return List.of("buildings");
  }

  @Override
  public SimulationOutcome run(RunContext ctx, Connection c, ShadowParams params) throws SQLException {
    Progress progress = ctx.progress();
    Geometry area = params.area();
    Point centre = area.getCentroid();
    double lat = centre.getY();
    double lon = centre.getX();
    LocalPlane plane = new LocalPlane(lon, lat);
    List<Building> buildings = loadBuildings(c, ctx, progress, area, plane);
    progress.checkpoint(10);

    SunTimes times = SolarPosition.times(params.date(), ShadowParams.ZONE, lat, lon);
    Instant at = params.time() == null ? times.solarNoon()
        : params.date().atTime(params.time()).atZone(ShadowParams.ZONE).toInstant();
    SunPosition sun = SolarPosition.at(at, lat, lon);
    ShadowCaster caster = new ShadowCaster(LOCAL, MAX_SHADOW_M);
    Geometry localArea = plane.toLocal(area);

    List<ResultFeature> features = new ArrayList<>();
    int casting = 0;
    List<Geometry> shadowsAt = new ArrayList<>();
    if (sun.isUp()) {
      for (Building b : buildings) {
        Geometry s = caster.shadow(b, sun);
        shadowsAt.add(s);
        if (s.intersects(localArea)) {
          casting++;
        }
        Geometry lonLat = plane.toLonLat(s);
        lonLat.setSRID(4326);
        features.add(new ResultFeature("shadow", lonLat, new JsonObject().put("buildingId", b.id())
            .put("heightM", b.heightM()).put("time", at.atZone(ShadowParams.ZONE).toOffsetDateTime().toString())));
      }
    }
    progress.checkpoint(20);

    List<SunSample> samples = samples(params, times, lat, lon);
    if (samples.isEmpty()) {
      throw ApiException.invalidParameter("from", "The sun does not rise between from and to on that day");
    }
    SunHours.Result hours;
    try {
      hours = new SunHours(LOCAL, caster).compute(localArea, buildings, samples, params.gridSpacingM(),
          progress.range(20, 95));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("area", "The area is entirely covered by buildings: no open ground");
    }

    double minPoint = Double.MAX_VALUE;
    double maxPoint = 0;
    for (SunHours.PointHours p : hours.points()) {
      minPoint = Math.min(minPoint, p.hours());
      maxPoint = Math.max(maxPoint, p.hours());
      Coordinate ll = plane.toLonLat(p.local().x, p.local().y);
      Point pt = JsonParams.WGS84.createPoint(ll);
      features.add(new ResultFeature("sun_point", pt, new JsonObject().put("sunHours", round(p.hours(), 3))));
    }
    features.add(new ResultFeature("study_area", area, new JsonObject()
        .put("averageSunHours", round(hours.averageHours(), 3))
        .put("possibleSunHours", round(hours.possibleHours(), 3))));

    double shadedNow = 0;
    if (sun.isUp() && !shadowsAt.isEmpty()) {
      Geometry shade = org.locationtech.jts.operation.union.UnaryUnionOp.union(shadowsAt);
      shadedNow = localArea.intersection(shade).getArea() / localArea.getArea();
    } else if (!sun.isUp()) {
      shadedNow = 1;
    }
    JsonArray steps = new JsonArray();
    for (SunHours.Step s : hours.steps()) {
      steps.add(new JsonObject()
          .put("time", s.sample().sun().instant().atZone(ShadowParams.ZONE).toOffsetDateTime().toString())
          .put("azimuthDeg", round(s.sample().sun().azimuthDeg(), 3))
          .put("elevationDeg", round(s.sample().sun().elevationDeg(), 3))
          .put("sunFraction", round(s.sunFraction(), 4))
          .put("shadowCasters", s.shadowCasters()));
    }
    Instant first = samples.get(0).sun().instant().minusMillis(Math.round(samples.get(0).hours() * 1_800_000));
    SunSample lastSample = samples.get(samples.size() - 1);
    Instant last = lastSample.sun().instant().plusMillis(Math.round(lastSample.hours() * 1_800_000));
    JsonObject summary = new JsonObject()
        .put("location", new JsonObject().put("lon", round(lon, 6)).put("lat", round(lat, 6)))
        .put("timeZone", ShadowParams.ZONE.getId())
        .put("sun", sun.toJson().put("localTime", at.atZone(ShadowParams.ZONE).toOffsetDateTime().toString()))
        .put("day", times.toJson(ShadowParams.ZONE))
        .put("shadows", new JsonObject().put("buildingsConsidered", buildings.size())
            .put("buildingsShadingArea", casting)
            .put("areaInShadowFraction", round(Math.min(1, shadedNow), 4)))
        .put("sunHours", new JsonObject()
            .put("from", first.atZone(ShadowParams.ZONE).toOffsetDateTime().toString())
            .put("to", last.atZone(ShadowParams.ZONE).toOffsetDateTime().toString())
            .put("stepMinutes", params.stepMinutes())
            .put("averageHours", round(hours.averageHours(), 3))
            .put("possibleHours", round(hours.possibleHours(), 3))
            .put("openGroundM2", round(hours.openGroundM2(), 1))
            .put("gridSpacingM", round(hours.spacingM(), 2))
            .put("points", hours.points().size())
            .put("minPointHours", round(hours.points().isEmpty() ? 0 : minPoint, 3))
            .put("maxPointHours", round(maxPoint, 3))
            .put("samples", steps))
        .put("assumptions", "flat ground, clear sky, no vegetation; shadows cut at " + (int) MAX_SHADOW_M + " m");
    return new SimulationOutcome(summary, features);
  }

  /**
   * Midpoint samples every {@code stepMinutes} from {@code from} (default sunrise) to {@code to} (default sunset);
   * the last step is shortened to end exactly at {@code to}.
   */
  static List<SunSample> samples(ShadowParams params, SunTimes times, double lat, double lon) {
    Instant start = params.from() != null ? at(params, params.from()) : times.sunrise();
    Instant end = params.to() != null ? at(params, params.to()) : times.sunset();
    List<SunSample> out = new ArrayList<>();
    if (start == null || end == null || !start.isBefore(end)) {
      return out;
    }
    Duration step = Duration.ofMinutes(params.stepMinutes());
    for (Instant t = start; t.isBefore(end); t = t.plus(step)) {
      Instant stop = t.plus(step).isAfter(end) ? end : t.plus(step);
      Duration len = Duration.between(t, stop);
      Instant mid = t.plus(len.dividedBy(2));
      out.add(new SunSample(SolarPosition.at(mid, lat, lon), len.toMillis() / 3_600_000.0));
    }
    return out;
  }

  private static Instant at(ShadowParams params, LocalTime time) {
    return params.date().atTime(time).atZone(ShadowParams.ZONE).toInstant();
  }

  private List<Building> loadBuildings(Connection c, RunContext ctx, Progress progress, Geometry area,
                                       LocalPlane plane) throws SQLException {
    Envelope env = area.getEnvelopeInternal();
    double dLat = MAX_SHADOW_M / (Math.toRadians(1) * LocalPlane.EARTH_RADIUS_M);
    double dLon = dLat / Math.cos(Math.toRadians(Math.min(89, Math.abs(env.centre().y) + dLat)));
    SqlStatement st = BUILDINGS.render(Map.of("buildings", ctx.source("buildings", List.of("height"))),
        List.of(env.getMinX() - dLon, env.getMinY() - dLat, env.getMaxX() + dLon, env.getMaxY() + dLat,
            new WKBWriter(2).write(area), MAX_SHADOW_M));
    List<Building> out = new ArrayList<>();
    WKBReader reader = new WKBReader(JsonParams.WGS84);
    try (PreparedStatement ps = progress.track(st.prepare(c)); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        double height = rs.getDouble(2);
        Geometry g;
        try {
          g = reader.read(rs.getBytes(3));
        } catch (ParseException e) {
          throw ApiException.internal("Unreadable building geometry " + id, e);
        }
        if (!(height > 0)) {
          continue;
        }
        Geometry local = plane.toLocal(g);
        for (int i = 0; i < local.getNumGeometries(); i++) {
          Geometry part = local.getGeometryN(i);
          if (!part.isValid()) {
            part = GeometryFixer.fix(part); // a self-touching footprint drawn by hand must not stop the run
          }
          for (int k = 0; k < part.getNumGeometries(); k++) {
            if (part.getGeometryN(k) instanceof Polygon p && !p.isEmpty()) {
              out.add(new Building(id, p, height));
            }
          }
        }
      }
    }
    return out;
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
