package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.xml.SecureXml;

/** Small DOM helpers for the FES and GML readers; they work on namespace-aware and plain DOMs alike. */
final class Dom {
  private Dom() {}

  /** The element's local name (prefix stripped even on a DOM built without namespaces). */
  static String local(Element e) {
    String l = e.getLocalName();
    if (l == null) {
      l = e.getNodeName();
      int c = l.indexOf(':');
      if (c >= 0) {
        l = l.substring(c + 1);
      }
    }
    return l;
  }

  /** The element children, in document order. */
  static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first child element with local name {@code name}, or null. */
  static Element child(Element e, String name) {
    for (Element c : children(e)) {
      if (local(c).equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The concatenated text content. */
  static String text(Element e) {
    String t = e.getTextContent();
    return t == null ? "" : t;
  }

  /** An attribute by local name in any namespace (so {@code gml:id} is found as {@code id}); null if absent. */
  static String attr(Element e, String name) {
    NamedNodeMap atts = e.getAttributes();
    for (int i = 0; i < atts.getLength(); i++) {
      Attr a = (Attr) atts.item(i);
      String l = a.getLocalName() != null ? a.getLocalName() : a.getName();
      int c = l.indexOf(':');
      if (c >= 0 && a.getLocalName() == null) {
        l = l.substring(c + 1);
      }
      if (l.equals(name) && !"xmlns".equals(a.getPrefix())) {
        return a.getValue();
      }
    }
    return null;
  }

  /**
   * An INVALID_PARAMETER error of a filter (locator {@code filter}) pointing at {@code at}; see
   * {@link #error(Element, String, String, String)}.
   */
  static ApiException error(Element at, String message) {
    return error(at, "filter", FilterErrors.LOCATOR, message);
  }

  /**
   * An INVALID_PARAMETER error pointing at {@code at}: "Invalid {@code subject} at" its path from the root (last
   * few steps) and, when the element came from {@link SecureXml}, its line and column.
   *
   * @param subject what was being read, for the message ("filter", "geometry")
   * @param locator the request parameter the element came from
   */
  static ApiException error(Element at, String subject, String locator, String message) {
    List<String> steps = new ArrayList<>();
    for (Node n = at; n instanceof Element el; n = n.getParentNode()) {
      steps.add(0, el.getNodeName());
    }
    String path = steps.size() > 5
        ? "/…/" + String.join("/", steps.subList(steps.size() - 4, steps.size()))
        : "/" + String.join("/", steps);
    String where = SecureXml.position(at);
    return ApiException.invalidParameter(locator, "Invalid " + subject + " at " + path
        + (where != null ? " (" + where + ")" : "") + ": " + message);
  }
}
