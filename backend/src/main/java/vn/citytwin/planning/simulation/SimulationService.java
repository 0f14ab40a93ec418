package vn.citytwin.planning.simulation;

import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Starts, tracks, caches and cancels simulation runs. A run executes on its own small worker pool (so long
 * simulations never starve the request workers) inside one database transaction whose statement timeout is the
 * run's time limit. Results are cached per (kind, scenario chain and versions, data versions of the input layers,
 * other input versions such as the DEM checksum, canonical parameters): an identical request gets the finished
 * run at once, or the identical run still in progress.
 *
 * <p>Every method returns a Future and does its blocking work on a worker thread.
 */
public final class SimulationService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulationService.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Database db;
  private final Catalog catalog;
  private final ScenarioRegistry scenarios;
  private final Map<SimulationKind, Simulation<?>> simulations = new EnumMap<>(SimulationKind.class);
  private final Duration maxRunTime;
  private final WorkerExecutor workers;
  private final RunStore store = new RunStore();
  /** Runs not yet finished on this node, by id and by cache key. */
  private final Map<String, Run> live = new ConcurrentHashMap<>();
  private final Map<String, Run> inFlight = new ConcurrentHashMap<>();

  /** A submitted run and whether it came finished from the cache. */
  public record Submission(RunView run, boolean cached) {}

  /**
   * @param concurrency how many runs compute at once on this node; more wait as {@code queued}
   * @param maxRunTime the time limit of one run (its statement timeout and its deadline)
   */
  public SimulationService(Vertx vertx, Database db, Catalog catalog, ScenarioRegistry scenarios,
                           List<Simulation<?>> kinds, int concurrency, Duration maxRunTime) {
    this.db = db;
    this.catalog = catalog;
    this.scenarios = scenarios;
    this.maxRunTime = maxRunTime;
    kinds.forEach(s -> simulations.put(s.kind(), s));
    // A named pool of its own (Vert.x shares pools by name, so a second service in one process gets another name).
    int n = INSTANCES.getAndIncrement();
    this.workers = vertx.createSharedWorkerExecutor("citytwin-simulations" + (n == 0 ? "" : "-" + n), concurrency,
        maxRunTime.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    int abandoned = db.inConnection(c -> store.failAbandoned(c, Instant.now().minus(maxRunTime).minusSeconds(60)));
    if (abandoned > 0) {
      LOG.info("simulations: {} runs abandoned by a stopped server marked failed", abandoned);
    }
  }

  /**
   * Validates the parameters (on the calling thread: a bad one fails the future at once with its locator), then
   * answers the cached run, the identical run in flight, or a new queued run.
   */
  public Future<Submission> submit(String scenario, SimulationKind kind, JsonObject body) {
    Simulation<?> sim = simulations.get(kind);
    if (sim == null) {
      return Future.failedFuture(ApiException.notFound("kind", "Simulation " + kind.wire() + " is not available"));
    }
    try {
      return submitTyped(sim, scenario, body == null ? new JsonObject() : body);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
  }

  private <P extends SimulationParams> Future<Submission> submitTyped(Simulation<P> sim, String scenario,
                                                                     JsonObject body) {
    P params = sim.parse(body);
    return db.withConnection(c -> {
      ScenarioRef ref = scenarios.resolve(scenario, AccessView.EVERYTHING); // PlanningRoutes checked the reader
      String cacheKey = cacheKey(c, sim, ref, params);
      Run running = inFlight.get(cacheKey);
      if (running != null && !running.status().isFinal()) {
        return new Submission(running.view(), false);
      }
      Optional<RunView> done = store.findDone(c, cacheKey);
      if (done.isPresent()) {
        return new Submission(done.get(), true);
      }
      Instant now = Instant.now();
      Run run = new Run(UUID.randomUUID().toString(), sim.kind(), pathForm(ref), ref.cacheKey(), cacheKey,
          params.toJson(), now, now.plus(maxRunTime));
      Run raced = inFlight.putIfAbsent(cacheKey, run);
      if (raced != null) {
        return new Submission(raced.view(), false);
      }
      try {
        store.insert(c, run.view(), ref.id(), cacheKey);
      } catch (SQLException | RuntimeException e) {
        inFlight.remove(cacheKey, run);
        throw e;
      }
      live.put(run.id(), run);
      workers.executeBlocking(() -> {
        execute(sim, run, ref, params);
        return null;
      }, false);
      return new Submission(run.view(), false);
    });
  }

  /** The run, if it belongs to that scenario; NOT_FOUND (locator {@code run}) otherwise. */
  public Future<RunView> get(String scenario, String runId) {
    return db.withConnection(c -> find(c, scenario, runId));
  }

  /**
   * Cancels a queued or running run (idempotent for a cancelled one). A finished run cannot be cancelled
   * (CONFLICT); neither can a run computing on another node.
   */
  public Future<RunView> cancel(String scenario, String runId) {
    return db.withConnection(c -> {
      RunView view = find(c, scenario, runId);
      if (view.status() == RunStatus.CANCELLED) {
        return view;
      }
      if (view.status().isFinal()) {
        throw ApiException.conflict("Run " + runId + " has already finished (" + view.status().wire() + ")");
      }
      Run run = live.get(runId);
      if (run == null) {
        throw ApiException.conflict("Run " + runId + " is computing on another server node; cancel it there");
      }
      if (!run.cancel()) {
        throw ApiException.conflict("Run " + runId + " has just finished");
      }
      RunView cancelled = run.view();
      store.update(c, cancelled);
      LOG.info("simulation {} {} cancelled", cancelled.kind().wire(), runId);
      return cancelled;
    });
  }

  /**
   * A finished run's geometries as a GeoJSON FeatureCollection, optionally one layer of them. CONFLICT while the
   * run is not done.
   */
  public Future<String> resultGeoJson(String scenario, String runId, String layer) {
    return db.withConnection(c -> {
      RunView view = find(c, scenario, runId);
      if (view.status() != RunStatus.DONE) {
        throw ApiException.conflict("Run " + runId + " is " + view.status().wire() + ": no result");
      }
      return store.featureCollection(c, runId, layer);
    });
  }

  private RunView find(Connection c, String scenario, String runId) throws SQLException {
    ScenarioRef ref = scenarios.resolve(scenario, AccessView.EVERYTHING); // PlanningRoutes checked the reader
    if (runId == null || !runId.matches("[0-9a-fA-F-]{36}")) {
      throw ApiException.notFound("run", "Unknown simulation run");
    }
    Run run = live.get(runId);
    Optional<RunView> view = run != null ? Optional.of(run.view()) : store.find(c, runId);
    return view.filter(v -> v.scenario().equals(pathForm(ref)))
        .orElseThrow(() -> ApiException.notFound("run", "Unknown simulation run " + runId + " for this scenario"));
  }

  private <P extends SimulationParams> void execute(Simulation<P> sim, Run run, ScenarioRef ref, P params) {
    try {
      if (!run.start()) {
        return; // cancelled while queued
      }
      db.inConnection(c -> {
        store.update(c, run.view());
        return null;
      });
      long t0 = System.nanoTime();
      SimulationOutcome outcome = db.inConnection(c -> {
        c.setAutoCommit(false);
        try {
          try (PreparedStatement ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            ps.setString(1, Long.toString(maxRunTime.toMillis()));
            ps.execute();
          }
          return sim.run(new RunContext(ref, catalog, run), c, params);
        } finally {
          c.rollback(); // read-only work: temporary tables go with the transaction
          c.setAutoCommit(true);
        }
      });
      run.checkpoint(99.9);
      if (run.beginFinish()) {
        Instant at = Instant.now();
        db.inTransactionNow(c -> {
          store.update(c, run.doneView(outcome.summary(), at));
          store.insertFeatures(c, run.id(), outcome.features());
          return null;
        });
        run.finish(outcome.summary(), at);
        LOG.info("simulation {} {} on {} done in {} ms", sim.kind().wire(), run.id(), run.view().scenario(),
            (System.nanoTime() - t0) / 1_000_000);
      }
    } catch (RunCancelledException e) {
      LOG.debug("simulation {} stopped after its cancellation", run.id());
    } catch (ApiException e) {
      if (!run.isCancelled()) {
        run.fail(e);
        LOG.warn("simulation {} {} failed: {}", sim.kind().wire(), run.id(), e.getMessage(),
            e.getCause() != null ? e.getCause() : null);
      }
    } catch (RuntimeException | Error e) {
      run.fail(ApiException.internal("The simulation failed", e));
      LOG.error("simulation {} {} failed", sim.kind().wire(), run.id(), e);
    } finally {
      RunView last = run.view();
      if (last.status() != RunStatus.DONE) {
        persistQuietly(last);
      }
      inFlight.remove(run.cacheKey(), run);
      live.remove(run.id());
    }
  }

  private void persistQuietly(RunView view) {
    try {
      db.inConnection(c -> {
        store.update(c, view);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("could not store the state of simulation {}: {}", view.id(), e.getMessage());
    }
  }

  private <P extends SimulationParams> String cacheKey(Connection c, Simulation<P> sim, ScenarioRef ref, P params)
      throws SQLException {
    StringBuilder key = new StringBuilder(sim.kind().wire()).append('|').append(ref.cacheKey()).append('|');
    for (String layer : new TreeSet<>(sim.inputLayers(params))) {
      key.append(layer).append('=').append(catalog.versions().of(layer)).append(',');
    }
    key.append('|').append(sim.inputVersion(c, params)).append('|').append(params.toJson().encode());
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(key.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code base} or the scenario id, as in URLs. */
  static String pathForm(ScenarioRef ref) {
    return ref.isBase() ? "base" : Long.toString(ref.id());
  }

  /**
   * Cancels the runs of this node (their statements too) and waits up to five seconds for them to store their
   * final state; call before the database pool closes. Blocking: not on an event loop.
   */
  @Override
  public void close() {
    live.values().forEach(Run::cancel);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!live.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    workers.close();
  }
}
