package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One kind of simulation: how to validate its parameters, which inputs its result depends on, and the work.
 *
 * @param <P> its validated parameters
 */
public interface Simulation<P extends SimulationParams> {

  SimulationKind kind();

  /**
   * Validates a request body (an empty object when there was none) into parameters; a bad value throws an
   * {@link vn.citytwin.core.error.ApiException} whose locator is the parameter's name. Runs on the event loop:
   * no I/O.
   */
  P parse(JsonObject body);

  /** City layers the result depends on: their data versions go into the cache key. */
  List<String> inputLayers(P params);

  /**
   * Versions of inputs other than layers and the scenario (the DEM's checksum for a flood), or an empty string.
   * Blocking; runs on a worker.
   */
  default String inputVersion(Connection c, P params) throws SQLException {
    return "";
  }

  /**
   * The work, on a simulation worker thread, inside a transaction on {@code c} that is rolled back afterwards (the
   * work only reads the city; temporary tables made with {@code ON COMMIT DROP} vanish with it). The statement
   * timeout is the run's time limit; register every statement with {@link Progress#track} and call
   * {@link Progress#checkpoint} between steps.
   */
  SimulationOutcome run(RunContext context, Connection c, P params) throws SQLException;
}
