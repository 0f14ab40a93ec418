package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.ogc.XmlNames;

/**
 * The names WFS clients see: feature types are {@code citytwin:<layer>} in the namespace {@link #NAMESPACE};
 * properties are the layer's column names (as XML NCNames, {@link XmlNames}). Requests may name types and
 * properties with any prefix, in Clark notation or without prefix.
 */
final class WfsNames {
  static final String PREFIX = "citytwin";
  static final String NAMESPACE = "https://citytwin.vn/features";

  private final List<Layer> layers;

  /** @param layers the layers the request's principal may see (hidden ones are unknown feature types) */
  WfsNames(List<Layer> layers) {
    this.layers = layers;
  }

  List<Layer> all() {
    return layers;
  }

  /** {@code citytwin:buildings}. */
  static String typeName(Layer layer) {
    return PREFIX + ":" + XmlNames.ncName(layer.id());
  }

  /** The element name of a property (no prefix). */
  static String element(String column) {
    return XmlNames.ncName(column);
  }

  /** A feature's gml:id: {@code buildings.42}. */
  static String featureId(Layer layer, Object id) {
    return XmlNames.ncName(layer.id()) + "." + id;
  }

  /** The public layer a type name denotes, or InvalidParameterValue naming {@code locator}. */
  Layer layer(String typeName, String locator) {
    String local = local(typeName.trim());
    for (Layer l : layers) {
      if (XmlNames.matches(local, l.id())) {
        return l;
      }
    }
    throw ApiException.invalidParameter(locator, "Unknown feature type '" + ErrorText.abbreviate(typeName.trim())
        + "'");
  }

  /**
   * The column a property name denotes (an attribute, the id column or the geometry column), or
   * InvalidParameterValue naming {@code locator}.
   */
  static String column(Layer layer, String propertyName, String locator) {
    String local = local(propertyName.trim());
    // A simple XPath such as citytwin:buildings/citytwin:height names its last step.
    int slash = local.lastIndexOf('/');
    if (slash >= 0) {
      local = local(local.substring(slash + 1));
    }
    if (XmlNames.matches(local, layer.geometryColumn())) {
      return layer.geometryColumn();
    }
    for (Field f : layer.fields()) {
      if (XmlNames.matches(local, f.name())) {
        return f.name();
      }
    }
    List<String> known = layer.fields().stream().map(f -> element(f.name())).limit(12).toList();
    throw ApiException.invalidParameter(locator, "Feature type " + typeName(layer) + " has no property '"
        + ErrorText.abbreviate(propertyName.trim()) + "'; it has " + String.join(", ", known)
        + ", " + element(layer.geometryColumn()));
  }

  /** Strips a prefix or a Clark-notation namespace. */
  static String local(String name) {
    if (name.startsWith("{")) {
      int end = name.indexOf('}');
      return end < 0 ? name : name.substring(end + 1);
    }
    return XmlNames.local(name);
  }
}
