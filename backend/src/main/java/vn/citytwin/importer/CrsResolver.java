package vn.citytwin.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;

/**
 * The source CRS an import passes to {@code ogr2ogr -s_srs}: the one given ({@code --srs}/{@code srs}), else the
 * file's own (.prj, GeoPackage, GeoJSON…, as GDAL reads it). A file with no CRS and none given is refused, as is a
 * CRS GDAL cannot read.
 *
 * <p>VN-2000 — recognised by its EPSG code (4756; 3405/3406 UTM; 5896–5899, 6956–6959, 9205–9218 TM-3) or by the
 * datum named in the WKT ({@code VN-2000}, {@code VN_2000}, {@code Vietnam_2000}, as ArcGIS-style .prj files write
 * it, with no TOWGS84) — is given explicitly as a PROJ string with the official seven-parameter transformation to
 * WGS 84 of Decision 05/2007/QĐ-BTNMT (EPSG:6960 "VN-2000 to WGS 84 (2)"), so that neither the file's missing
 * TOWGS84 nor PROJ's choice among several transformations (PROJ 9.1 picks EPSG:5194 for EPSG:5899 → 4326, 0.8 m
 * away at Vũng Tàu) decides where the data lands. The Decision and EPSG:6960 give the rotations in the Coordinate
 * Frame convention (rx −0.00928836″, ry +0.01975479″, rz −0.00427372″); PROJ's {@code +towgs84} is Position Vector,
 * so their signs flip here — the same string PostGIS's {@code spatial_ref_sys} holds for SRID 4756/3405/5899.
 */
public final class CrsResolver {
  /** Decision 05/2007/QĐ-BTNMT = EPSG:6960, Position Vector convention (rotations' signs flipped), ppm scale. */
  public static final String VN2000_TOWGS84 =
      "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";
  private static final Pattern VN2000_WKT = Pattern.compile("VN[-_ ]?2000|VIETNAM[-_ ]2000|\"4756\"");
  private static final Pattern EPSG = Pattern.compile("(?i)EPSG:(\\d{4,6})");
  private static final Pattern PROJ = Pattern.compile("\\+proj=[a-z_]+( \\+[a-z_0-9]+(=[-+.,0-9a-zA-Z_]+)?)*");

  /** The chosen source CRS: the {@code -s_srs} argument (null: the file's own) and what to tell the user. */
  public record SourceCrs(String sSrs, String description) {}

  private final GdalProcess gdal;

  public CrsResolver(GdalProcess gdal) {
    this.gdal = gdal;
  }

  /**
   * @param given the requested CRS ({@code EPSG:n} or a PROJ string), or null
   * @param dataset the file GDAL will read
   */
  public SourceCrs resolve(String given, Path dataset) {
    if (given != null && !given.isBlank()) {
      String srs = given.trim();
      if (!EPSG.matcher(srs).matches() && !PROJ.matcher(srs).matches()) {
        throw ApiException.invalidParameter("srs", "srs must be EPSG:<code> or a PROJ string (+proj=…)");
      }
      String wkt = info(srs, "wkt1", "srs");
      if (isVn2000(srs, wkt)) {
        return new SourceCrs(vn2000(info(srs, "proj4", "srs")), "VN-2000 (" + srs + ") with the official"
            + " 7-parameter transformation (Decision 05/2007/QĐ-BTNMT)");
      }
      return new SourceCrs(srs, srs);
    }
    Result file = fileCrs(dataset);
    if (file == null) {
      throw ApiException.invalidParameter("srs", "The file declares no coordinate reference system: pass srs"
          + " (e.g. EPSG:4326, or EPSG:5899 for VN-2000 TM-3 107°45')");
    }
    if (isVn2000("", file.wkt)) {
      return new SourceCrs(vn2000(file.proj4), "VN-2000 from the file (" + firstName(file.wkt) + ") with the"
          + " official 7-parameter transformation (Decision 05/2007/QĐ-BTNMT)");
    }
    return new SourceCrs(null, firstName(file.wkt));
  }

  private record Result(String wkt, String proj4) {}

  /** The dataset's CRS as GDAL reads it, or null when it has none; a CRS GDAL cannot read is refused. */
  private Result fileCrs(Path dataset) {
    Path prj = SourceFile.extension(dataset.getFileName().toString()).equals("shp")
        ? SourceFile.sibling(dataset, "prj") : null;
    GdalProcess.Result wkt = gdal.run("gdalsrsinfo", List.of("-o", "wkt1", dataset.toString()), Map.of(), null, null);
    if (!wkt.ok() || wkt.stdout().isBlank()) {
      if (prj != null && hasText(prj)) {
        throw ApiException.invalidParameter("srs", "The .prj file's coordinate reference system is unknown to"
            + " GDAL/PROJ: pass srs");
      }
      return null;
    }
    GdalProcess.Result proj = gdal.run("gdalsrsinfo", List.of("-o", "proj4", dataset.toString()), Map.of(), null,
        null);
    return new Result(wkt.stdout(), proj.stdout().trim());
  }

  private String info(String srs, String format, String locator) {
    GdalProcess.Result r = gdal.run("gdalsrsinfo", List.of("-o", format, srs), Map.of(), null, null);
    if (!r.ok() || r.stdout().isBlank()) {
      throw ApiException.invalidParameter(locator, "Unknown coordinate reference system '" + srs + "'");
    }
    return r.stdout().trim();
  }

  static boolean isVn2000(String srs, String wkt) {
    var m = EPSG.matcher(srs);
    if (m.matches()) {
      int code = Integer.parseInt(m.group(1));
      if (code == 4756 || code == 3405 || code == 3406 || (code >= 5896 && code <= 5899)
          || (code >= 6956 && code <= 6959) || (code >= 9205 && code <= 9218)) {
        return true;
      }
    }
    return VN2000_WKT.matcher(wkt.toUpperCase(Locale.ROOT)).find();
  }

  /** A PROJ string on the WGS 84 ellipsoid (VN-2000's) with the official transformation, whatever it had. */
  static String vn2000(String proj4) {
    String base = proj4.trim().replaceAll("\\s*\\+(towgs84|datum|ellps|nadgrids|no_defs|type)(=\\S*)?", "");
    return base + " +ellps=WGS84 " + VN2000_TOWGS84 + " +no_defs";
  }

  private static String firstName(String wkt) {
    var m = Pattern.compile("^\\s*[A-Z]+\\[\"([^\"]+)\"").matcher(wkt);
    return m.find() ? m.group(1) : "the file's CRS";
  }

  private static boolean hasText(Path p) {
    try {
      return !Files.readString(p).isBlank();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
