package vn.citytwin.ogc.wfs;

import java.util.Arrays;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.filter.CrsName;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.ogc.OwsExceptionReport;
import vn.citytwin.features.SupportedCrs;

/** The WFS versions served, with what differs between them. */
enum WfsVersion {
  V2_0_0("2.0.0", "http://www.opengis.net/wfs/2.0", "http://schemas.opengis.net/wfs/2.0/wfs.xsd", GmlVersion.GML32,
      OwsExceptionReport.Flavour.OWS_1_1),
  V1_1_0("1.1.0", "http://www.opengis.net/wfs", "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd", GmlVersion.GML31,
      OwsExceptionReport.Flavour.OWS_1_0);

  private final String text;
  private final String namespace;
  private final String schemaLocation;
  private final GmlVersion gml;
  private final OwsExceptionReport.Flavour ows;

  WfsVersion(String text, String namespace, String schemaLocation, GmlVersion gml, OwsExceptionReport.Flavour ows) {
    this.text = text;
    this.namespace = namespace;
    this.schemaLocation = schemaLocation;
    this.gml = gml;
    this.ows = ows;
  }

  String text() {
    return text;
  }

  String namespace() {
    return namespace;
  }

  String schemaLocation() {
    return schemaLocation;
  }

  /** The default GML of GetFeature and DescribeFeatureType. */
  GmlVersion gml() {
    return gml;
  }

  OwsExceptionReport.Flavour ows() {
    return ows;
  }

  /** The default CRS of every feature type: WGS 84 in EPSG axis order (latitude first). */
  String defaultSrsName() {
    return SupportedCrs.urn(4326);
  }

  /**
   * {@link #defaultSrsName()} read: the CRS of geometry literals without srsName in filters (KVP FILTER, XML POST
   * queries, Transaction Update/Delete) and of Insert/Update geometries when neither they nor their action name one.
   * The same in 2.0 and 1.1.0; in both, the URN is latitude first and {@code EPSG:4326} longitude first.
   */
  CrsName defaultCrs() {
    return SupportedCrs.parse(defaultSrsName(), "srsName");
  }

  /**
   * The srsName written on output geometries for {@code crs}: the URN when the axes are written north first or the
   * CRS is projected; {@code EPSG:<code>} for a geographic CRS written longitude first (how GML clients read it).
   */
  static String srsName(CrsName crs) {
    if (!crs.northFirst() && SupportedCrs.isGeographic(crs.srid())) {
      return SupportedCrs.shortName(crs.srid());
    }
    return SupportedCrs.urn(crs.srid());
  }

  /** The version a request names ({@code 2.0.0}, {@code 2.0.2} and {@code 1.1.0}, and their short forms). */
  static WfsVersion parse(String v) {
    String t = v.trim();
    if (t.equals("2.0.0") || t.equals("2.0.2") || t.equals("2.0")) {
      return V2_0_0;
    }
    if (t.equals("1.1.0") || t.equals("1.1")) {
      return V1_1_0;
    }
    throw ApiException.invalidParameter("version", "WFS version '" + ErrorText.abbreviate(t)
        + "' is not served; use 2.0.0 or 1.1.0");
  }

  /** GetCapabilities: the first of ACCEPTVERSIONS served (else VersionNegotiationFailed), or VERSION, or 2.0.0. */
  static WfsVersion negotiate(String acceptVersions, String version) {
    if (acceptVersions != null) {
      for (String candidate : acceptVersions.split(",")) {
        try {
          return parse(candidate);
        } catch (ApiException e) {
          // try the next one
        }
      }
      throw new ApiException(ErrorKind.INVALID_PARAMETER, "VersionNegotiationFailed", null,
          "None of the versions " + Arrays.toString(acceptVersions.split(",")) + " is served; use 2.0.0 or 1.1.0",
          null);
    }
    if (version != null) {
      try {
        return parse(version);
      } catch (ApiException e) {
        return V2_0_0; // GetCapabilities answers with the highest version it has (WFS 2.0 §7.6.2.5)
      }
    }
    return V2_0_0;
  }
}
