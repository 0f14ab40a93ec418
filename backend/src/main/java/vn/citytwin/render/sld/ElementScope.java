package vn.citytwin.render.sld;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The children of one element being read. Readers take the children they understand; {@link #finish()} then
 * records a warning for every child nobody took, so no unsupported element is ignored silently.
 */
final class ElementScope {
  private final Element element;
  private final String path;
  private final ParseContext ctx;
  private final List<Element> children;
  private final Set<Element> taken = new HashSet<>();

  ElementScope(Element element, String parentPath, ParseContext ctx) {
    this.element = element;
    this.path = parentPath == null ? Xml.localName(element) : parentPath + "/" + Xml.localName(element);
    this.ctx = ctx;
    this.children = Xml.childElements(element);
  }

  Element element() {
    return element;
  }

  /** Slash-separated local names from the root, for warnings. */
  String path() {
    return path;
  }

  ParseContext ctx() {
    return ctx;
  }

  /** A scope for a child element (to read its own children). */
  ElementScope scope(Element child) {
    return new ElementScope(child, path, ctx);
  }

  /** The first style-namespace child with that local name (taken), or null; later duplicates are warned. */
  Element take(String local) {
    Element found = null;
    for (Element c : children) {
      if (!taken.contains(c) && Xml.isStyle(c, local)) {
        if (found == null) {
          found = c;
          taken.add(c);
        }
      }
    }
    return found;
  }

  /** All style-namespace children with that local name, in document order (taken). */
  List<Element> takeAll(String local) {
    List<Element> out = new ArrayList<>();
    for (Element c : children) {
      if (!taken.contains(c) && Xml.isStyle(c, local)) {
        out.add(c);
        taken.add(c);
      }
    }
    return out;
  }

  /** Takes the child silently when present: for metadata that has no effect on drawing. */
  void ignore(String... locals) {
    for (String l : locals) {
      takeAll(l);
    }
  }

  /** Takes the first child with that local name in any namespace (filters: ogc:Filter, fes:Filter). */
  Element takeAnyNs(String local) {
    for (Element c : children) {
      if (!taken.contains(c) && local.equals(Xml.localName(c))) {
        taken.add(c);
        return c;
      }
    }
    return null;
  }

  /** Takes a child and records it as unsupported with a reason. */
  void unsupported(String local, String reason) {
    for (Element e : takeAll(local)) {
      ctx.warn(path + ": unsupported element " + e.getNodeName() + " (" + reason + ")");
    }
  }

  /** Warns about every child not taken. */
  void finish() {
    for (Element c : children) {
      if (!taken.contains(c)) {
        ctx.warn(path + ": unsupported element " + c.getNodeName() + " ignored");
      }
    }
  }

  /** Text of a taken child, or null when absent. */
  String textOf(String local) {
    Element e = take(local);
    return e == null ? null : Xml.text(e);
  }
}
