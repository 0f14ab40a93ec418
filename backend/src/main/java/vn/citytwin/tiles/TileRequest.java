package vn.citytwin.tiles;

import vn.citytwin.query.VisibleLayers;
import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.filter.Filter;
import vn.citytwin.query.TimeRange;
import vn.citytwin.scenario.ScenarioRef;

/**
 * A validated vector-tile request: the layers (in drawing order), the tile, the scenario, optional property list
 * (null: each layer's tile fields), filter and time. {@code cacheKey} normalises the optional parameters.
 */
public record TileRequest(List<Layer> layers, TileAddress tile, ScenarioRef scenario, List<String> properties,
                          Filter filter, String filterText, TimeRange time, String timeText) {

  /** Everything the tile's bytes depend on except the layers' data versions (added by the service). */
  String parameterKey() {
    return String.join("|", tile.toString(), scenario.cacheKey(), VisibleLayers.columnsKey(layers),
        properties == null ? "*" : String.join(",", properties),
        filterText == null ? "" : filterText, timeText == null ? "" : timeText);
  }
}
