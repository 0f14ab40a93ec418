package vn.citytwin.planning;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.access.Role;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** A fresh database with the {@link District} loaded and the real server over it. */
final class PlanningServer implements AutoCloseable {
  final TestDatabase db;
  final CityTwinServer server;
  final Http http;
  /** The planner's {@code Authorization} header every request of {@link #http} carries. */
  final String auth;

  private PlanningServer(TestDatabase db, CityTwinServer server) {
    this.db = db;
    this.server = server;
    // Planning writes need a planner: the tests act as one real planner with an API token.
    this.auth = Identities.bearer(Identities.token(db, "planner-test", Role.PLANNER));
    this.http = new Http(server.port()).as(auth);
  }

  static PlanningServer start(String purpose) throws Exception {
    return start(purpose, Map.of());
  }

  static PlanningServer start(String purpose, Map<String, String> settings) throws Exception {
    TestDatabase db = TestDatabase.create(purpose);
    CityTwinServer server = TestServer.start(db.jdbcUrl(), settings); // migrates
    try (Connection c = db.connect()) {
      District.load(c);
    }
    server.catalog().versions().refresh();
    return new PlanningServer(db, server);
  }

  /** Another server (other settings) over the same database. */
  CityTwinServer another(Map<String, String> settings) {
    return TestServer.start(db.jdbcUrl(), settings);
  }

  /** Creates a scenario and returns its id. */
  long createScenario(String name, Object parent) {
    JsonObject body = new JsonObject().put("name", name);
    if (parent != null) {
      body.put("parent", parent);
    }
    HttpResponse<byte[]> r = http.send("POST", "/api/scenarios", "application/json", body.encode());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("create failed: " + Http.text(r));
    }
    return Http.json(r).getLong("id");
  }

  HttpResponse<byte[]> postEdits(long scenario, JsonObject body) {
    return http.send("POST", "/api/scenarios/" + scenario + "/edits", "application/json", body.encode());
  }

  /** A single value from the database. */
  long count(String sql) throws Exception {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
