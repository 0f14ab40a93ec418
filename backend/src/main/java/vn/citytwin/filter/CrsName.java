package vn.citytwin.filter;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRS name from a request, reduced to an EPSG code and the axis order its coordinates are written in.
 *
 * <p>Axis order follows the convention GIS clients expect: the URN and http URI forms
 * ({@code urn:ogc:def:crs:EPSG::4326}, {@code http://www.opengis.net/def/crs/EPSG/0/4326}) use the EPSG order,
 * which is latitude first for the geographic CRSs listed in {@link #NORTH_FIRST} (WGS 84 4326, VN-2000 4756 and
 * other common ones); the old forms {@code EPSG:4326} and {@code http://www.opengis.net/gml/srs/epsg.xml#4326},
 * and {@code CRS:84}, are always x=east, y=north. {@code EPSG:900913} (and ESRI's 102100, 102113) is read as 3857.
 *
 * @param srid the EPSG code
 * @param northFirst true when coordinates are written latitude/northing first and must be swapped
 */
public record CrsName(int srid, boolean northFirst) {
  /** OGC CRS84: WGS 84 longitude/latitude, the default CRS of CQL2 and GeoJSON. */
  public static final CrsName CRS84 = new CrsName(4326, false);

  /** Geographic CRSs whose EPSG axis order is latitude, longitude. */
  public static final Set<Integer> NORTH_FIRST = Set.of(4326, 4756, 4258, 4269, 4283, 4230, 4167, 4612, 4674,
      4490, 4979, 4937, 7844, 4148, 4222, 4203, 4619, 6668);

  private static final Pattern EPSG_URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:epsg:(?:[0-9.]*:)?(\\d{1,6})");
  private static final Pattern EPSG_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/epsg/[^/]+/(\\d{1,6})");
  private static final Pattern EPSG_OLD = Pattern.compile(
      "(?:epsg:|https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#)(\\d{1,6})");
  private static final Set<String> CRS84_NAMES = Set.of("crs:84", "ogc:crs84", "urn:ogc:def:crs:ogc:1.3:crs84",
      "urn:ogc:def:crs:ogc::crs84", "urn:ogc:def:crs:ogc:crs84", "http://www.opengis.net/def/crs/ogc/1.3/crs84",
      "https://www.opengis.net/def/crs/ogc/1.3/crs84");

  public CrsName {
    if (srid <= 0) {
      throw new IllegalArgumentException("srid must be positive");
    }
  }

  /** Recognises a CRS name (case-insensitive, trimmed); empty when the form or code is not understood. */
  public static Optional<CrsName> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (CRS84_NAMES.contains(n)) {
      return Optional.of(CRS84);
    }
    Matcher m = EPSG_URN.matcher(n);
    if (m.matches() || (m = EPSG_URI.matcher(n)).matches()) {
      int code = normalise(Integer.parseInt(m.group(1)));
      return code > 0 ? Optional.of(new CrsName(code, NORTH_FIRST.contains(code))) : Optional.empty();
    }
    m = EPSG_OLD.matcher(n);
    if (m.matches()) {
      int code = normalise(Integer.parseInt(m.group(1)));
      return code > 0 ? Optional.of(new CrsName(code, false)) : Optional.empty();
    }
    return Optional.empty();
  }

  private static int normalise(int code) {
    return code == 900913 || code == 102100 || code == 102113 ? 3857 : code;
  }
}
