package vn.citytwin.ogc.wms;

import java.util.List;
import java.util.Map;
import vn.citytwin.catalog.Layer;

/**
 * A named set of layers drawn together (the catalog's {@code layer_group}, e.g. {@code basemap}), listed in
 * capabilities as a named parent layer. Requesting the group in LAYERS draws its members in catalog order.
 *
 * @param members public layers of the group in drawing order (never empty)
 */
public record LayerGroup(String name, List<Layer> members) {
  /** Titles of the groups the project ships; other groups are titled by their name. */
  private static final Map<String, List<String>> TITLES = Map.of(
      "basemap", List.of("Bản đồ nền", "Base map"),
      "planning", List.of("Quy hoạch", "Planning"),
      "poi", List.of("Điểm quan tâm", "Points of interest"));

  public LayerGroup {
    members = List.copyOf(members);
  }

  /** Title in "vi" or "en". */
  public String title(String language) {
    List<String> t = TITLES.get(name);
    return t == null ? name : ("en".equals(language) ? t.get(1) : t.get(0));
  }
}
