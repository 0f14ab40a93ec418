package vn.citytwin.ogc;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small, strict builder for the XML documents the services write whole (capabilities, schemas, responses):
 * elements open and close in order, attributes go on the element just opened, text and attribute values are
 * escaped. Indents two spaces per level for readability.
 */
public final class XmlBuilder {
  private final StringBuilder out = new StringBuilder(8192);
  private final Deque<String> open = new ArrayDeque<>();
  /** Per open element: whether it has element children (then its end tag goes on its own line). */
  private final Deque<Boolean> nested = new ArrayDeque<>();
  private boolean inStartTag;

  public XmlBuilder() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  /** Opens {@code qname} (e.g. {@code wfs:FeatureType}). */
  public XmlBuilder open(String qname) {
    finishStartTag();
    if (!nested.isEmpty()) {
      nested.pop();
      nested.push(true);
    }
    out.append('\n');
    indent(open.size());
    out.append('<').append(qname);
    open.push(qname);
    nested.push(false);
    inStartTag = true;
    return this;
  }

  /** An attribute of the element just opened; null values are skipped. */
  public XmlBuilder attr(String qname, Object value) {
    if (!inStartTag) {
      throw new IllegalStateException("attribute " + qname + " outside a start tag");
    }
    if (value != null) {
      out.append(' ').append(qname).append("=\"");
      XmlText.attr(out, String.valueOf(value));
      out.append('"');
    }
    return this;
  }

  /** Escaped text content of the open element. */
  public XmlBuilder text(Object value) {
    finishStartTag();
    XmlText.text(out, String.valueOf(value));
    return this;
  }

  /** Closes the innermost open element. */
  public XmlBuilder close() {
    String qname = open.pop();
    boolean hasElements = nested.pop();
    if (inStartTag) {
      out.append("/>");
      inStartTag = false;
    } else {
      if (hasElements) {
        out.append('\n');
        indent(open.size());
      }
      out.append("</").append(qname).append('>');
    }
    return this;
  }

  /** {@code <qname>text</qname>}. */
  public XmlBuilder leaf(String qname, Object text) {
    return open(qname).text(text).close();
  }

  /** An empty element {@code <qname/>}. */
  public XmlBuilder empty(String qname) {
    return open(qname).close();
  }

  /** The finished document; every element must be closed. */
  public String build() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed element " + open.peek());
    }
    return out.append('\n').toString();
  }

  private void finishStartTag() {
    if (inStartTag) {
      out.append('>');
      inStartTag = false;
    }
  }

  private void indent(int depth) {
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }
}
