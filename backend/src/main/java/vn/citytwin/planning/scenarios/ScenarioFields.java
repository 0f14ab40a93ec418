package vn.citytwin.planning.scenarios;

import java.util.Optional;

/**
 * The writable fields of a scenario in a create, update or duplicate request. For each field, {@code null} means
 * "not given" and {@code Optional.empty()} means "given as null" (clear it), so PATCH can tell the two apart.
 *
 * @param parent for create only: the parent scenario id; empty or not given means the base city
 */
public record ScenarioFields(Optional<String> name, Optional<String> description, Optional<String> author,
                             Optional<ScenarioStatus> status, Optional<Long> parent) {
  public static final ScenarioFields NONE = new ScenarioFields(null, null, null, null, null);
}
