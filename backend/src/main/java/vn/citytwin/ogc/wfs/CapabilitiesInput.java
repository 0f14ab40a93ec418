package vn.citytwin.ogc.wfs;

import java.util.List;
import java.util.Map;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerStats;
import vn.citytwin.core.config.CityTwinConfig;

/**
 * What a capabilities document describes.
 *
 * @param url the endpoint URL clients should call (public base URL + mount path), without query
 * @param stats each layer's stats by layer id (extent in EPSG:4326; may be missing)
 * @param countDefault the most features one GetFeature returns
 */
record CapabilitiesInput(String url, CityTwinConfig.Service service, List<Layer> layers,
                         Map<String, LayerStats> stats, boolean transactions, int countDefault) {

  /** [minLon, minLat, maxLon, maxLat] of a layer, or null when empty or unknown. */
  double[] bbox(Layer layer) {
    LayerStats s = stats.get(layer.id());
    return s == null ? null : s.bbox();
  }
}
