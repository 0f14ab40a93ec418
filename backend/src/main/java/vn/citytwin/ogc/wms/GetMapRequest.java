package vn.citytwin.ogc.wms;

import java.awt.Color;
import java.util.List;
import vn.citytwin.query.TimeSelection;
import vn.citytwin.scenario.ScenarioRef;

/**
 * A validated GetMap request.
 *
 * @param layers layers in drawing order (groups expanded)
 * @param background BGCOLOR (white by default)
 * @param transparent TRANSPARENT=TRUE (ignored by JPEG)
 * @param time the TIME filter, applied to time-enabled layers only; null for all times
 * @param cacheKey everything the image depends on besides data versions (for ETags)
 */
public record GetMapRequest(WmsVersion version, MapView view, List<MapLayer> layers, ImageFormat format,
    boolean transparent, Color background, ScenarioRef scenario, TimeSelection time, String cacheKey) {

  public GetMapRequest {
    layers = List.copyOf(layers);
  }

  /** Whether the image keeps an alpha channel. */
  public boolean transparentImage() {
    return transparent && format.supportsTransparency();
  }
}
