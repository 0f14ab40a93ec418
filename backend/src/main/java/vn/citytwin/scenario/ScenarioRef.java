package vn.citytwin.scenario;

import java.util.List;

/**
 * A resolved {@code scenario=} parameter: the scenario and its ancestors, nearest first, with their versions.
 * {@link #BASE} is the base city. {@link #cacheKey()} changes whenever any scenario in the chain changes, so
 * caches keyed on it never serve a stale scenario city.
 *
 * @param chain scenario ids, the requested one first, then its parent, …; empty for the base city
 */
public record ScenarioRef(List<Long> chain, String cacheKey) {
  public static final ScenarioRef BASE = new ScenarioRef(List.of(), "base");

  public boolean isBase() {
    return chain.isEmpty();
  }

  /** The requested scenario's id, or null for the base city. */
  public Long id() {
    return chain.isEmpty() ? null : chain.get(0);
  }
}
