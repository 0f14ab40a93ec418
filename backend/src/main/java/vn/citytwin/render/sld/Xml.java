package vn.citytwin.render.sld;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace constants and small DOM helpers for SLD/SE documents. */
final class Xml {
  static final String SLD = "http://www.opengis.net/sld";
  static final String SE = "http://www.opengis.net/se";
  static final String OGC = "http://www.opengis.net/ogc";
  static final String FES = "http://www.opengis.net/fes/2.0";
  static final String XLINK = "http://www.w3.org/1999/xlink";

  /** Namespaces whose elements are style structure (SLD 1.0 puts symbolizers in sld:, SE 1.1 in se:). */
  static final Set<String> STYLE_NS = Set.of(SLD, SE);
  /** Namespaces whose elements are filter expressions. */
  static final Set<String> EXPRESSION_NS = Set.of(OGC, FES);

  private Xml() {
  }

  static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** True when {@code e} is a style element (SLD or SE namespace, or no namespace) with that local name. */
  static boolean isStyle(Element e, String local) {
    String ns = e.getNamespaceURI();
    return local.equals(localName(e)) && (ns == null || STYLE_NS.contains(ns));
  }

  static boolean isExpressionNs(Element e) {
    String ns = e.getNamespaceURI();
    return ns != null && EXPRESSION_NS.contains(ns);
  }

  static List<Element> childElements(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  /** The element's text content, trimmed; "" when empty. */
  static String text(Element e) {
    String t = e.getTextContent();
    return t == null ? "" : t.trim();
  }
}
