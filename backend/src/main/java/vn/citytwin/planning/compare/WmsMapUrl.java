package vn.citytwin.planning.compare;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * The URL of a WMS 1.3.0 GetMap of a city (our {@code /wms} with {@code scenario=}), for the report's map image.
 * With {@code CRS=EPSG:4326} WMS 1.3.0 orders the BBOX latitude first (minLat,minLon,maxLat,maxLon). The image
 * keeps the box's ground aspect ratio (a degree of longitude is cos(latitude) of a degree of latitude).
 */
public final class WmsMapUrl {
  private WmsMapUrl() {}

  /**
   * @param baseUrl the server's public URL, no trailing slash
   * @param box lon/lat box, degrees; an empty box gives null (no map)
   * @param layers WMS layer names, drawn in this order
   * @param scenarioRef {@code base} or a scenario id
   * @param width image width in pixels
   */
  public static String of(String baseUrl, Envelope box, List<String> layers, String scenarioRef, int width) {
    if (box == null || box.isNull() || layers.isEmpty()) {
      return null;
    }
    double midLat = Math.toRadians((box.getMinY() + box.getMaxY()) / 2);
    double groundW = Math.max(box.getWidth() * Math.cos(midLat), 1e-9);
    int height = (int) Math.round(width * Math.max(box.getHeight(), 1e-9) / groundW);
    height = Math.max(100, Math.min(height, 2 * width));
    return baseUrl + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + String.join(",", layers)
        + "&STYLES=&CRS=EPSG:4326&BBOX=" + String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", box.getMinY(),
        box.getMinX(), box.getMaxY(), box.getMaxX())
        + "&WIDTH=" + width + "&HEIGHT=" + height + "&FORMAT=image/png&scenario=" + scenarioRef;
  }
}
