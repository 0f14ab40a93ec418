package vn.citytwin.importer;

import java.util.List;
import java.util.Map;
import vn.citytwin.catalog.GeometryKind;

/** The families a layer's geometry type comes from: one layer holds one family (single parts promoted to multi). */
public enum GeometryFamily {
  POINT("points", GeometryKind.POINT, GeometryKind.MULTIPOINT, List.of("ST_Point", "ST_MultiPoint")),
  LINE("lines", GeometryKind.LINESTRING, GeometryKind.MULTILINESTRING, List.of("ST_LineString", "ST_MultiLineString")),
  POLYGON("polygons", GeometryKind.POLYGON, GeometryKind.MULTIPOLYGON, List.of("ST_Polygon", "ST_MultiPolygon")),
  COLLECTION("collections", GeometryKind.GEOMETRYCOLLECTION, GeometryKind.GEOMETRYCOLLECTION,
      List.of("ST_GeometryCollection"));

  /** The suffix of a split layer's name ({@code wards_polygons}). */
  final String suffix;
  final GeometryKind single;
  final GeometryKind multi;
  /** PostGIS {@code ST_GeometryType} names of the family. */
  final List<String> postgisTypes;

  GeometryFamily(String suffix, GeometryKind single, GeometryKind multi, List<String> postgisTypes) {
    this.suffix = suffix;
    this.single = single;
    this.multi = multi;
    this.postgisTypes = postgisTypes;
  }

  /** The family of a PostGIS {@code ST_GeometryType} name, or COLLECTION for anything else. */
  static GeometryFamily of(String postgisType) {
    for (GeometryFamily f : values()) {
      if (f.postgisTypes.contains(postgisType)) {
        return f;
      }
    }
    return COLLECTION;
  }

  /** The layer type for staged counts of this family: multi when any geometry is multi-part. */
  GeometryKind kind(Map<String, Long> countsByType) {
    boolean anyMulti = countsByType.keySet().stream().anyMatch(t -> t.startsWith("ST_Multi") && of(t) == this);
    return anyMulti ? multi : single;
  }
}
