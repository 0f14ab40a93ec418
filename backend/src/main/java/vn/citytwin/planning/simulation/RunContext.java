package vn.citytwin.planning.simulation;

import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.scenario.ScenarioRef;

/**
 * What a simulation's work may use: the scenario, the features of the scenario's city layers (through the one read
 * path) and its {@link Progress}.
 */
public final class RunContext {
  private final ScenarioRef scenario;
  private final Catalog catalog;
  private final Progress progress;

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
   * A city layer's features in the run's scenario, as the one read path's subquery ({@link FeatureSql#source}):
   * the id, the named attribute columns, the geometry (EPSG:4326) and {@code scenario_status}. NOT_FOUND when the
   * layer does not exist in this database; INVALID_PARAMETER when it lacks one of the columns.
   *
   * @param properties the attribute columns the simulation's SQL reads
   */
  public SqlStatement source(String layerId, List<String> properties) {
    return FeatureSql.source(LayerQuery.of(catalog.requireAny(layerId, "layer")).scenario(scenario)
        .properties(properties).build());
  }

  /** True when the layer exists (an optional input, e.g. hospitals for an accessibility run). */
  public boolean hasLayer(String layerId) {
    return catalog.find(layerId).isPresent();
  }
}
