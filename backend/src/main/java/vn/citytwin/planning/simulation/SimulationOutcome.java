package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a finished simulation hands back: the JSON result shown in the run, and the geometries stored as a layer.
 */
public record SimulationOutcome(JsonObject summary, List<ResultFeature> features) {}
