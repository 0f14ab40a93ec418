package vn.citytwin.ogc.wfs;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** DOM helpers for reading request XML by local name (clients differ in prefixes, some omit namespaces). */
final class XmlElements {
  private XmlElements() {}

  static String local(Element e) {
    String l = e.getLocalName();
    if (l == null) {
      l = e.getNodeName();
    }
    int c = l.indexOf(':');
    return c >= 0 ? l.substring(c + 1) : l;
  }

  static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  static List<Element> children(Element e, String localName) {
    return children(e).stream().filter(c -> local(c).equals(localName)).toList();
  }

  static Element child(Element e, String localName) {
    for (Element c : children(e)) {
      if (local(c).equals(localName)) {
        return c;
      }
    }
    return null;
  }

  /** An unqualified attribute, or null when absent or blank. */
  static String attr(Element e, String name) {
    String v = e.getAttribute(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  static String text(Element e) {
    String t = e.getTextContent();
    return t == null ? "" : t.trim();
  }
}
