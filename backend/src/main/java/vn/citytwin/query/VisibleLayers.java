package vn.citytwin.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.citytwin.access.AccessView;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;

/**
 * The catalog as one request's principal may see it: the read path's access decision. A layer the rules hide does
 * not exist here (same NOT_FOUND, same text as an unknown layer), and a visible layer comes without the attributes
 * hidden from the principal, so every {@link LayerQuery}, capabilities document, schema, filter resolver and tile
 * built from it lacks them too. Answers built from it are cached under {@link #cacheKey()}.
 */
public final class VisibleLayers {
  private final Catalog catalog;
  private final AccessView view;

  private VisibleLayers(Catalog catalog, AccessView view) {
    this.catalog = catalog;
    this.view = view;
  }

  public static VisibleLayers of(Catalog catalog, AccessView view) {
    return new VisibleLayers(catalog, view);
  }

  /** Every layer the principal may see, in catalog order, each narrowed to its visible attributes. */
  public List<Layer> all() {
    return catalog.all().stream().filter(l -> view.canSeeLayer(l.id())).map(this::narrow).toList();
  }

  public Optional<Layer> find(String id) {
    return catalog.find(id).filter(l -> view.canSeeLayer(l.id())).map(this::narrow);
  }

  /**
   * The visible layer with that id, or NOT_FOUND with the locator — the same answer for a hidden layer as for one
   * that does not exist, so the rules leak no names.
   */
  public Layer require(String id, String locator) {
    return find(id).orElseThrow(() -> unknown(id, locator));
  }

  /** The error every protocol's "no such layer" carries. */
  public static ApiException unknown(String id, String locator) {
    return ApiException.notFound(locator, "Unknown layer '" + ErrorText.abbreviate(id) + "'");
  }

  public AccessView view() {
    return view;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** What answers built from these layers are cached under (the principal's roles). */
  public String cacheKey() {
    return view.cacheKey();
  }

  /**
   * The columns each layer carries for this principal, as a cache-key part: answers over the same layers with the
   * same visible columns are the same bytes, whoever asks.
   */
  public static String columnsKey(List<Layer> layers) {
    StringBuilder sb = new StringBuilder();
    for (Layer l : layers) {
      sb.append(l.id()).append(':').append(Integer.toHexString(
          l.fields().stream().map(f -> f.name()).toList().hashCode())).append(';');
    }
    return sb.toString();
  }

  private Layer narrow(Layer l) {
    Set<String> hidden = view.hiddenAttributes(l.id());
    if (hidden.isEmpty()) {
      return l;
    }
    return new Layer(l.id(), l.schema(), l.table(), l.idColumn(), l.geometryColumn(), l.geometryKind(), l.srid(),
        l.fields().stream().filter(f -> !hidden.contains(f.name())).toList(), l.meta());
  }
}
