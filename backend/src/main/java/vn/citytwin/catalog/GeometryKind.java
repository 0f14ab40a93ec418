package vn.citytwin.catalog;

import java.util.Locale;

/** The geometry type a layer's geometry column is declared with. */
public enum GeometryKind {
  POINT("Point"), LINESTRING("LineString"), POLYGON("Polygon"), MULTIPOINT("MultiPoint"),
  MULTILINESTRING("MultiLineString"), MULTIPOLYGON("MultiPolygon"), GEOMETRYCOLLECTION("GeometryCollection"),
  GEOMETRY("Geometry");

  private final String ogcName;

  GeometryKind(String ogcName) {
    this.ogcName = ogcName;
  }

  /** The OGC Simple Features name, e.g. {@code MultiPolygon}. */
  public String ogcName() {
    return ogcName;
  }

  /** From PostGIS {@code geometry_columns.type} (e.g. {@code MULTIPOLYGON}, {@code POINTZ}); unknown → GEOMETRY. */
  public static GeometryKind fromPostgis(String type) {
    if (type == null) {
      return GEOMETRY;
    }
    String t = type.toUpperCase(Locale.ROOT).replaceAll("[ZM]+$", "");
    for (GeometryKind k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    return GEOMETRY;
  }

  /** Points are the only kind without extent, lines the only kind without area: renderers and tiles care. */
  public boolean isPoint() {
    return this == POINT || this == MULTIPOINT;
  }

  public boolean isLine() {
    return this == LINESTRING || this == MULTILINESTRING;
  }

  public boolean isPolygon() {
    return this == POLYGON || this == MULTIPOLYGON;
  }
}
