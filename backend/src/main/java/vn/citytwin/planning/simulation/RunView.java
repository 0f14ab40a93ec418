package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An immutable snapshot of a run, as stored and as answered.
 *
 * @param scenario the scenario as in the URL: {@code base} or the scenario id
 * @param scenarioKey the scenario's cache key when the run was made (its chain and versions)
 * @param percentDone 0–100
 * @param result the summary JSON when done, else null
 * @param error {@code {code, description}} when failed, else null
 */
public record RunView(String id, SimulationKind kind, String scenario, String scenarioKey, JsonObject params,
                      RunStatus status, double percentDone, Instant createdAt, Instant startedAt,
                      Instant finishedAt, JsonObject result, JsonObject error) {

  /** The run as JSON, with links relative to {@code baseUrl} (no trailing slash). */
  public JsonObject toJson(String baseUrl) {
    String self = baseUrl + "/api/scenarios/" + scenario + "/simulations/" + id;
    JsonArray links = new JsonArray()
        .add(new JsonObject().put("rel", "self").put("type", "application/json").put("href", self));
    if (status == RunStatus.DONE) {
      links.add(new JsonObject().put("rel", "result").put("type", "application/geo+json")
          .put("title", "Result geometries").put("href", self + "/result.geojson"));
    }
    return new JsonObject()
        .put("id", id)
        .put("kind", kind.wire())
        .put("scenario", scenario)
        .put("scenarioKey", scenarioKey)
        .put("params", params)
        .put("status", status.wire())
        .put("percentDone", Math.round(percentDone * 10) / 10.0)
        .put("createdAt", createdAt == null ? null : createdAt.toString())
        .put("startedAt", startedAt == null ? null : startedAt.toString())
        .put("finishedAt", finishedAt == null ? null : finishedAt.toString())
        .put("result", result)
        .put("error", error)
        .put("links", links);
  }
}
