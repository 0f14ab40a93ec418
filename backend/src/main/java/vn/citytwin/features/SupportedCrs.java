package vn.citytwin.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.filter.CrsName;

/**
 * The coordinate reference systems the OGC services offer, with the names each protocol writes and the axis order
 * each name implies. Reprojection itself is PostGIS {@code ST_Transform}; this class only decides names, codes and
 * axis order.
 *
 * <p>Offered: WGS 84 (EPSG:4326 and OGC CRS84), Web Mercator (EPSG:3857), WGS 84 / UTM 48N (EPSG:32648), VN-2000
 * geographic (EPSG:4756) and VN-2000 / UTM 48N (EPSG:3405). Axis order follows {@link CrsName}: URN and
 * {@code http://www.opengis.net/def/crs/EPSG/0/…} names of the geographic ones are latitude first; {@code EPSG:4326}
 * and CRS84 are longitude first. (WMS 1.3.0 reads {@code EPSG:4326} latitude first: see
 * {@link #epsgNorthFirst(int)}.)
 */
public final class SupportedCrs {
  /** EPSG codes offered, the storage CRS first. */
  public static final List<Integer> EPSG_CODES = List.of(4326, 3857, 32648, 4756, 3405);
  public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  public static final String CRS84_URN = "urn:ogc:def:crs:OGC:1.3:CRS84";

  private SupportedCrs() {}

  /**
   * Parses a CRS name in any common form and checks that it is offered.
   *
   * @param locator the request parameter, for errors
   * @throws ApiException INVALID_PARAMETER (locator {@code locator}) for an unknown form or a CRS not offered
   */
  public static CrsName parse(String text, String locator) {
    Optional<CrsName> crs = CrsName.lookup(text);
    if (crs.isEmpty()) {
      throw ApiException.invalidParameter(locator, "Cannot read the CRS name '" + ErrorText.abbreviate(text)
          + "'; use e.g. urn:ogc:def:crs:EPSG::4326, EPSG:3405 or " + CRS84_URI);
    }
    if (!EPSG_CODES.contains(crs.get().srid())) {
      throw ApiException.invalidParameter(locator, "CRS EPSG:" + crs.get().srid() + " is not offered; offered: "
          + String.join(", ", EPSG_CODES.stream().map(c -> "EPSG:" + c).toList()));
    }
    return crs.get();
  }

  /** True when the CRS has angular (degree) coordinates. */
  public static boolean isGeographic(int srid) {
    return srid == 4326 || srid == 4756;
  }

  /** True when the EPSG definition orders the axes north first (latitude/northing before longitude/easting). */
  public static boolean epsgNorthFirst(int srid) {
    return CrsName.NORTH_FIRST.contains(srid);
  }

  /** {@code urn:ogc:def:crs:EPSG::4326} (EPSG axis order). */
  public static String urn(int srid) {
    return "urn:ogc:def:crs:EPSG::" + srid;
  }

  /** {@code http://www.opengis.net/def/crs/EPSG/0/4326} (EPSG axis order). */
  public static String uri(int srid) {
    return "http://www.opengis.net/def/crs/EPSG/0/" + srid;
  }

  /** {@code EPSG:4326} (longitude/easting first in WFS and GML). */
  public static String shortName(int srid) {
    return "EPSG:" + srid;
  }

  /** The OGC API list: CRS84 first, then the http URIs of every EPSG code. */
  public static List<String> uris() {
    List<String> all = new ArrayList<>();
    all.add(CRS84_URI);
    EPSG_CODES.forEach(c -> all.add(uri(c)));
    return all;
  }

}
