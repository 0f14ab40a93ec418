package vn.citytwin.ogc.wfs;

import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.FesParser;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.SecureXml;

/**
 * FES filters of WFS requests. A GML geometry literal without {@code srsName} is in the default CRS of the feature
 * type (WFS 2.0 §7.9.2.4.1): {@code urn:ogc:def:crs:EPSG::4326}, latitude first. GDAL relies on that and writes its
 * BBOX envelopes latitude first without a name. The filter module reads an unnamed geometry as CRS84, so the
 * default name is written onto such literals before parsing.
 */
final class FesFilters {
  private static final Set<String> GEOMETRIES = Set.of("Envelope", "Box", "Point", "LineString", "LinearRing",
      "Polygon", "MultiPoint", "MultiLineString", "MultiCurve", "MultiPolygon", "MultiSurface", "MultiGeometry");
  private static final Set<String> GML = Set.of("http://www.opengis.net/gml/3.2", "http://www.opengis.net/gml");

  private FesFilters() {}

  /** Parses a KVP FILTER value. */
  static Filter parse(String xml, String defaultSrsName) {
    if (xml.length() > FesParser.MAX_LENGTH) {
      throw ApiException.invalidParameter("filter", "Filter XML is too long");
    }
    Element root = SecureXml.parse(xml, "filter").getDocumentElement();
    return parse(root, defaultSrsName);
  }

  /** Parses a Filter element of a request document (the element is modified: default srsNames are added). */
  static Filter parse(Element filter, String defaultSrsName) {
    stamp(filter, defaultSrsName, 0);
    return FesParser.parse(filter);
  }

  private static void stamp(Element e, String srsName, int depth) {
    if (depth > SecureXml.MAX_DEPTH) {
      return;
    }
    if (GEOMETRIES.contains(XmlElements.local(e)) && GML.contains(e.getNamespaceURI())) {
      Node parent = e.getParentNode();
      boolean topLevel = !(parent instanceof Element p) || !GML.contains(p.getNamespaceURI());
      if (topLevel && e.getAttribute("srsName").isBlank()) {
        e.setAttribute("srsName", srsName);
      }
      return;
    }
    for (Element c : XmlElements.children(e)) {
      stamp(c, srsName, depth + 1);
    }
  }
}
