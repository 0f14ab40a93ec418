package vn.citytwin.ogc.wms;

import java.util.List;
import vn.citytwin.query.TimeSelection;
import vn.citytwin.scenario.ScenarioRef;

/**
 * A validated GetFeatureInfo request.
 *
 * @param queryLayers the QUERY_LAYERS with their styles and filters (groups expanded), in request order
 * @param i pixel column from the left (I in 1.3.0, X in 1.1.1)
 * @param j pixel row from the top (J, Y)
 * @param featureCount FEATURE_COUNT: the most features returned per layer
 * @param bufferPx search radius in pixels around the point (vendor BUFFER), or null for the style-derived one
 */
public record FeatureInfoRequest(WmsVersion version, MapView view, List<MapLayer> queryLayers, int i, int j,
    InfoFormat format, int featureCount, Integer bufferPx, ScenarioRef scenario, TimeSelection time) {

  public FeatureInfoRequest {
    queryLayers = List.copyOf(queryLayers);
  }
}
