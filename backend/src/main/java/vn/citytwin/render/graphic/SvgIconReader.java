package vn.citytwin.render.graphic;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.citytwin.core.xml.SecureXml;

/**
 * Reads the SVG subset map icons use: {@code svg}, {@code g}, {@code path}, {@code circle}, {@code ellipse},
 * {@code rect}, {@code polygon}, {@code polyline}, {@code line}; fill, stroke, stroke-width, opacities and
 * transforms, as attributes or in {@code style}. Anything else (gradients, text, clip paths, CSS classes) is
 * reported in the warnings and skipped.
 */
public final class SvgIconReader {
  private static final Set<String> SILENT = Set.of("title", "desc", "metadata");
  private static final Map<String, Color> NAMED = Map.ofEntries(
      Map.entry("black", Color.BLACK), Map.entry("white", Color.WHITE), Map.entry("red", new Color(255, 0, 0)),
      Map.entry("green", new Color(0, 128, 0)), Map.entry("blue", new Color(0, 0, 255)),
      Map.entry("yellow", new Color(255, 255, 0)), Map.entry("orange", new Color(255, 165, 0)),
      Map.entry("gray", new Color(128, 128, 128)), Map.entry("grey", new Color(128, 128, 128)),
      Map.entry("navy", new Color(0, 0, 128)), Map.entry("purple", new Color(128, 0, 128)),
      Map.entry("brown", new Color(165, 42, 42)));

  private final String name;
  private final List<String> warnings;

  private SvgIconReader(String name, List<String> warnings) {
    this.name = name;
    this.warnings = warnings;
  }

  /**
   * @param svg the document bytes
   * @param name the graphic's href, for warnings
   * @param warnings receives one line per unsupported construct
   * @throws IOException when the bytes are not well-formed XML or not an svg document
   */
  public static VectorIcon read(byte[] svg, String name, List<String> warnings) throws IOException {
    Document doc;
    try {
      doc = SecureXml.parse(new ByteArrayInputStream(svg));
    } catch (SAXException e) {
      throw new IOException("not well-formed SVG: " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!"svg".equals(localName(root))) {
      throw new IOException("root element is not svg");
    }
    return new SvgIconReader(name, warnings).readRoot(root);
  }

  private VectorIcon readRoot(Element root) {
    double w = length(root.getAttribute("width"), Double.NaN);
    double h = length(root.getAttribute("height"), Double.NaN);
    Rectangle2D viewBox = null;
    String vb = root.getAttribute("viewBox").trim();
    if (!vb.isEmpty()) {
      String[] p = vb.split("[\\s,]+");
      if (p.length == 4) {
        viewBox = new Rectangle2D.Double(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
            Double.parseDouble(p[2]), Double.parseDouble(p[3]));
      }
    }
    if (viewBox == null) {
      viewBox = new Rectangle2D.Double(0, 0, Double.isNaN(w) ? 16 : w, Double.isNaN(h) ? 16 : h);
    }
    List<VectorIcon.Part> parts = new ArrayList<>();
    walk(root, new Paint(Color.BLACK, null, 1f, 1f, 1f, 1f, Path2D.WIND_NON_ZERO), new AffineTransform(), parts);
    return new VectorIcon(viewBox, parts);
  }

  /** Presentation attributes inherited down the tree. */
  private record Paint(Color fill, Color stroke, float strokeWidth, float fillOpacity, float strokeOpacity,
      float opacity, int windingRule) {
  }

  private void walk(Element parent, Paint inherited, AffineTransform inheritedTx, List<VectorIcon.Part> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      String tag = localName(e);
      if (SILENT.contains(tag)) {
        continue;
      }
      Map<String, String> attrs = presentation(e);
      Paint paint = paint(attrs, inherited);
      AffineTransform tx = new AffineTransform(inheritedTx);
      if (e.hasAttribute("transform")) {
        tx.concatenate(transform(e.getAttribute("transform")));
      }
      if ("g".equals(tag)) {
        walk(e, paint, tx, out);
        continue;
      }
      Shape shape = shape(e, tag);
      if (shape == null) {
        continue;
      }
      if (shape instanceof Path2D p) {
        p.setWindingRule(paint.windingRule());
      }
      Shape placed = tx.isIdentity() ? shape : tx.createTransformedShape(shape);
      // a line has no interior; every other shape (polyline too, as in SVG) is filled
      Color fill = "line".equals(tag) ? null : withAlpha(paint.fill(), paint.fillOpacity() * paint.opacity());
      Color stroke = withAlpha(paint.stroke(), paint.strokeOpacity() * paint.opacity());
      float scale = (float) Math.sqrt(Math.abs(tx.getDeterminant()));
      out.add(new VectorIcon.Part(placed, fill, stroke, paint.strokeWidth() * (scale > 0 ? scale : 1)));
    }
  }

  private Shape shape(Element e, String tag) {
    switch (tag) {
      case "path":
        return SvgPathParser.parse(e.getAttribute("d"));
      case "circle": {
        double r = length(e.getAttribute("r"), 0);
        double cx = length(e.getAttribute("cx"), 0);
        double cy = length(e.getAttribute("cy"), 0);
        return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
      }
      case "ellipse": {
        double rx = length(e.getAttribute("rx"), 0);
        double ry = length(e.getAttribute("ry"), 0);
        double cx = length(e.getAttribute("cx"), 0);
        double cy = length(e.getAttribute("cy"), 0);
        return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
      }
      case "rect": {
        double x = length(e.getAttribute("x"), 0);
        double y = length(e.getAttribute("y"), 0);
        double w = length(e.getAttribute("width"), 0);
        double h = length(e.getAttribute("height"), 0);
        double rx = length(e.getAttribute("rx"), Double.NaN);
        double ry = length(e.getAttribute("ry"), Double.NaN);
        if (Double.isNaN(rx) && Double.isNaN(ry)) {
          return new Rectangle2D.Double(x, y, w, h);
        }
        rx = Double.isNaN(rx) ? ry : rx;
        ry = Double.isNaN(ry) ? rx : ry;
        return new RoundRectangle2D.Double(x, y, w, h, 2 * rx, 2 * ry);
      }
      case "line":
        return new Line2D.Double(length(e.getAttribute("x1"), 0), length(e.getAttribute("y1"), 0),
            length(e.getAttribute("x2"), 0), length(e.getAttribute("y2"), 0));
      case "polygon":
      case "polyline": {
        String[] p = e.getAttribute("points").trim().split("[\\s,]+");
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 1 < p.length; i += 2) {
          double x = Double.parseDouble(p[i]);
          double y = Double.parseDouble(p[i + 1]);
          if (i == 0) {
            path.moveTo(x, y);
          } else {
            path.lineTo(x, y);
          }
        }
        if ("polygon".equals(tag)) {
          path.closePath();
        }
        return path;
      }
      default:
        warnings.add("SVG " + name + ": unsupported element <" + tag + "> ignored");
        return null;
    }
  }

  /** Attributes plus {@code style} declarations (style wins, as in CSS). */
  private Map<String, String> presentation(Element e) {
    Map<String, String> m = new HashMap<>();
    for (String a : new String[] {"fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "opacity",
        "fill-rule"}) {
      if (e.hasAttribute(a)) {
        m.put(a, e.getAttribute(a).trim());
      }
    }
    if (e.hasAttribute("class")) {
      warnings.add("SVG " + name + ": CSS classes are not supported (class=\"" + e.getAttribute("class") + "\")");
    }
    for (String decl : e.getAttribute("style").split(";")) {
      int colon = decl.indexOf(':');
      if (colon > 0) {
        m.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
      }
    }
    return m;
  }

  private Paint paint(Map<String, String> a, Paint p) {
    Color fill = a.containsKey("fill") ? color(a.get("fill"), p.fill()) : p.fill();
    Color stroke = a.containsKey("stroke") ? color(a.get("stroke"), p.stroke()) : p.stroke();
    float sw = a.containsKey("stroke-width") ? (float) length(a.get("stroke-width"), p.strokeWidth())
        : p.strokeWidth();
    float fo = a.containsKey("fill-opacity") ? (float) length(a.get("fill-opacity"), 1) : p.fillOpacity();
    float so = a.containsKey("stroke-opacity") ? (float) length(a.get("stroke-opacity"), 1) : p.strokeOpacity();
    // opacity is not inherited in SVG but multiplies down the group tree
    float op = p.opacity() * (a.containsKey("opacity") ? (float) length(a.get("opacity"), 1) : 1f);
    int wind = a.containsKey("fill-rule")
        ? ("evenodd".equals(a.get("fill-rule")) ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO)
        : p.windingRule();
    return new Paint(fill, stroke, sw, fo, so, op, wind);
  }

  private Color color(String v, Color inherited) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.equals("none") || s.equals("transparent")) {
      return null;
    }
    if (s.equals("inherit") || s.equals("currentcolor")) {
      return inherited;
    }
    if (s.startsWith("#")) {
      String h = s.substring(1);
      try {
        if (h.length() == 3) {
          return new Color(Integer.parseInt("" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1)
              + h.charAt(2) + h.charAt(2), 16));
        }
        if (h.length() == 6) {
          return new Color(Integer.parseInt(h, 16));
        }
      } catch (NumberFormatException e) {
        // fall through to the warning
      }
    }
    if (s.startsWith("rgb(") && s.endsWith(")")) {
      String[] p = s.substring(4, s.length() - 1).split(",");
      if (p.length == 3) {
        try {
          return new Color(channel(p[0]), channel(p[1]), channel(p[2]));
        } catch (NumberFormatException e) {
          // fall through to the warning
        }
      }
    }
    Color named = NAMED.get(s);
    if (named != null) {
      return named;
    }
    warnings.add("SVG " + name + ": unsupported paint '" + v + "' (gradients and patterns are not supported)");
    return null;
  }

  private static int channel(String s) {
    String t = s.trim();
    if (t.endsWith("%")) {
      return (int) Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 2.55);
    }
    return Math.max(0, Math.min(255, Integer.parseInt(t)));
  }

  private static Color withAlpha(Color c, float alpha) {
    if (c == null) {
      return null;
    }
    int a = Math.round(Math.max(0, Math.min(1, alpha)) * 255);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
  }

  private AffineTransform transform(String spec) {
    AffineTransform tx = new AffineTransform();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)").matcher(spec);
    while (m.find()) {
      String[] s = m.group(2).trim().split("[\\s,]+");
      double[] v = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        v[i] = s[i].isEmpty() ? 0 : Double.parseDouble(s[i]);
      }
      switch (m.group(1)) {
        case "matrix" -> {
          if (v.length == 6) {
            tx.concatenate(new AffineTransform(v[0], v[1], v[2], v[3], v[4], v[5]));
          }
        }
        case "translate" -> tx.translate(v[0], v.length > 1 ? v[1] : 0);
        case "scale" -> tx.scale(v[0], v.length > 1 ? v[1] : v[0]);
        case "rotate" -> {
          if (v.length >= 3) {
            tx.rotate(Math.toRadians(v[0]), v[1], v[2]);
          } else {
            tx.rotate(Math.toRadians(v[0]));
          }
        }
        case "skewX" -> tx.shear(Math.tan(Math.toRadians(v[0])), 0);
        case "skewY" -> tx.shear(0, Math.tan(Math.toRadians(v[0])));
        default -> warnings.add("SVG " + name + ": unsupported transform " + m.group(1));
      }
    }
    return tx;
  }

  private static double length(String s, double fallback) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    String t = s.trim().replaceAll("(px|pt)$", "");
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }
}
