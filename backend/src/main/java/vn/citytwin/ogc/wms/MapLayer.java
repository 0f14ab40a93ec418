package vn.citytwin.ogc.wms;

import java.util.Objects;
import vn.citytwin.catalog.Layer;
import vn.citytwin.filter.Filter;

/**
 * One layer to draw or query: the catalog layer, its style and the optional vendor filter (CQL_FILTER/FILTER)
 * that narrows its features. A LAYERS entry naming a group becomes one MapLayer per member.
 *
 * @param entry the LAYERS entry this layer came from (the layer id, or the group name)
 * @param filter null when the request did not filter this layer
 */
public record MapLayer(String entry, Layer layer, NamedStyle style, Filter filter) {
  public MapLayer {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(style, "style");
  }
}
