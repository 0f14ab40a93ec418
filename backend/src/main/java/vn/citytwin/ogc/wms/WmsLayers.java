package vn.citytwin.ogc.wms;

import vn.citytwin.query.VisibleLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.citytwin.catalog.Layer;

/**
 * The WMS view of the catalog: public layers and the groups they form. Read from the catalog's current snapshot
 * on every call (a catalog reload is seen at once). A layer id wins over a group of the same name.
 */
public final class WmsLayers {
  private final VisibleLayers visible;
  private final List<Layer> all;

  /** @param visible the layers the request's principal may see: the others are not defined here */
  public WmsLayers(VisibleLayers visible) {
    this.visible = visible;
    this.all = visible.all();
  }

  /** Visible layers in catalog order. */
  public List<Layer> all() {
    return all;
  }

  /** The request's access view (scenario resolution, cache keys). */
  public vn.citytwin.access.AccessView view() {
    return visible.view();
  }

  /** Groups in the order of their first member. */
  public List<LayerGroup> groups() {
    Map<String, List<Layer>> byGroup = new LinkedHashMap<>();
    for (Layer l : all()) {
      String g = l.meta().group();
      if (g != null && !g.isBlank() && visible.catalog().find(g).isEmpty()) {
        byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(l);
      }
    }
    List<LayerGroup> out = new ArrayList<>();
    byGroup.forEach((name, members) -> out.add(new LayerGroup(name, members)));
    return out;
  }

  public Optional<LayerGroup> group(String name) {
    return groups().stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The group a layer is listed under in capabilities, if any. */
  public Optional<LayerGroup> groupOf(Layer layer) {
    return groups().stream().filter(g -> g.members().contains(layer)).findFirst();
  }

  /** A visible layer by name. */
  public Optional<Layer> layer(String name) {
    return visible.find(name);
  }

  /**
   * What one LAYERS (or QUERY_LAYERS, LAYER) entry names: a layer, or a group's members.
   *
   * @throws vn.citytwin.core.error.ApiException LayerNotDefined with the given locator
   */
  public Named resolve(String name, String locator) {
    String n = name == null ? "" : name.trim();
    Optional<Layer> layer = layer(n);
    if (layer.isPresent()) {
      return new Named(n, null, List.of(layer.get()));
    }
    Optional<LayerGroup> group = group(n);
    if (group.isPresent()) {
      return new Named(n, group.get(), group.get().members());
    }
    throw WmsErrors.layerNotDefined(locator, n);
  }

  /**
   * A resolved name.
   *
   * @param group the group when the name was a group, else null
   * @param layers the layer itself, or the group's members in drawing order
   */
  public record Named(String name, LayerGroup group, List<Layer> layers) {
    public boolean isGroup() {
      return group != null;
    }
  }
}
