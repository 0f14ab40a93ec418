package vn.citytwin.planning.simulation.flood;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.planning.residents.Residents;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.MaskVectorizer;
import vn.citytwin.planning.simulation.Progress;
import vn.citytwin.planning.simulation.ResultFeature;
import vn.citytwin.planning.simulation.RunContext;
import vn.citytwin.planning.simulation.Simulation;
import vn.citytwin.planning.simulation.SimulationKind;
import vn.citytwin.planning.simulation.SimulationOutcome;
import vn.citytwin.planning.simulation.SqlTemplate;

/**
 * Sea-level rise and storm-surge flooding of a scenario's city: the DEM cells the sea reaches at the water level
 * ({@link FloodFill}), their extent as polygons ({@link MaskVectorizer}), and what lies in it: buildings (count,
 * ids, residents by the planning rule {@link Residents}), road segments (count and length under water), schools
 * and hospitals.
 *
 * <p>Exposure is counted against the exact cell extent; the extent stored as the result layer is simplified by
 * half a cell (so its staircase edges become lines) and can differ from the exact one by at most that.
 */
public final class FloodSimulation implements Simulation<FloodParams> {
  /** At most this many building ids are listed in the result (the count is always complete). */
  public static final int MAX_LISTED_BUILDINGS = 5000;

  private static final SqlTemplate EXTENT = SqlTemplate.load("flood_extent");
  private static final SqlTemplate BUILDINGS = SqlTemplate.load("flood_buildings");
  private static final SqlTemplate ROADS = SqlTemplate.load("flood_roads");
  private static final SqlTemplate SCHOOLS = SqlTemplate.load("flood_schools");
  private static final SqlTemplate HOSPITALS = SqlTemplate.load("flood_hospitals");

  private final DemStore dems;
  private final Residents residents;

  /** @param residents how many people live in a building: the rule the planning indicators use too */
  public FloodSimulation(DemStore dems, Residents residents) {
    this.dems = dems;
    this.residents = residents;
  }

  @Override
  public SimulationKind kind() {
    return SimulationKind.FLOOD;
  }

  @Override
  public FloodParams parse(JsonObject body) {
    return FloodParams.parse(body);
  }

  @Override
  public List<String> inputLayers(FloodParams params) {
    return List.of("buildings", "roads", "schools", "hospitals");
  }

  @Override
  public String inputVersion(Connection c, FloodParams params) throws SQLException {
    // Resident counts follow the settings: another planning.resident.m2 or share is another result.
    return dems.version(c).key() + "|" + residents.cacheKey();
  }

  @Override
  public SimulationOutcome run(RunContext ctx, Connection c, FloodParams params) throws SQLException {
    Progress progress = ctx.progress();
    progress.checkpoint(1);
    DemGrid dem = dems.load(c);
    progress.checkpoint(10);
    double level = params.waterLevelM();
    FloodFill.Mask mask = FloodFill.fill(dem, level, progress.range(10, 25));
    FloodDepth depth = FloodDepth.of(dem, mask, level);
    Geometry extent = new MaskVectorizer(JsonParams.WGS84).polygons(dem.cells(), mask.flooded(),
        progress.range(25, 55));
    extent.setSRID(4326);
    progress.checkpoint(55);

    JsonObject summary = new JsonObject()
        .put("waterLevelM", round(level, 3))
        .put("components", params.toJson())
        .put("connectivity", "4-neighbour flood fill from the sea (cells below 0 m connected to the DEM edge)")
        .put("dem", new JsonObject().put("id", dem.id()).put("name", dem.name()).put("ncols", dem.ncols())
            .put("nrows", dem.nrows()).put("cellDeg", dem.cellDeg()).put("checksum", dem.checksum()))
        .put("seaCells", mask.sea().cardinality())
        .put("floodedCells", mask.floodedCells())
        .put("floodedAreaKm2", round(depth.areaM2() / 1e6, 6))
        .put("depth", depth.toJson())
        .put("assumptions", residents.toJson());

    if (extent.isEmpty()) {
      summary.put("buildings", buildingsJson(new JsonArray(), 0, 0, 0))
          .put("roads", new JsonObject().put("count", 0).put("lengthKm", 0.0))
          .put("schools", new JsonArray()).put("hospitals", new JsonArray());
      return new SimulationOutcome(summary, List.of());
    }
    SqlStatement cut = EXTENT.render(Map.of(), List.of(new WKBWriter(2).write(extent)));
    try (PreparedStatement ps = progress.track(cut.prepare(c))) {
      ps.executeUpdate();
    }
    try (Statement s = progress.track(c.createStatement())) {
      s.execute("CREATE INDEX ON flood_extent USING gist (geom)");
      s.execute("ANALYZE flood_extent");
    }
    progress.checkpoint(65);

    JsonArray ids = new JsonArray();
    int count = 0;
    int residential = 0;
    double dwellingArea = 0;
    try (ResultSet rs = query(c, progress, BUILDINGS, ctx, "buildings", List.of("use_type", "levels"))) {
      while (rs.next()) {
        count++;
        if (ids.size() < MAX_LISTED_BUILDINGS) {
          ids.add(rs.getLong(1));
        }
        String use = rs.getString(2);
        if (residents.housesPeople(use)) {
          residential++;
          dwellingArea += residents.dwellingFloorArea(use, Residents.floorArea(rs.getDouble(4), rs.getDouble(3)));
        }
      }
    }
    progress.checkpoint(75);
    JsonObject roads;
    try (ResultSet rs = query(c, progress, ROADS, ctx, "roads", List.of())) {
      rs.next();
      roads = new JsonObject().put("count", rs.getLong(1)).put("lengthKm", round(rs.getDouble(2) / 1000, 4));
    }
    progress.checkpoint(85);
    JsonArray schools = facilities(c, progress, SCHOOLS, ctx, "schools", "level");
    JsonArray hospitals = facilities(c, progress, HOSPITALS, ctx, "hospitals", "kind");
    progress.checkpoint(95);

    summary.put("buildings", buildingsJson(ids, count, residential, dwellingArea))
        .put("roads", roads).put("schools", schools).put("hospitals", hospitals);
    // Douglas–Peucker (kept valid by JTS): topology-preserving simplification costs minutes on ragged extents.
    Geometry shown = DouglasPeuckerSimplifier.simplify(extent, dem.cellDeg() / 2);
    shown.setSRID(4326);
    JsonObject props = new JsonObject().put("waterLevelM", round(level, 3))
        .put("floodedAreaKm2", round(depth.areaM2() / 1e6, 6))
        .put("simplifiedToleranceDeg", dem.cellDeg() / 2);
    return new SimulationOutcome(summary, List.of(new ResultFeature("flood_extent", shown, props)));
  }

  /**
   * @param residential buildings of a use people live in
   * @param dwellingArea their dwelling floor area, m² (share of the use × gross floor area)
   */
  private JsonObject buildingsJson(JsonArray ids, int count, int residential, double dwellingArea) {
    return new JsonObject().put("count", count).put("ids", ids).put("idsTruncated", count > ids.size())
        .put("residentialCount", residential)
        .put("residentialFloorAreaM2", round(dwellingArea, 1))
        .put("residentsAffected", Math.round(residents.residentsOfDwellingArea(dwellingArea)));
  }

  private static JsonArray facilities(Connection c, Progress progress, SqlTemplate template, RunContext ctx,
                                      String layer, String classKey) throws SQLException {
    JsonArray out = new JsonArray();
    if (!ctx.hasLayer(layer)) {
      return out;
    }
    try (ResultSet rs = query(c, progress, template, ctx, layer, List.of("name", classKey))) {
      while (rs.next()) {
        out.add(new JsonObject().put("id", rs.getLong(1)).put("name", rs.getString(2))
            .put(classKey, rs.getString(3)));
      }
    }
    return out;
  }

  /**
   * Runs a template over one layer's features in the scenario (the read path, with the attribute columns the
   * template reads); the result set closes its statement.
   */
  private static ResultSet query(Connection c, Progress progress, SqlTemplate template, RunContext ctx, String layer,
                                 List<String> properties) throws SQLException {
    SqlStatement st = template.render(Map.of(layer, ctx.source(layer, properties)), List.of());
    PreparedStatement ps = progress.track(st.prepare(c));
    ps.closeOnCompletion();
    return ps.executeQuery();
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
