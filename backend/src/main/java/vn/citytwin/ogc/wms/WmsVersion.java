package vn.citytwin.ogc.wms;

import java.util.Optional;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;

/**
 * The two WMS versions served. They differ in the CRS parameter name (SRS/CRS), the pixel parameters of
 * GetFeatureInfo (X/Y, I/J), the axis order of geographic CRSs (1.3.0 follows EPSG: latitude first for
 * EPSG:4326 and EPSG:4756) and the exception report format.
 */
public enum WmsVersion {
  V1_1_1("1.1.1"),
  V1_3_0("1.3.0");

  private final String text;

  WmsVersion(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The version named exactly ({@code 1.1.1}, {@code 1.1.0} read as 1.1.1, {@code 1.3.0}, {@code 1.3}). */
  public static Optional<WmsVersion> exact(String v) {
    if (v == null) {
      return Optional.empty();
    }
    return switch (v.trim()) {
      case "1.1.1", "1.1.0", "1.1" -> Optional.of(V1_1_1);
      case "1.3.0", "1.3" -> Optional.of(V1_3_0);
      default -> Optional.empty();
    };
  }

  /**
   * Version negotiation of GetCapabilities (WMS 1.3.0 §6.2.4): none requested gives the highest; a known one is
   * served; a higher one gives 1.3.0, a lower one 1.1.1, one in between 1.1.1.
   */
  public static WmsVersion negotiate(String requested) {
    if (requested == null || requested.isBlank()) {
      return V1_3_0;
    }
    Optional<WmsVersion> exact = exact(requested);
    if (exact.isPresent()) {
      return exact.get();
    }
    int[] r = parts(requested);
    if (r == null) {
      return V1_3_0;
    }
    return compare(r, new int[] {1, 3, 0}) > 0 ? V1_3_0 : V1_1_1;
  }

  /**
   * The version of an operation request: VERSION (or the old WMTVER) must name a supported version; when absent,
   * 1.3.0 is assumed (as GeoServer does).
   *
   * @throws ApiException INVALID_PARAMETER (locator VERSION) for any other version
   */
  public static WmsVersion ofRequest(String requested) {
    if (requested == null || requested.isBlank()) {
      return V1_3_0;
    }
    return exact(requested).orElseThrow(() -> ApiException.invalidParameter("VERSION",
        "Unsupported WMS version '" + ErrorText.abbreviate(requested, 20) + "': use 1.1.1 or 1.3.0"));
  }

  private static int[] parts(String v) {
    String[] p = v.trim().split("\\.");
    int[] out = new int[3];
    try {
      for (int i = 0; i < Math.min(3, p.length); i++) {
        out[i] = Integer.parseInt(p[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
