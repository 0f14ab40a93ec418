package vn.citytwin.render.sld;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.w3c.dom.Element;
import vn.citytwin.render.graphic.Icon;
import vn.citytwin.render.graphic.RasterIcon;
import vn.citytwin.render.graphic.SvgIconReader;
import vn.citytwin.render.style.AnchorPoint;
import vn.citytwin.render.style.Displacement;
import vn.citytwin.render.style.Expression;
import vn.citytwin.render.style.ExternalGraphic;
import vn.citytwin.render.style.Fill;
import vn.citytwin.render.style.Graphic;
import vn.citytwin.render.style.GraphicSymbol;
import vn.citytwin.render.style.Literal;
import vn.citytwin.render.style.Mark;
import vn.citytwin.render.style.Stroke;
import vn.citytwin.render.style.WellKnownMark;

/** Reads Fill, Stroke, Graphic, Mark and ExternalGraphic (loading the image), AnchorPoint and Displacement. */
final class GraphicReader {
  private static final Set<String> FILL_PARAMS = Set.of("fill", "fill-opacity");
  private static final Set<String> STROKE_PARAMS = Set.of("stroke", "stroke-width", "stroke-opacity",
      "stroke-linejoin", "stroke-linecap", "stroke-dasharray", "stroke-dashoffset");

  private final ParseContext ctx;
  private final ExpressionReader expr;

  GraphicReader(ParseContext ctx, ExpressionReader expr) {
    this.ctx = ctx;
    this.expr = expr;
  }

  /**
   * The CssParameter (SLD 1.0) / SvgParameter (SE 1.1) children by name, taken from the scope. Names outside
   * {@code allowed} are warned. A repeated name keeps every value in order (font-family lists).
   */
  Map<String, List<Expression>> params(ElementScope s, Set<String> allowed) {
    Map<String, List<Expression>> out = new LinkedHashMap<>();
    List<Element> all = new ArrayList<>(s.takeAll("CssParameter"));
    all.addAll(s.takeAll("SvgParameter"));
    for (Element p : all) {
      String name = p.getAttribute("name").trim();
      if (!allowed.contains(name)) {
        ctx.warn(s.path() + ": unsupported " + p.getNodeName() + " name=\"" + name + "\" ignored");
        continue;
      }
      Expression v = expr.mixed(p, s.path());
      if (v != null) {
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
      }
    }
    return out;
  }

  static Expression first(Map<String, List<Expression>> params, String name) {
    List<Expression> l = params.get(name);
    return l == null || l.isEmpty() ? null : l.get(0);
  }

  Fill fill(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    Map<String, List<Expression>> p = params(s, FILL_PARAMS);
    Graphic graphicFill = null;
    Element gf = s.take("GraphicFill");
    if (gf != null) {
      ElementScope gs = s.scope(gf);
      Element g = gs.take("Graphic");
      if (g != null) {
        graphicFill = graphic(gs, g);
      }
      gs.finish();
    }
    s.finish();
    return new Fill(first(p, "fill"), first(p, "fill-opacity"), graphicFill);
  }

  Stroke stroke(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    Map<String, List<Expression>> p = params(s, STROKE_PARAMS);
    s.unsupported("GraphicFill", "strokes are drawn with a colour");
    s.unsupported("GraphicStroke", "strokes are drawn with a colour");
    s.finish();
    return new Stroke(first(p, "stroke"), first(p, "stroke-width"), first(p, "stroke-opacity"),
        first(p, "stroke-linejoin"), first(p, "stroke-linecap"), first(p, "stroke-dasharray"),
        first(p, "stroke-dashoffset"));
  }

  Graphic graphic(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    List<GraphicSymbol> symbols = new ArrayList<>();
    // Mark and ExternalGraphic alternate in document order: the first one that loads is drawn
    for (Element c : Xml.childElements(e)) {
      if (Xml.isStyle(c, "Mark")) {
        Mark m = mark(s, c);
        if (m != null) {
          symbols.add(m);
        }
      } else if (Xml.isStyle(c, "ExternalGraphic")) {
        ExternalGraphic x = externalGraphic(s, c);
        if (x != null) {
          symbols.add(x);
        }
      }
    }
    s.takeAll("Mark");
    s.takeAll("ExternalGraphic");
    Expression opacity = valueOf(s, "Opacity");
    Expression size = valueOf(s, "Size");
    Expression rotation = valueOf(s, "Rotation");
    AnchorPoint anchor = anchor(s, s.take("AnchorPoint"));
    Displacement displacement = displacement(s, s.take("Displacement"));
    s.finish();
    return new Graphic(symbols, opacity, size, rotation, anchor, displacement);
  }

  /** A child's mixed-content value (Size, Opacity, Rotation, ...), or null when absent. */
  Expression valueOf(ElementScope s, String local) {
    Element c = s.take(local);
    return c == null ? null : expr.mixed(c, s.path() + "/" + local);
  }

  AnchorPoint anchor(ElementScope parent, Element e) {
    if (e == null) {
      return null;
    }
    ElementScope s = parent.scope(e);
    Expression x = valueOf(s, "AnchorPointX");
    Expression y = valueOf(s, "AnchorPointY");
    s.finish();
    return new AnchorPoint(x != null ? x : Literal.of("0.5"), y != null ? y : Literal.of("0.5"));
  }

  Displacement displacement(ElementScope parent, Element e) {
    if (e == null) {
      return null;
    }
    ElementScope s = parent.scope(e);
    Expression x = valueOf(s, "DisplacementX");
    Expression y = valueOf(s, "DisplacementY");
    s.finish();
    return new Displacement(x != null ? x : Literal.of("0"), y != null ? y : Literal.of("0"));
  }

  private Mark mark(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    String wkn = s.textOf("WellKnownName");
    Element f = s.take("Fill");
    Element st = s.take("Stroke");
    Fill fill = f != null ? fill(s, f) : null;
    Stroke stroke = st != null ? stroke(s, st) : null;
    s.unsupported("OnlineResource", "marks from fonts or files are not supported");
    s.unsupported("InlineContent", "inline mark content is not supported");
    s.unsupported("MarkIndex", "marks from fonts are not supported");
    s.ignore("Format");
    s.finish();
    WellKnownMark shape = wkn == null || wkn.isEmpty() ? WellKnownMark.SQUARE : WellKnownMark.byName(wkn);
    if (shape == null) {
      ctx.warn(s.path() + ": unsupported WellKnownName '" + wkn + "' (use circle, square, triangle, star, cross"
          + " or x); mark ignored");
      return null;
    }
    // SLD defaults: a mark with neither fill nor stroke element gets grey fill and black outline
    if (f == null && st == null) {
      fill = new Fill(null, null, null);
      stroke = new Stroke(null, null, null, null, null, null, null);
    }
    return new Mark(shape, fill, stroke);
  }

  private ExternalGraphic externalGraphic(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    Element res = s.take("OnlineResource");
    String format = s.textOf("Format");
    s.unsupported("InlineContent", "inline graphics are not supported");
    s.unsupported("ColorReplacement", "colour replacement is not supported");
    s.finish();
    if (res == null) {
      ctx.warn(s.path() + ": ExternalGraphic without OnlineResource ignored");
      return null;
    }
    String href = res.getAttributeNS(Xml.XLINK, "href");
    if (href.isEmpty()) {
      href = res.getAttribute("xlink:href");
    }
    try {
      Optional<byte[]> bytes = ctx.resources().load(href);
      if (bytes.isEmpty()) {
        ctx.warn(s.path() + ": graphic '" + href + "' not found; ignored");
        return null;
      }
      Icon icon = decode(bytes.get(), format, href, s.path());
      return icon == null ? null : new ExternalGraphic(href, format, icon);
    } catch (IOException ex) {
      ctx.warn(s.path() + ": graphic '" + href + "' not loaded: " + ex.getMessage());
      return null;
    }
  }

  private Icon decode(byte[] bytes, String format, String href, String path) throws IOException {
    String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
    boolean svg = f.contains("svg") || (f.isEmpty() && href.toLowerCase(Locale.ROOT).endsWith(".svg"));
    if (svg) {
      List<String> svgWarnings = new ArrayList<>();
      Icon icon = SvgIconReader.read(bytes, href, svgWarnings);
      svgWarnings.forEach(w -> ctx.warn(path + ": " + w));
      return icon;
    }
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
    if (img == null) {
      ctx.warn(path + ": graphic '" + href + "' is not a PNG, GIF or JPEG image (format " + format + "); ignored");
      return null;
    }
    return new RasterIcon(img);
  }
}
