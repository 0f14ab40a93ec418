package vn.citytwin.render.sld;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.citytwin.render.style.Arithmetic;
import vn.citytwin.render.style.Concatenation;
import vn.citytwin.render.style.Expression;
import vn.citytwin.render.style.FunctionCall;
import vn.citytwin.render.style.Literal;
import vn.citytwin.render.style.PropertyName;

/**
 * Reads SLD parameter values: mixed content of text and {@code ogc:}/{@code fes:} expression elements
 * (Literal, PropertyName, ValueReference, Function, Add, Sub, Mul, Div).
 */
final class ExpressionReader {
  private final ParseContext ctx;

  ExpressionReader(ParseContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The value of an element with mixed content (CssParameter, SvgParameter, Label, Size, ...).
   *
   * @return a Literal for plain text, a single expression, a Concatenation of several parts, or null when empty
   */
  Expression mixed(Element e, String path) {
    List<Object> raw = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        String t = n.getNodeValue();
        // indentation between elements is layout, not content
        if (n.getNodeType() == Node.TEXT_NODE && t.isBlank() && t.contains("\n")) {
          continue;
        }
        raw.add(t);
      } else if (n instanceof Element c) {
        Expression x = element(c, path);
        if (x != null) {
          raw.add(x);
        }
      }
    }
    List<Expression> parts = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Object o = raw.get(i);
      if (o instanceof String s) {
        if (i == 0) {
          s = s.stripLeading();
        }
        if (i == raw.size() - 1) {
          s = s.stripTrailing();
        }
        if (!s.isEmpty()) {
          parts.add(Literal.of(s));
        }
      } else {
        parts.add((Expression) o);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.get(0) : new Concatenation(parts);
  }

  /** One expression element; null (with a warning) when unsupported. */
  Expression element(Element e, String path) {
    String name = Xml.localName(e);
    if (!Xml.isExpressionNs(e)) {
      ctx.warn(path + ": unsupported element " + e.getNodeName() + " in an expression ignored");
      return null;
    }
    switch (name) {
      case "Literal":
        return Literal.of(literalText(e));
      case "PropertyName":
      case "ValueReference": {
        String p = Xml.text(e);
        if (p.isEmpty()) {
          ctx.warn(path + ": empty " + e.getNodeName() + " ignored");
          return null;
        }
        // drop a namespace prefix or XPath root (city:name, /name): properties are plain column names
        p = p.substring(p.lastIndexOf(':') + 1);
        p = p.substring(p.lastIndexOf('/') + 1);
        return new PropertyName(p);
      }
      case "Add":
      case "Sub":
      case "Mul":
      case "Div":
        return arithmetic(e, name, path);
      case "Function":
        return function(e, path);
      default:
        ctx.warn(path + ": unsupported expression " + e.getNodeName() + " ignored");
        return null;
    }
  }

  private static String literalText(Element e) {
    String t = e.getTextContent();
    return t == null ? "" : t;
  }

  private Expression arithmetic(Element e, String name, String path) {
    List<Element> args = Xml.childElements(e);
    if (args.size() != 2) {
      ctx.warn(path + ": " + e.getNodeName() + " needs two operands; ignored");
      return null;
    }
    Expression a = element(args.get(0), path);
    Expression b = element(args.get(1), path);
    if (a == null || b == null) {
      return null;
    }
    Arithmetic.Operator op = switch (name) {
      case "Add" -> Arithmetic.Operator.ADD;
      case "Sub" -> Arithmetic.Operator.SUB;
      case "Mul" -> Arithmetic.Operator.MUL;
      default -> Arithmetic.Operator.DIV;
    };
    return new Arithmetic(op, a, b);
  }

  private Expression function(Element e, String path) {
    String fname = e.getAttribute("name");
    FunctionCall.Kind kind = FunctionCall.Kind.byName(fname);
    if (kind == null) {
      ctx.warn(path + ": unsupported function '" + fname + "' ignored");
      return null;
    }
    List<Expression> args = new ArrayList<>();
    for (Element c : Xml.childElements(e)) {
      Expression x = element(c, path);
      if (x == null) {
        return null; // warned already; a function with a missing argument cannot be evaluated
      }
      args.add(x);
    }
    return new FunctionCall(kind, args);
  }
}
