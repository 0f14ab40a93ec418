package vn.citytwin.ogc.wfs;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.Filter;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.query.BBox;
import vn.citytwin.query.SortKey;

/** Builds {@link WfsQuery}s from the parts of a request, the same for KVP and XML. */
final class WfsQueries {
  private WfsQueries() {}

  /**
   * @param propertyNames requested property names as sent (any prefix), or null for all properties; an empty list
   *     or one holding {@code *} (OWSLib sends {@code propertyName=*}) also means all properties
   * @param sortBy sort keys with property names as sent
   * @param srsName the requested output CRS, or null for the version's default
   */
  static WfsQuery query(WfsVersion version, Layer layer, Filter filter, BBox bbox, List<SortKey> sortBy,
                        List<String> propertyNames, String srsName) {
    List<String> properties = null;
    boolean geometry = true;
    if (propertyNames != null && !propertyNames.isEmpty() && !allProperties(propertyNames)) {
      properties = new ArrayList<>();
      geometry = false;
      for (String p : propertyNames) {
        String column = WfsNames.column(layer, p, "propertyName");
        if (column.equals(layer.geometryColumn())) {
          geometry = true;
        } else if (!column.equals(layer.idColumn()) && !properties.contains(column)) {
          properties.add(column);
        }
      }
    }
    List<SortKey> keys = new ArrayList<>();
    for (SortKey k : sortBy == null ? List.<SortKey>of() : sortBy) {
      String column = WfsNames.column(layer, k.property(), "sortBy");
      if (column.equals(layer.geometryColumn())) {
        throw ApiException.invalidParameter("sortBy", "Cannot sort by the geometry");
      }
      keys.add(new SortKey(column, k.ascending()));
    }
    CrsName crs = srsName == null ? version.defaultCrs() : SupportedCrs.parse(srsName, "srsName");
    return new WfsQuery(layer, filter, bbox, keys, properties, geometry, crs);
  }

  /** {@code *} or {@code prefix:*} among the names: every property (GeoServer and MapServer read it so). */
  private static boolean allProperties(List<String> propertyNames) {
    for (String p : propertyNames) {
      String t = p.trim();
      if (t.equals("*") || t.endsWith(":*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * KVP {@code BBOX=a,b,c,d[,crs]}: corners in the axis order of the CRS (without one: the default CRS of the
   * version, latitude first).
   */
  static BBox bbox(String text, WfsVersion version) {
    String[] parts = text.split(",");
    if (parts.length != 4 && parts.length != 5) {
      throw ApiException.invalidParameter("bbox", "BBOX must be minx,miny,maxx,maxy[,crs] in the CRS's axis order");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter("bbox", "BBOX value '" + ErrorText.abbreviate(parts[i].trim())
            + "' is not a number");
      }
    }
    CrsName crs = parts.length == 5 ? SupportedCrs.parse(parts[4].trim(), "bbox") : version.defaultCrs();
    return crs.northFirst() ? new BBox(v[1], v[0], v[3], v[2], crs.srid()) : new BBox(v[0], v[1], v[2], v[3],
        crs.srid());
  }

  /** COUNT/MAXFEATURES against the server limit: a larger request is refused, not silently cut. */
  static Integer count(Integer requested, int maxLimit) {
    if (requested != null && requested > maxLimit) {
      throw ApiException.invalidParameter("count", "At most " + maxLimit + " features per request; page through"
          + " larger results with STARTINDEX (the response has a 'next' link)");
    }
    return requested;
  }
}
