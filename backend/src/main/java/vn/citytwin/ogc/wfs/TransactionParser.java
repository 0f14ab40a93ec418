package vn.citytwin.ogc.wfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Element;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.FesParser;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.GmlReader;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.features.FeatureEdit;

/**
 * Parses a {@code wfs:Transaction} (WFS 2.0 and 1.1.0) into {@link FeatureEdit}s: {@code Insert} (features as
 * elements of our namespace; property elements by column name, the geometry property holding GML, {@code xsi:nil}
 * for null), {@code Update} ({@code Property} with {@code ValueReference} or {@code Name} and an optional
 * {@code Value}, plus a filter) and {@code Delete} (a filter). {@code Replace} and {@code Native} are not supported.
 * Geometries are read by the filter module's {@link GmlReader}: one without srsName is in the Insert's (or
 * Update's) srsName, else the feature type's default CRS ({@code urn:ogc:def:crs:EPSG::4326}, latitude first).
 * Filters are read by {@link FesParser}, their geometry literals defaulting to the feature type's CRS.
 */
final class TransactionParser {
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final WfsNames names;

  TransactionParser(WfsNames names) {
    this.names = names;
  }

  List<FeatureEdit> parse(Element root, WfsVersion version) {
    List<FeatureEdit> edits = new ArrayList<>();
    for (Element action : XmlElements.children(root)) {
      String handle = XmlElements.attr(action, "handle");
      switch (XmlElements.local(action)) {
        case "Insert" -> edits.addAll(insert(action, version, handle));
        case "Update" -> edits.add(update(action, version, handle));
        case "Delete" -> {
          Layer layer = names.layer(typeName(action), "typeName");
          edits.add(new FeatureEdit.Delete(layer, filter(action, true, version), handle));
        }
        case "Replace", "Native" -> throw new ApiException(ErrorKind.OPERATION_NOT_SUPPORTED, "OptionNotSupported",
            XmlElements.local(action), XmlElements.local(action) + " is not supported; use Update or Delete and Insert",
            null);
        default -> throw ApiException.invalidParameter("Transaction", "Unexpected element <"
            + action.getNodeName() + "> in a Transaction; expected Insert, Update or Delete");
      }
    }
    if (edits.isEmpty()) {
      throw ApiException.missingParameter("Insert");
    }
    return edits;
  }

  private List<FeatureEdit> insert(Element insert, WfsVersion version, String handle) {
    CrsName defaultCrs = defaultCrs(insert, version);
    Map<Layer, List<FeatureEdit.NewFeature>> byLayer = new LinkedHashMap<>();
    for (Element feature : XmlElements.children(insert)) {
      Layer layer = names.layer(XmlElements.local(feature), "typeName");
      Map<String, Object> values = new LinkedHashMap<>();
      Geometry geometry = null;
      Object id = null;
      for (Element p : XmlElements.children(feature)) {
        if (isGml(p)) {
          continue; // gml:name, gml:description, gml:boundedBy …
        }
        String column = WfsNames.column(layer, XmlElements.local(p), "Insert");
        if (column.equals(layer.geometryColumn())) {
          Element g = XmlElements.children(p).isEmpty() ? null : XmlElements.children(p).get(0);
          geometry = g == null ? null : geometry(g, defaultCrs, column);
        } else if (column.equals(layer.idColumn())) {
          id = XmlElements.text(p);
        } else {
          values.put(column, nil(p) ? null : XmlElements.text(p));
        }
      }
      byLayer.computeIfAbsent(layer, l -> new ArrayList<>()).add(new FeatureEdit.NewFeature(id, values, geometry));
    }
    if (byLayer.isEmpty()) {
      throw ApiException.missingParameter("Insert");
    }
    List<FeatureEdit> edits = new ArrayList<>();
    byLayer.forEach((layer, features) -> edits.add(new FeatureEdit.Insert(layer, features, handle)));
    return edits;
  }

  private FeatureEdit update(Element update, WfsVersion version, String handle) {
    Layer layer = names.layer(typeName(update), "typeName");
    Map<String, Object> values = new LinkedHashMap<>();
    CrsName defaultCrs = defaultCrs(update, version);
    for (Element p : XmlElements.children(update, "Property")) {
      Element ref = XmlElements.child(p, "ValueReference");
      if (ref == null) {
        ref = XmlElements.child(p, "Name");
      }
      if (ref == null || XmlElements.text(ref).isEmpty()) {
        throw ApiException.missingParameter("ValueReference");
      }
      String column = WfsNames.column(layer, XmlElements.text(ref), "ValueReference");
      Element value = XmlElements.child(p, "Value");
      if (column.equals(layer.geometryColumn())) {
        Element g = value == null || XmlElements.children(value).isEmpty() ? null
            : XmlElements.children(value).get(0);
        values.put(column, g == null ? null : geometry(g, defaultCrs, column));
      } else {
        values.put(column, value == null || nil(value) ? null : XmlElements.text(value));
      }
    }
    return new FeatureEdit.Update(layer, values, filter(update, false, version), handle);
  }

  private static String typeName(Element action) {
    String t = XmlElements.attr(action, "typeName");
    if (t == null) {
      t = XmlElements.attr(action, "typeNames");
    }
    if (t == null) {
      throw ApiException.missingParameter("typeName");
    }
    return t;
  }

  private static Filter filter(Element action, boolean required, WfsVersion version) {
    Element f = XmlElements.child(action, "Filter");
    if (f == null) {
      if (required) {
        throw ApiException.missingParameter("filter");
      }
      return null;
    }
    return FesParser.parse(f, version.defaultCrs());
  }

  /**
   * The CRS of the action's geometries that have no srsName of their own: the action's srsName, else the feature
   * type's default. Any EPSG code is read here, as on the geometries themselves; the store reprojects.
   */
  private static CrsName defaultCrs(Element action, WfsVersion version) {
    String srsName = XmlElements.attr(action, "srsName");
    if (srsName == null) {
      return version.defaultCrs();
    }
    return CrsName.lookup(srsName).orElseThrow(() -> ApiException.invalidParameter("srsName",
        "Cannot read the srsName '" + ErrorText.abbreviate(srsName) + "'; use e.g. urn:ogc:def:crs:EPSG::4326"
            + " or EPSG:4326"));
  }

  /** A geometry property value; a transaction is all or nothing, which the message says. */
  private static Geometry geometry(Element gml, CrsName defaultCrs, String column) {
    try {
      return GmlReader.read(gml, defaultCrs, column).geometry();
    } catch (ApiException e) {
      throw new ApiException(e.kind(), e.code(), e.locator(), e.getMessage() + "; nothing was written", e.getCause());
    }
  }

  private static boolean nil(Element e) {
    return "true".equals(e.getAttributeNS(XSI, "nil")) || "1".equals(e.getAttributeNS(XSI, "nil"));
  }

  private static boolean isGml(Element e) {
    String ns = e.getNamespaceURI();
    return GmlVersion.GML32.namespace().equals(ns) || GmlVersion.GML31.namespace().equals(ns);
  }
}
