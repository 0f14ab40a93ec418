package vn.citytwin.planning.simulation;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import vn.citytwin.testing.Http;

/** Hand-made city fixtures and run polling shared by the simulation integration tests. */
public final class SimulationFixtures {
  private SimulationFixtures() {}

  /** Writes a DEM (rows given NORTH first, as drawn) into terrain.dem, replacing any other. */
  public static void writeDem(Connection c, double west, double south, double cellDeg, double[][] northFirst)
      throws SQLException {
    int nr = northFirst.length;
    int nc = northFirst[0].length;
    ByteBuffer buf = ByteBuffer.allocate(4 * nr * nc).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < nr; r++) {
      for (int col = 0; col < nc; col++) {
        buf.putFloat((float) northFirst[nr - 1 - r][col]);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM terrain.dem");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO terrain.dem (id, name, ncols, nrows, west, south,"
        + " cell_deg, heights) VALUES (1, 'test', ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, nc);
      ps.setInt(2, nr);
      ps.setDouble(3, west);
      ps.setDouble(4, south);
      ps.setDouble(5, cellDeg);
      ps.setBytes(6, buf.array());
      ps.executeUpdate();
    }
  }

  /** WKT of an axis-aligned rectangle. */
  public static String box(double x0, double y0, double x1, double y1) {
    return "POLYGON((" + x0 + " " + y0 + "," + x1 + " " + y0 + "," + x1 + " " + y1 + "," + x0 + " " + y1 + ","
        + x0 + " " + y0 + "))";
  }

  public static void building(Connection c, long id, String use, int levels, double height, String wkt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO city.buildings (id, name, use_type, levels, height,"
        + " geom) VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))")) {
      ps.setLong(1, id);
      ps.setString(2, "B" + id);
      ps.setString(3, use);
      ps.setInt(4, levels);
      ps.setDouble(5, height);
      ps.setString(6, wkt);
      ps.executeUpdate();
    }
  }

  public static void road(Connection c, long id, String cls, String wkt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO city.roads (id, name, class, geom)"
        + " VALUES (?, ?, ?, ST_GeomFromText(?, 4326))")) {
      ps.setLong(1, id);
      ps.setString(2, "R" + id);
      ps.setString(3, cls);
      ps.setString(4, wkt);
      ps.executeUpdate();
    }
  }

  public static void school(Connection c, long id, String name, String level, double lon, double lat)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO city.schools (id, name, level, geom)"
        + " VALUES (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
      ps.setLong(1, id);
      ps.setString(2, name);
      ps.setString(3, level);
      ps.setDouble(4, lon);
      ps.setDouble(5, lat);
      ps.executeUpdate();
    }
  }

  public static void hospital(Connection c, long id, String name, String kind, double lon, double lat)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO city.hospitals (id, name, kind, geom)"
        + " VALUES (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
      ps.setLong(1, id);
      ps.setString(2, name);
      ps.setString(3, kind);
      ps.setDouble(4, lon);
      ps.setDouble(5, lat);
      ps.executeUpdate();
    }
  }

  /** Creates a scenario on the base city and returns its id. */
  public static long scenario(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.scenario (name) VALUES (?) RETURNING id")) {
      ps.setString(1, name);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** An edit: op add/modify with properties and WKT geometry, or delete (properties and wkt null). */
  public static void edit(Connection c, long scenario, String layer, long featureId, String op, JsonObject props,
                          String wkt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO planning.edit (scenario_id, layer_id, feature_id, op,"
        + " properties, geom) VALUES (?, ?, ?, ?, ?::jsonb, ST_GeomFromText(?, 4326))")) {
      ps.setLong(1, scenario);
      ps.setString(2, layer);
      ps.setLong(3, featureId);
      ps.setString(4, op);
      ps.setString(5, props == null ? "{}" : props.encode());
      ps.setString(6, wkt);
      ps.executeUpdate();
    }
  }

  /** Posts a simulation and waits until it is final; returns the final run JSON. */
  public static JsonObject runToEnd(Http http, String scenario, String kind, JsonObject params) {
    var r = http.send("POST", "/api/scenarios/" + scenario + "/simulations/" + kind, "application/json",
        params.encode());
    JsonObject run = Http.json(r);
    if (r.statusCode() != 200 && r.statusCode() != 202) {
      throw new AssertionError("POST answered " + r.statusCode() + ": " + run.encode());
    }
    return waitFinal(http, scenario, run.getString("id"));
  }

  public static JsonObject waitFinal(Http http, String scenario, String runId) {
    JsonObject[] last = new JsonObject[1];
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
      last[0] = http.getJson("/api/scenarios/" + scenario + "/simulations/" + runId);
      String s = last[0].getString("status");
      return "done".equals(s) || "failed".equals(s) || "cancelled".equals(s);
    });
    return last[0];
  }
}
