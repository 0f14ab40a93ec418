package vn.citytwin.catalog;

import java.util.List;

/**
 * What the {@code citytwin.catalog} table says about a layer. A discovered table without a row gets
 * {@link #defaults(String)}: public, titled by its name, every column queryable and in tiles.
 *
 * @param isPublic the catalog's old {@code is_public} flag, kept for tools that read it; it decides nothing: who may
 *     see a layer is the rule in {@code access.layer_rule} (migration V20 turned false flags into internal rules)
 * @param queryable columns that filters may use; null means every attribute column
 * @param tileFields columns put into vector tiles by default; null means every attribute column
 * @param timeColumn a timestamp column that makes the layer time-enabled, or null
 * @param heightColumn a height in metres that makes the layer extrudable in 3D Tiles, or null
 */
public record LayerMetadata(
    String titleVi, String titleEn, String abstractVi, String abstractEn, String attribution, String defaultStyle,
    int minZoom, int maxZoom, boolean isPublic, List<String> queryable, List<String> tileFields, String timeColumn,
    String heightColumn, String group, boolean editable, boolean synthetic, int sortOrder) {

  public static LayerMetadata defaults(String layerId) {
    return new LayerMetadata(layerId, layerId, null, null, null, layerId, 0, 22, true, null, null, null, null, null,
        false, false, 100);
  }

  /** Title in the given language ("vi" or "en"), falling back to the other one. */
  public String title(String language) {
    String t = "en".equals(language) ? titleEn : titleVi;
    return t != null ? t : (titleVi != null ? titleVi : titleEn);
  }

  /** Abstract in the given language, falling back to the other one; may be null. */
  public String abstractText(String language) {
    String a = "en".equals(language) ? abstractEn : abstractVi;
    return a != null ? a : ("en".equals(language) ? abstractVi : abstractEn);
  }
}
