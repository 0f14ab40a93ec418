package vn.citytwin.planning;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.planning.scenarios.ScenarioFields;
import vn.citytwin.planning.scenarios.ScenarioStatus;

/**
 * Reads the JSON body of a scenario create, update or duplicate: members {@code name}, {@code description},
 * {@code author}, {@code status} and {@code parent} ({@code null}/{@code "base"} or a scenario id). Read-only
 * members a client may echo back from a GET (id, version, created, …) are ignored; any other member is an error
 * naming it, so a typo never passes silently.
 */
final class ScenarioBody {
  private static final Set<String> READ_ONLY = Set.of("id", "version", "created", "updated", "editCount",
      "childCount", "links");

  private ScenarioBody() {}

  static ScenarioFields parse(JsonObject body) {
    if (body == null) {
      return ScenarioFields.NONE;
    }
    for (String key : body.fieldNames()) {
      if (!READ_ONLY.contains(key) && !Set.of("name", "description", "author", "status", "parent").contains(key)) {
        throw ApiException.invalidParameter(key, "Unknown member '" + key
            + "' (a scenario has name, description, author, status, parent)");
      }
    }
    Optional<String> status = text(body, "status");
    return new ScenarioFields(text(body, "name"), text(body, "description"), text(body, "author"),
        status == null ? null : status.map(s -> ScenarioStatus.parse(s, "status")), parent(body));
  }

  private static Optional<String> text(JsonObject body, String key) {
    if (!body.containsKey(key)) {
      return null;
    }
    Object v = body.getValue(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return Optional.of(s);
    }
    throw ApiException.invalidParameter(key, key + " must be a string");
  }

  private static Optional<Long> parent(JsonObject body) {
    if (!body.containsKey("parent")) {
      return null;
    }
    Object v = body.getValue("parent");
    if (v == null || "base".equals(v)) {
      return Optional.empty();
    }
    if (v instanceof Integer || v instanceof Long) {
      return Optional.of(PlanningParams.positiveLong(v.toString(), "parent"));
    }
    if (v instanceof String s) {
      return Optional.of(PlanningParams.positiveLong(s, "parent"));
    }
    throw ApiException.invalidParameter("parent", "parent must be a scenario id or \"base\"");
  }
}
