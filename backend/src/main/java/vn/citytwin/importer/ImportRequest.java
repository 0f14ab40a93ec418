package vn.citytwin.importer;

/**
 * What to import and how, checked: the layer name is valid, the mode known.
 *
 * @param layer the target layer (table {@code city.<layer>})
 * @param sourceLayer the layer of a multi-layer file to read (GeoPackage, DXF, KML folders…), or null for its only
 *     layer
 * @param srs the source CRS ({@code EPSG:n} or a PROJ string), or null for the file's own
 * @param encoding the code page of a Shapefile's DBF (overrides its .cpg), or null
 * @param repairGeometries true to repair invalid geometries (JTS {@code GeometryFixer}) instead of rejecting the row
 * @param titleVi Vietnamese title for the catalog, or null
 * @param titleEn English title for the catalog, or null
 * @param splitMixed true to write a file mixing geometry families into one layer per family; false refuses it
 */
public record ImportRequest(String layer, String sourceLayer, String srs, ImportMode mode, String encoding,
                            boolean repairGeometries, String titleVi, String titleEn, boolean splitMixed) {
  public ImportRequest {
    LayerName.check(layer, "layer");
    if (encoding != null && !encoding.matches("[A-Za-z0-9_-]{2,20}")) {
      throw vn.citytwin.core.error.ApiException.invalidParameter("encoding", "encoding must be a code page name"
          + " such as UTF-8 or CP1258");
    }
    if (sourceLayer != null && (sourceLayer.length() > 200 || sourceLayer.startsWith("-"))) {
      throw vn.citytwin.core.error.ApiException.invalidParameter("sourceLayer", "Invalid source layer name");
    }
  }
}
