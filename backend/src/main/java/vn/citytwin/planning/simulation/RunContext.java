package vn.citytwin.planning.simulation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioSource;

/**
 * What a simulation's work may use: the scenario, the row sources of the scenario's city layers, and its
 * {@link Progress}.
 */
public final class RunContext {
  private final ScenarioRef scenario;
  private final Catalog catalog;
  private final Progress progress;
  private final Map<String, ScenarioSource.Fragment> sources = new ConcurrentHashMap<>();

  public RunContext(ScenarioRef scenario, Catalog catalog, Progress progress) {
    this.scenario = scenario;
    this.catalog = catalog;
    this.progress = progress;
  }

  public ScenarioRef scenario() {
    return scenario;
  }

  public Progress progress() {
    return progress;
  }

  /**
   * The SQL row source of a city layer in the run's scenario (see {@link ScenarioSource}); NOT_FOUND when the
   * layer does not exist in this database.
   */
  public ScenarioSource.Fragment source(String layerId) {
    return sources.computeIfAbsent(layerId,
        id -> ScenarioSource.of(catalog.require(id, "layer", true), scenario));
  }

  /** True when the layer exists (an optional input, e.g. hospitals for an accessibility run). */
  public boolean hasLayer(String layerId) {
    return catalog.find(layerId).isPresent();
  }
}
