package vn.citytwin.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.citytwin.core.error.ApiException;

/**
 * The formats of {@code GET /api/layers/{id}/export}: GeoJSON and CSV stream straight from the feature engine;
 * the others are written by GDAL from that GeoJSON ({@link #driver} non-null).
 */
public enum ExportFormat {
  GEOJSON("geojson", "GeoJSON", "application/geo+json", "geojson"),
  CSV("csv", "CSV", "text/csv; charset=utf-8", "csv"),
  GPKG("gpkg", "GPKG", "application/geopackage+sqlite3", "gpkg"),
  SHP("shp", "ESRI Shapefile", "application/zip", "zip"),
  KML("kml", "KML", "application/vnd.google-earth.kml+xml", "kml"),
  FLATGEOBUF("flatgeobuf", "FlatGeobuf", "application/flatgeobuf", "fgb");

  final String param;
  /** The GDAL driver that writes it. */
  final String driver;
  final String mediaType;
  final String extension;

  ExportFormat(String param, String driver, String mediaType, String extension) {
    this.param = param;
    this.driver = driver;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** Streamed from the feature engine without GDAL (when no other CRS is asked for). */
  boolean streamed() {
    return this == GEOJSON || this == CSV;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** {@code format=} value; null is GeoJSON. */
  public static ExportFormat parse(String text) {
    if (text == null || text.isBlank()) {
      return GEOJSON;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (f.param.equals(t) || (f == FLATGEOBUF && t.equals("fgb")) || (f == SHP && t.equals("shape-zip"))
          || (f == GEOJSON && t.equals("json"))) {
        return f;
      }
    }
    throw ApiException.invalidParameter("format", "Unknown export format '" + vn.citytwin.core.error.ErrorText
        .abbreviate(text) + "' (formats: " + Arrays.stream(values()).map(f -> f.param)
        .collect(Collectors.joining(", ")) + ")");
  }
}
