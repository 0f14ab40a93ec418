package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * A run in progress on this node: its state moves only forward (queued → running → a final state) through the
 * synchronized transitions below, so a cancellation and a completion racing each other have exactly one winner.
 * It is the {@link Progress} its work reports to.
 */
final class Run implements Progress {
  private final String id;
  private final SimulationKind kind;
  private final String scenario;
  private final String scenarioKey;
  private final String cacheKey;
  private final JsonObject params;
  private final Instant createdAt;
  private final Instant deadline;
  private final AtomicReference<Statement> current = new AtomicReference<>();

  private RunStatus status = RunStatus.QUEUED;
  private boolean finishing;
  private volatile double percent;
  private Instant startedAt;
  private Instant finishedAt;
  private JsonObject result;
  private JsonObject error;

  Run(String id, SimulationKind kind, String scenario, String scenarioKey, String cacheKey, JsonObject params,
      Instant createdAt, Instant deadline) {
    this.id = id;
    this.kind = kind;
    this.scenario = scenario;
    this.scenarioKey = scenarioKey;
    this.cacheKey = cacheKey;
    this.params = params;
    this.createdAt = createdAt;
    this.deadline = deadline;
  }

  String id() {
    return id;
  }

  String cacheKey() {
    return cacheKey;
  }

  synchronized RunStatus status() {
    return status;
  }

  synchronized RunView view() {
    return new RunView(id, kind, scenario, scenarioKey, params, status, percent, createdAt, startedAt, finishedAt,
        result, error);
  }

  /** queued → running; false when it was cancelled while queued. */
  synchronized boolean start() {
    if (status != RunStatus.QUEUED) {
      return false;
    }
    status = RunStatus.RUNNING;
    startedAt = Instant.now();
    return true;
  }

  /**
   * running → finishing: from here a cancellation is refused while the result is stored; the run still reads as
   * running until {@link #finish}. False when a cancellation won.
   */
  synchronized boolean beginFinish() {
    if (status != RunStatus.RUNNING || finishing) {
      return false;
    }
    finishing = true;
    return true;
  }

  /** The run as it will read once done: what gets stored before {@link #finish} makes it so in memory. */
  synchronized RunView doneView(JsonObject summary, Instant at) {
    return new RunView(id, kind, scenario, scenarioKey, params, RunStatus.DONE, 100, createdAt, startedAt, at,
        summary, null);
  }

  /** finishing → done, after the result was stored. */
  synchronized void finish(JsonObject summary, Instant at) {
    status = RunStatus.DONE;
    percent = 100;
    result = summary;
    finishedAt = at;
    finishing = false;
  }

  /** Any non-final state (also while finishing, when storing the result failed) → failed. */
  synchronized void fail(ApiException e) {
    if (status.isFinal()) {
      return;
    }
    finishing = false;
    status = RunStatus.FAILED;
    error = new JsonObject().put("code", e.code()).put("description", e.getMessage());
    finishedAt = Instant.now();
  }

  /**
   * queued or running → cancelled, and the statement in flight is cancelled in the database. Returns false when
   * the run had already finished (done or failed); true when it is (or already was) cancelled.
   */
  boolean cancel() {
    synchronized (this) {
      if (status == RunStatus.CANCELLED) {
        return true;
      }
      if (status.isFinal() || finishing) {
        return false;
      }
      status = RunStatus.CANCELLED;
      finishedAt = Instant.now();
    }
    Statement s = current.get();
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException ignored) {
        // the statement ended meanwhile: nothing to cancel
      }
    }
    return true;
  }

  synchronized boolean isCancelled() {
    return status == RunStatus.CANCELLED;
  }

  @Override
  public void checkpoint(double pct) {
    if (isCancelled()) {
      throw new RunCancelledException();
    }
    if (Instant.now().isAfter(deadline)) {
      throw new ApiException(ErrorKind.TIMEOUT, null, null,
          "The simulation took longer than its time limit; try a smaller area or fewer parameters", null);
    }
    if (pct > percent) {
      percent = Math.min(99.9, pct); // 100 only when the result is stored
    }
  }

  @Override
  public <S extends Statement> S track(S statement) {
    current.set(statement);
    if (isCancelled()) {
      // A cancel that came before this statement was registered: honour it before the statement runs.
      throw new RunCancelledException();
    }
    return statement;
  }
}
