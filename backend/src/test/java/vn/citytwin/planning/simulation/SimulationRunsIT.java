package vn.citytwin.planning.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.db.Database;
import vn.citytwin.scenario.ScenarioRegistry;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The run machinery over HTTP with stand-in simulations whose work is slow on purpose: a long SQL statement
 * (cancelled in the database), a long Java loop (stopped at its next checkpoint), queueing, de-duplication of an
 * identical run in flight, and the run time limit. The router is mounted at /api/scenarios/:id/simulations as the
 * scenarios API will mount it.
 */
class SimulationRunsIT {
  static TestDatabase db;
  static Vertx vertx;
  static Database database;
  static SimulationService service;
  static SimulationService strict;
  static HttpServer httpServer;
  static Http http;
  static Http strictHttp;
  static final AtomicBoolean loopStopped = new AtomicBoolean();
  static final CountDownLatch loopStarted = new CountDownLatch(1);

  /** Parameters of the stand-ins: a number, so different numbers are different runs. */
  record N(int n) implements SimulationParams {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("n", n);
    }
  }

  /** Sleeps in the database for {@code n} seconds (FLOOD slot). */
  static final class SlowSql implements Simulation<N> {
    @Override
    public SimulationKind kind() {
      return SimulationKind.FLOOD;
    }

    @Override
    public N parse(JsonObject body) {
      return new N(new JsonParams(body, java.util.Set.of("n")).integer("n", 60, 0, 600));
    }

    @Override
    public List<String> inputLayers(N params) {
      return List.of("buildings");
    }

    @Override
    public SimulationOutcome run(RunContext ctx, Connection c, N params) throws SQLException {
      ctx.progress().checkpoint(10);
      try (PreparedStatement ps = ctx.progress().track(c.prepareStatement("SELECT pg_sleep(?)"))) {
        ps.setInt(1, params.n());
        ps.execute();
      }
      ctx.progress().checkpoint(90);
      return new SimulationOutcome(new JsonObject().put("slept", params.n()), List.of());
    }
  }

  /** Loops in Java with a checkpoint every 10 ms for {@code n} seconds (SHADOW slot). */
  static final class SlowLoop implements Simulation<N> {
    @Override
    public SimulationKind kind() {
      return SimulationKind.SHADOW;
    }

    @Override
    public N parse(JsonObject body) {
      return new N(new JsonParams(body, java.util.Set.of("n")).integer("n", 60, 0, 600));
    }

    @Override
    public List<String> inputLayers(N params) {
      return List.of();
    }

    @Override
    public SimulationOutcome run(RunContext ctx, Connection c, N params) {
      loopStarted.countDown();
      long end = System.nanoTime() + params.n() * 1_000_000_000L;
      try {
        while (System.nanoTime() < end) {
          ctx.progress().checkpoint(100.0 * (1 - (end - System.nanoTime()) / (params.n() * 1e9)));
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        loopStopped.set(true);
      }
      return new SimulationOutcome(new JsonObject(), List.of());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("simruns");
    vertx = Vertx.vertx();
    database = Database.open(vertx, db.config(), null);
    Catalog catalog = Catalog.load(database);
    ScenarioRegistry scenarios = new ScenarioRegistry(database);
    service = new SimulationService(vertx, database, catalog, scenarios, List.of(new SlowSql(), new SlowLoop()), 1,
        Duration.ofMinutes(5));
    strict = new SimulationService(vertx, database, catalog, scenarios, List.of(new SlowSql()), 1,
        Duration.ofSeconds(1));
    http = new Http(serve(service));
    strictHttp = new Http(serve(strict));
  }

  static int serve(SimulationService s) throws Exception {
    Router root = Router.router(vertx);
    Router simulations = new SimulationRoutes(vertx, s, "").router();
    root.route("/api/scenarios/:id/simulations*").subRouter(simulations);
    int port = TestServer.freePort();
    httpServer = vertx.createHttpServer().requestHandler(root).listen(port, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    return port;
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    strict.close();
    database.close();
    vertx.close().await(10, TimeUnit.SECONDS);
    db.close();
  }

  static JsonObject post(Http h, String kind, JsonObject body, int expectedStatus) {
    var r = h.send("POST", "/api/scenarios/base/simulations/" + kind, "application/json", body.encode());
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(expectedStatus);
    return Http.json(r);
  }

  static boolean sleeping() throws SQLException {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active'");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void cancellingARunCancelsItsStatementInTheDatabaseAndAQueuedRunNeverStarts() throws Exception {
    JsonObject run = post(http, "flood", new JsonObject().put("n", 120), 202);
    String id = run.getString("id");
    await().atMost(Duration.ofSeconds(20)).until(SimulationRunsIT::sleeping);
    JsonObject running = http.getJson("/api/scenarios/base/simulations/" + id);
    assertThat(running.getString("status")).isEqualTo("running");
    assertThat(running.getDouble("percentDone")).isEqualTo(10.0);

    // The same request again while it runs: the same run, not a second one.
    JsonObject same = post(http, "flood", new JsonObject().put("n", 120), 202);
    assertThat(same.getString("id")).isEqualTo(id);
    assertThat(same.getBoolean("cached")).isFalse();
    // Another one waits: the pool runs one at a time.
    JsonObject queued = post(http, "flood", new JsonObject().put("n", 121), 202);
    assertThat(queued.getString("status")).isEqualTo("queued");

    var cancelQueued = http.send("DELETE", "/api/scenarios/base/simulations/" + queued.getString("id"), null, null);
    assertThat(cancelQueued.statusCode()).isEqualTo(200);
    assertThat(Http.json(cancelQueued).getString("status")).isEqualTo("cancelled");

    long t0 = System.nanoTime();
    var cancel = http.send("DELETE", "/api/scenarios/base/simulations/" + id, null, null);
    assertThat(cancel.statusCode()).isEqualTo(200);
    assertThat(Http.json(cancel).getString("status")).isEqualTo("cancelled");
    // The statement is cancelled in the database at once, not after its 120 s.
    await().atMost(Duration.ofSeconds(5)).until(() -> !sleeping());
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    // Cancelled is final and stored; a second DELETE is harmless; the queued run never ran.
    JsonObject after = SimulationFixtures.waitFinal(http, "base", id);
    assertThat(after.getString("status")).isEqualTo("cancelled");
    assertThat(after.getJsonObject("result")).isNull();
    assertThat(http.send("DELETE", "/api/scenarios/base/simulations/" + id, null, null).statusCode()).isEqualTo(200);
    JsonObject q = http.getJson("/api/scenarios/base/simulations/" + queued.getString("id"));
    assertThat(q.getString("status")).isEqualTo("cancelled");
    assertThat(q.getString("startedAt")).isNull();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT status FROM planning.simulation_run WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("cancelled");
      }
    }
    // A cancelled run is not a cache entry: asking again starts afresh.
    JsonObject again = post(http, "flood", new JsonObject().put("n", 0), 202);
    assertThat(SimulationFixtures.waitFinal(http, "base", again.getString("id")).getString("status"))
        .isEqualTo("done");
    // A finished run cannot be cancelled.
    var late = http.send("DELETE", "/api/scenarios/base/simulations/" + again.getString("id"), null, null);
    assertThat(late.statusCode()).isEqualTo(409);
  }

  @Test
  void cancellingStopsAJavaLoopAtItsNextCheckpoint() throws Exception {
    JsonObject run = post(http, "shadow", new JsonObject().put("n", 120), 202);
    assertThat(loopStarted.await(30, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() ->
        http.getJson("/api/scenarios/base/simulations/" + run.getString("id")).getDouble("percentDone") > 0);
    var cancel = http.send("DELETE", "/api/scenarios/base/simulations/" + run.getString("id"), null, null);
    assertThat(cancel.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(2)).untilTrue(loopStopped);
  }

  @Test
  void aRunPastItsTimeLimitFailsWithATimeoutAndTheStatementIsStopped() throws Exception {
    JsonObject run = post(strictHttp, "flood", new JsonObject().put("n", 30), 202);
    JsonObject end = SimulationFixtures.waitFinal(strictHttp, "base", run.getString("id"));
    assertThat(end.getString("status")).isEqualTo("failed");
    assertThat(end.getJsonObject("error").getString("code")).isEqualTo("Timeout");
    assertThat(end.getJsonObject("error").getString("description")).doesNotContain("SQL", "pg_sleep");
  }

  @Test
  void unknownRunsAndMalformedIdsAre404AndABadBodyIs400() {
    assertThat(http.get("/api/scenarios/base/simulations/nope").statusCode()).isEqualTo(404);
    assertThat(http.send("DELETE", "/api/scenarios/base/simulations/3f1c2a55-0000-0000-0000-000000000000", null,
        null).statusCode()).isEqualTo(404);
    var bad = http.send("POST", "/api/scenarios/base/simulations/flood", "application/json", "{\"n\": \"x\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).getString("locator")).isEqualTo("n");
    var badScenario = http.send("POST", "/api/scenarios/abc/simulations/flood", "application/json", "{}");
    assertThat(badScenario.statusCode()).isEqualTo(400);
    assertThat(http.get("/api/scenarios/base/simulations/3f1c2a55-0000-0000-0000-000000000000/result.geojson")
        .statusCode()).isEqualTo(404);
  }
}
