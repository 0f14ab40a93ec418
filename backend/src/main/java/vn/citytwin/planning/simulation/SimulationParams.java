package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonObject;

/**
 * Validated parameters of one simulation. {@link #toJson()} is canonical: every default filled in and keys in a
 * fixed order, so two requests that mean the same thing share a cache entry.
 */
public interface SimulationParams {
  JsonObject toJson();
}
