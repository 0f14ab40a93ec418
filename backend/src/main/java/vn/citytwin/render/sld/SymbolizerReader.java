package vn.citytwin.render.sld;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import vn.citytwin.render.style.Expression;
import vn.citytwin.render.style.Fill;
import vn.citytwin.render.style.Font;
import vn.citytwin.render.style.Graphic;
import vn.citytwin.render.style.Halo;
import vn.citytwin.render.style.LabelPlacement;
import vn.citytwin.render.style.LineSymbolizer;
import vn.citytwin.render.style.PointSymbolizer;
import vn.citytwin.render.style.PolygonSymbolizer;
import vn.citytwin.render.style.Stroke;
import vn.citytwin.render.style.Symbolizer;
import vn.citytwin.render.style.TextSymbolizer;
import vn.citytwin.render.style.Uom;

/** Reads the four vector symbolizers; RasterSymbolizer and unknown ones are warned by the caller. */
final class SymbolizerReader {
  private static final Set<String> FONT_PARAMS = Set.of("font-family", "font-style", "font-weight", "font-size");

  private final ParseContext ctx;
  private final ExpressionReader expr;
  private final GraphicReader graphics;
  private final LabelReader labels;

  SymbolizerReader(ParseContext ctx) {
    this.ctx = ctx;
    this.expr = new ExpressionReader(ctx);
    this.graphics = new GraphicReader(ctx, expr);
    this.labels = new LabelReader(ctx, graphics);
  }

  /** The symbolizer for a Rule child, or null (with a warning) when it is not a supported symbolizer. */
  Symbolizer read(ElementScope rule, Element e) {
    String name = Xml.localName(e);
    ElementScope s = rule.scope(e);
    Uom uom = Uom.fromUri(e.getAttribute("uom"));
    if (uom == null) {
      ctx.warn(s.path() + ": unsupported uom '" + e.getAttribute("uom") + "'; pixels used");
      uom = Uom.PIXEL;
    }
    s.ignore("Name", "Description");
    geometry(s);
    Symbolizer out = switch (name) {
      case "PolygonSymbolizer" -> polygon(s, uom);
      case "LineSymbolizer" -> line(s, uom);
      case "PointSymbolizer" -> point(s, uom);
      case "TextSymbolizer" -> text(s, uom);
      default -> null;
    };
    s.finish();
    return out;
  }

  /** A Geometry naming a property is harmless (layers have one geometry); a geometry function is not. */
  private void geometry(ElementScope s) {
    Element g = s.take("Geometry");
    if (g == null) {
      return;
    }
    List<Element> c = Xml.childElements(g);
    boolean plainProperty = c.size() == 1 && Xml.isExpressionNs(c.get(0))
        && ("PropertyName".equals(Xml.localName(c.get(0))) || "ValueReference".equals(Xml.localName(c.get(0))));
    if (!plainProperty) {
      ctx.warn(s.path() + ": unsupported Geometry expression (geometry functions are not supported); the"
          + " feature geometry is used");
    }
  }

  private PolygonSymbolizer polygon(ElementScope s, Uom uom) {
    Element f = s.take("Fill");
    Element st = s.take("Stroke");
    s.unsupported("Displacement", "polygon displacement is not supported");
    s.unsupported("PerpendicularOffset", "polygon offset is not supported");
    vendorOptionsUnsupported(s);
    Fill fill = f != null ? graphics.fill(s, f) : null;
    Stroke stroke = st != null ? graphics.stroke(s, st) : null;
    if (f == null && st == null) {
      // SLD default: a PolygonSymbolizer without Fill and Stroke fills grey
      fill = new Fill(null, null, null);
    }
    return new PolygonSymbolizer(fill, stroke, uom);
  }

  private LineSymbolizer line(ElementScope s, Uom uom) {
    Element st = s.take("Stroke");
    Expression offset = graphics.valueOf(s, "PerpendicularOffset");
    vendorOptionsUnsupported(s);
    Stroke stroke = st != null ? graphics.stroke(s, st) : new Stroke(null, null, null, null, null, null, null);
    return new LineSymbolizer(stroke, offset, uom);
  }

  private PointSymbolizer point(ElementScope s, Uom uom) {
    Element g = s.take("Graphic");
    vendorOptionsUnsupported(s);
    Graphic graphic = g != null ? graphics.graphic(s, g)
        : new Graphic(List.of(), null, null, null, null, null);
    return new PointSymbolizer(graphic, uom);
  }

  private TextSymbolizer text(ElementScope s, Uom uom) {
    Element labelEl = s.take("Label");
    Expression label = labelEl != null ? expr.mixed(labelEl, s.path() + "/Label") : null;
    Element fontEl = s.take("Font");
    Font font = fontEl != null ? font(s, fontEl) : null;
    Element placementEl = s.take("LabelPlacement");
    LabelPlacement placement = placementEl != null ? labels.placement(s, placementEl) : null;
    Element haloEl = s.take("Halo");
    Halo halo = haloEl != null ? labels.halo(s, haloEl) : null;
    Element fillEl = s.take("Fill");
    Fill fill = fillEl != null ? graphics.fill(s, fillEl) : null;
    Expression priority = graphics.valueOf(s, "Priority");
    s.unsupported("Graphic", "label shields are not supported");
    var options = labels.options(s, priority, placementEl);
    if (label == null) {
      ctx.warn(s.path() + ": TextSymbolizer without Label draws nothing");
      label = vn.citytwin.render.style.Literal.of("");
    }
    return new TextSymbolizer(label, font, placement, halo, fill, options, uom);
  }

  private Font font(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    Map<String, List<Expression>> p = graphics.params(s, FONT_PARAMS);
    s.finish();
    List<String> families = new ArrayList<>();
    for (Expression f : p.getOrDefault("font-family", List.of())) {
      if (f.isConstant()) {
        // "Noto Sans, DejaVu Sans" in one parameter is common too
        for (String part : String.valueOf(f.evaluate(k -> null)).split(",")) {
          if (!part.isBlank()) {
            families.add(part.trim().replace("\"", "").replace("'", ""));
          }
        }
      } else {
        ctx.warn(s.path() + ": font-family from a property is not supported; default family used");
      }
    }
    return new Font(families, GraphicReader.first(p, "font-style"), GraphicReader.first(p, "font-weight"),
        GraphicReader.first(p, "font-size"));
  }

  private void vendorOptionsUnsupported(ElementScope s) {
    for (Element v : s.takeAll("VendorOption")) {
      ctx.warn(s.path() + ": unsupported VendorOption '" + v.getAttribute("name") + "' ignored");
    }
  }
}
