package vn.citytwin.ogc.wms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.features.SupportedCrs;

/**
 * A coordinate reference system the WMS advertises, with its axis-order rule. In WMS 1.3.0 a CRS's coordinates
 * (BBOX, BoundingBox) are written in the CRS's own axis order, so EPSG:4326 and EPSG:4756 (VN-2000) are
 * latitude,longitude; CRS:84 and every projected CRS here are easting,northing. WMS 1.1.1 always writes x=east,
 * y=north. Internally everything is x=east, y=north ({@link vn.citytwin.query.BBox}, {@link
 * vn.citytwin.render.MapExtent}).
 *
 * <p>The list is the shared {@link SupportedCrs} list (names, geographic or not, EPSG axis order) plus CRS:84.
 *
 * @param code the advertised name, e.g. {@code EPSG:3857}
 * @param srid the PostGIS SRID the geometry is transformed to
 * @param geographic true when coordinates are degrees
 * @param northFirst true when WMS 1.3.0 writes this CRS latitude (northing) first
 */
public record WmsCrs(String code, int srid, boolean geographic, boolean northFirst) {
  /** OGC CRS:84: WGS 84 longitude, latitude (WMS 1.3.0 Annex B). */
  public static final WmsCrs CRS_84 = new WmsCrs("CRS:84", 4326, true, false);
  public static final WmsCrs EPSG_3857 = epsg(3857);

  /**
   * Every advertised CRS in the order capabilities list them: EPSG:4326, CRS:84, then the other EPSG codes of
   * {@link SupportedCrs#EPSG_CODES} (3857, 32648 WGS 84 / UTM 48N, 4756 VN-2000, 3405 VN-2000 / UTM 48N).
   */
  public static final List<WmsCrs> SUPPORTED = supported();

  private static List<WmsCrs> supported() {
    List<WmsCrs> all = new java.util.ArrayList<>();
    for (int code : SupportedCrs.EPSG_CODES) {
      all.add(epsg(code));
      if (code == 4326) {
        all.add(CRS_84);
      }
    }
    return List.copyOf(all);
  }

  private static WmsCrs epsg(int code) {
    return new WmsCrs(SupportedCrs.shortName(code), code, SupportedCrs.isGeographic(code),
        SupportedCrs.epsgNorthFirst(code));
  }

  /** True when, in this version, BBOX and BoundingBox values of this CRS are written north first. */
  public boolean swapsAxes(WmsVersion version) {
    return version == WmsVersion.V1_3_0 && northFirst;
  }

  /** The CRSs a capabilities document of this version lists (CRS:84 belongs to 1.3.0). */
  public static List<WmsCrs> advertised(WmsVersion version) {
    return version == WmsVersion.V1_3_0 ? SUPPORTED : SUPPORTED.stream().filter(c -> c != CRS_84).toList();
  }

  /** A CRS by its WMS name (case-insensitive; {@code EPSG:900913} is 3857); empty when not supported. */
  public static Optional<WmsCrs> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toUpperCase(Locale.ROOT);
    if (n.equals("EPSG:900913") || n.equals("EPSG:102100") || n.equals("EPSG:102113")) {
      return Optional.of(EPSG_3857);
    }
    if (n.equals("CRS:84") || n.equals("OGC:CRS84")) {
      return Optional.of(CRS_84);
    }
    return SUPPORTED.stream().filter(c -> c.code.equals(n)).findFirst();
  }

  /**
   * The CRS of a request's CRS (1.3.0) or SRS (1.1.1) parameter.
   *
   * @throws ApiException INVALID_PARAMETER with code InvalidCRS (1.3.0) or InvalidSRS (1.1.1), locator the
   *     parameter name
   */
  public static WmsCrs require(String name, WmsVersion version, String locator) {
    return lookup(name).orElseThrow(() -> ApiException.invalidParameter(locator, "CRS '"
        + ErrorText.abbreviate(name) + "' is not supported; use one of " + String.join(", ",
        advertised(version).stream().map(WmsCrs::code).toList()))
        .withCode(version == WmsVersion.V1_3_0 ? WmsErrors.INVALID_CRS : WmsErrors.INVALID_SRS));
  }
}
