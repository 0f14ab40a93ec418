package vn.citytwin.planning.simulation.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.planning.residents.Residents;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.Progress;
import vn.citytwin.planning.simulation.ResultFeature;
import vn.citytwin.planning.simulation.RunContext;
import vn.citytwin.planning.simulation.Simulation;
import vn.citytwin.planning.simulation.SimulationKind;
import vn.citytwin.planning.simulation.SimulationOutcome;
import vn.citytwin.planning.simulation.SqlTemplate;

/**
 * Service areas of facilities and the residents they cover, in a scenario's city. Residents are counted by the
 * planning rule {@link Residents}, so the totals match the planning indicators' residents.
 *
 * <p>Network method (pgRouting): the roads are noded into a graph; each facility and each residential building is
 * snapped to its nearest edge. A building's distance to a class of facilities = facility access leg + shortest path
 * along the roads + building access leg (Dijkstra from all facilities of the class at once,
 * {@code pgr_drivingDistance} with equicost). A building is covered within {@code t} minutes when that distance is
 * at most speed × t. The polygon shown is the reached part of the network buffered by the trim distance; coverage
 * is decided per building by its own distance, not by the polygon.
 *
 * <p>Straight-line fallback (no roads, or no pgRouting): the distance is straight-line from the nearest facility;
 * the polygon is the union of circles. The result says which method was used and why.
 */
public final class AccessibilitySimulation implements Simulation<AccessibilityParams> {
  private static final SqlTemplate EDGES = SqlTemplate.load("acc_edges");
  private static final SqlTemplate NODES = SqlTemplate.load("acc_nodes");
  private static final SqlTemplate TOPOLOGY = SqlTemplate.load("acc_topology");
  private static final SqlTemplate FACILITIES = SqlTemplate.load("acc_facilities");
  private static final SqlTemplate BUILDINGS = SqlTemplate.load("acc_buildings");
  private static final SqlTemplate SNAP_FACILITIES = SqlTemplate.load("acc_snap_facilities");
  private static final SqlTemplate SNAP_BUILDINGS = SqlTemplate.load("acc_snap_buildings");
  private static final SqlTemplate VIRTUAL = SqlTemplate.load("acc_virtual");
  private static final SqlTemplate DRIVING_DISTANCE = SqlTemplate.load("acc_driving_distance");
  private static final SqlTemplate BUILDING_DISTANCE = SqlTemplate.load("acc_building_distance");
  private static final SqlTemplate ISOCHRONE = SqlTemplate.load("acc_isochrone");
  private static final SqlTemplate STRAIGHT_DISTANCE = SqlTemplate.load("acc_straight_distance");
  private static final SqlTemplate CIRCLES = SqlTemplate.load("acc_circles");

  private final Residents residents;

  /** @param residents how many people live in a building: the rule the planning indicators use too */
  public AccessibilitySimulation(Residents residents) {
    this.residents = residents;
  }

  @Override
  public SimulationKind kind() {
    return SimulationKind.ACCESSIBILITY;
  }

  @Override
  public AccessibilityParams parse(JsonObject body) {
    return AccessibilityParams.parse(body);
  }

  @Override
  public List<String> inputLayers(AccessibilityParams params) {
    List<String> layers = new ArrayList<>(List.of("buildings", "roads"));
    params.facilities().forEach(f -> layers.add(f.layerId()));
    return layers;
  }

  /** Resident counts follow the settings: another planning.resident.m2 or share is another result. */
  @Override
  public String inputVersion(Connection c, AccessibilityParams params) {
    return residents.cacheKey();
  }

  /** A facility class and how many facilities it has. */
  private record FacilityClass(String layer, String cls, int count) {}

  @Override
  public SimulationOutcome run(RunContext ctx, Connection c, AccessibilityParams params) throws SQLException {
    Progress progress = ctx.progress();
    Sqls sql = new Sqls(c, progress);
    progress.checkpoint(1);
    sql.exec("CREATE TEMP TABLE acc_fac (layer text, fid bigint, name text, cls text, geom geometry(Point, 4326))"
        + " ON COMMIT DROP");
    String[] classes = params.classes() == null ? null : params.classes().toArray(new String[0]);
    for (FacilityLayer f : params.facilities()) {
      if (ctx.hasLayer(f.layerId())) {
        sql.update(FACILITIES, Map.of("facilities", facilitySource(ctx, f)),
            Arrays.asList(f.layerId(), classes, classes));
      }
    }
    sql.update(BUILDINGS, Map.of("buildings", ctx.source("buildings", List.of("use_type", "levels"))),
        List.of(residents.residentM2(), residents.sqlUses(), residents.sqlShares()));
    double residentsTotal;
    int residentialBuildings;
    try (ResultSet rs = sql.query("SELECT coalesce(sum(residents), 0), count(*) FROM acc_bld")) {
      rs.next();
      residentsTotal = rs.getDouble(1);
      residentialBuildings = rs.getInt(2);
    }
    progress.checkpoint(5);

    JsonObject summary = new JsonObject().put("mode", params.mode().wire()).put("speedKmh", params.speedKmh());
    boolean network = false;
    String why;
    if (params.method() == AccessMethod.STRAIGHT) {
      why = "straight-line distance was requested";
    } else if (!hasPgRouting(sql)) {
      why = "pgRouting is not installed in the database";
    } else {
      JsonObject stats = buildNetwork(sql, ctx, progress);
      if (stats.getLong("edges") == 0) {
        why = "the scenario's city has no roads";
      } else {
        network = true;
        why = "along the road network (pgRouting)";
        summary.put("network", stats);
      }
    }
    if (!network && params.method() == AccessMethod.NETWORK) {
      throw new ApiException(ErrorKind.UNAVAILABLE, null, "method", "Network distance is not possible: " + why, null);
    }
    if (!network && params.method() == AccessMethod.AUTO) {
      why = why + "; straight-line distance instead";
    }
    summary.put("method", network ? "network" : "straight-line").put("methodReason", why)
        .put("residentsTotal", Math.round(residentsTotal)).put("residentialBuildings", residentialBuildings)
        .put("assumptions", residents.toJson());
    progress.checkpoint(35);

    List<FacilityClass> facilityClasses = new ArrayList<>();
    try (ResultSet rs = sql.query("SELECT layer, cls, count(*) FROM acc_fac GROUP BY 1, 2 ORDER BY 1, 2")) {
      while (rs.next()) {
        facilityClasses.add(new FacilityClass(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    }
    if (network) {
      sql.exec("CREATE TEMP TABLE acc_virtual (id bigint, source bigint, target bigint, cost float8) ON COMMIT DROP");
      sql.exec("CREATE TEMP TABLE acc_dist (node bigint PRIMARY KEY, cost float8) ON COMMIT DROP");
    }
    List<ResultFeature> features = new ArrayList<>();
    JsonArray out = new JsonArray();
    double reach = params.metres(params.minutes().get(params.minutes().size() - 1));
    for (int k = 0; k < facilityClasses.size(); k++) {
      FacilityClass fc = facilityClasses.get(k);
      List<double[]> distances = network ? networkDistances(sql, fc, reach) : straightDistances(sql, fc, reach);
      JsonArray thresholds = new JsonArray();
      for (int minutes : params.minutes()) {
        double budget = params.metres(minutes);
        double covered = 0;
        int buildings = 0;
        for (double[] d : distances) {
          if (d[2] <= budget) {
            covered += d[1];
            buildings++;
          }
        }
        JsonObject t = new JsonObject().put("minutes", minutes).put("distanceM", round(budget, 1))
            .put("buildingsCovered", buildings).put("residentsCovered", Math.round(covered))
            .put("shareOfResidents", residentsTotal > 0 ? round(covered / residentsTotal, 4) : 0.0);
        thresholds.add(t);
        Geometry area = network ? isochrone(sql, fc, budget, params.trimM()) : circles(sql, fc, budget);
        if (area != null && !area.isEmpty()) {
          features.add(new ResultFeature("isochrone", area, t.copy().put("layer", fc.layer()).put("class", fc.cls())
              .put("mode", params.mode().wire()).put("method", network ? "network" : "straight-line")));
        }
      }
      out.add(new JsonObject().put("layer", fc.layer()).put("class", fc.cls()).put("facilities", fc.count())
          .put("thresholds", thresholds));
      progress.checkpoint(35 + 60.0 * (k + 1) / facilityClasses.size());
    }
    summary.put("classes", out);
    features.addAll(facilityPoints(sql));
    return new SimulationOutcome(summary, features);
  }

  /** The facilities with their class as text, over the read path's rows of the layer. */
  private static SqlStatement facilitySource(RunContext ctx, FacilityLayer f) {
    SqlStatement src = ctx.source(f.layerId(), List.of("name", f.classColumn()));
    return new SqlStatement("(SELECT x.id, x.name, CAST(x." + Sql.ident(f.classColumn())
        + " AS text) AS cls, x.geom FROM " + src.sql() + " x)", src.params());
  }

  private static boolean hasPgRouting(Sqls sql) throws SQLException {
    try (ResultSet rs = sql.query("SELECT count(*) FROM pg_extension WHERE extname = 'pgrouting'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private static JsonObject buildNetwork(Sqls sql, RunContext ctx, Progress progress) throws SQLException {
    sql.update(EDGES, Map.of("roads", ctx.source("roads", List.of())), List.of());
    progress.checkpoint(15);
    JsonObject stats;
    try (ResultSet rs = sql.query("SELECT count(*), coalesce(sum(len), 0) FROM acc_edges")) {
      rs.next();
      stats = new JsonObject().put("edges", rs.getLong(1)).put("lengthKm", round(rs.getDouble(2) / 1000, 3));
    }
    if (stats.getLong("edges") == 0) {
      return stats;
    }
    sql.update(NODES, Map.of(), List.of());
    sql.update(TOPOLOGY, Map.of(), List.of());
    sql.exec("CREATE INDEX ON acc_edges USING gist (geom)");
    sql.exec("ANALYZE acc_edges");
    progress.checkpoint(22);
    sql.update(SNAP_FACILITIES, Map.of(), List.of());
    sql.update(SNAP_BUILDINGS, Map.of(), List.of());
    sql.exec("CREATE INDEX ON acc_bld_net (edge)");
    sql.exec("ANALYZE acc_bld_net");
    try (ResultSet rs = sql.query("SELECT count(*) FROM acc_nodes")) {
      rs.next();
      stats.put("junctions", rs.getLong(1));
    }
    return stats;
  }

  /** [building id, residents, metres] of the residential buildings within reach of the class. */
  private static List<double[]> networkDistances(Sqls sql, FacilityClass fc, double reach) throws SQLException {
    sql.exec("TRUNCATE acc_virtual, acc_dist");
    sql.update(VIRTUAL, Map.of(), List.of(fc.layer(), fc.cls(), fc.layer(), fc.cls()));
    sql.update(DRIVING_DISTANCE, Map.of(), List.of(fc.layer(), fc.cls(), reach));
    sql.exec("ANALYZE acc_dist");
    return distances(sql, BUILDING_DISTANCE, List.of(fc.layer(), fc.cls(), reach));
  }

  private static List<double[]> straightDistances(Sqls sql, FacilityClass fc, double reach) throws SQLException {
    return distances(sql, STRAIGHT_DISTANCE, List.of(reach, fc.layer(), fc.cls(), reach));
  }

  private static List<double[]> distances(Sqls sql, SqlTemplate t, List<?> values) throws SQLException {
    List<double[]> out = new ArrayList<>();
    try (ResultSet rs = sql.query(t, Map.of(), values)) {
      while (rs.next()) {
        out.add(new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3)});
      }
    }
    return out;
  }

  private static Geometry isochrone(Sqls sql, FacilityClass fc, double budget, double trim) throws SQLException {
    List<Object> v = List.of(budget, budget, budget, budget, budget, budget, budget, budget, fc.layer(), fc.cls(),
        budget, fc.layer(), fc.cls(), budget);
    List<Geometry> pieces = new ArrayList<>();
    try (ResultSet rs = sql.query(ISOCHRONE, Map.of(), v)) {
      WKBReader reader = new WKBReader(JsonParams.WGS84);
      while (rs.next()) {
        pieces.add(reader.read(rs.getBytes(1)));
      }
    } catch (ParseException e) {
      throw ApiException.internal("Unreadable network geometry", e);
    }
    return ServiceAreaPolygon.of(pieces, trim, JsonParams.WGS84, f -> { });
  }

  private static Geometry circles(Sqls sql, FacilityClass fc, double budget) throws SQLException {
    return geometry(sql, CIRCLES, List.of(budget, fc.layer(), fc.cls()));
  }

  private static Geometry geometry(Sqls sql, SqlTemplate t, List<?> values) throws SQLException {
    try (ResultSet rs = sql.query(t, Map.of(), values)) {
      byte[] wkb = rs.next() ? rs.getBytes(1) : null;
      if (wkb == null) {
        return null;
      }
      Geometry g = new WKBReader(JsonParams.WGS84).read(wkb);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw ApiException.internal("Unreadable service-area geometry", e);
    }
  }

  private static List<ResultFeature> facilityPoints(Sqls sql) throws SQLException {
    List<ResultFeature> out = new ArrayList<>();
    try (ResultSet rs = sql.query("SELECT layer, fid, name, cls, ST_AsBinary(geom) FROM acc_fac ORDER BY 1, 2")) {
      WKBReader reader = new WKBReader(JsonParams.WGS84);
      while (rs.next()) {
        Geometry g = reader.read(rs.getBytes(5));
        g.setSRID(4326);
        out.add(new ResultFeature("facility", g, new JsonObject().put("layer", rs.getString(1))
            .put("id", rs.getLong(2)).put("name", rs.getString(3)).put("class", rs.getString(4))));
      }
    } catch (ParseException e) {
      throw ApiException.internal("Unreadable facility geometry", e);
    }
    return out;
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
