package vn.citytwin.render.sld;

import java.util.Locale;
import org.w3c.dom.Element;
import vn.citytwin.render.style.Expression;
import vn.citytwin.render.style.Fill;
import vn.citytwin.render.style.Halo;
import vn.citytwin.render.style.LabelOptions;
import vn.citytwin.render.style.LabelPlacement;
import vn.citytwin.render.style.LinePlacement;
import vn.citytwin.render.style.Literal;
import vn.citytwin.render.style.PointPlacement;

/** Reads a TextSymbolizer's LabelPlacement, Halo and GeoServer label vendor options. */
final class LabelReader {
  private final ParseContext ctx;
  private final GraphicReader graphics;

  LabelReader(ParseContext ctx, GraphicReader graphics) {
    this.ctx = ctx;
    this.graphics = graphics;
  }

  LabelPlacement placement(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    Element point = s.take("PointPlacement");
    Element line = s.take("LinePlacement");
    LabelPlacement out = null;
    if (point != null) {
      ElementScope ps = s.scope(point);
      var anchor = graphics.anchor(ps, ps.take("AnchorPoint"));
      var displacement = graphics.displacement(ps, ps.take("Displacement"));
      Expression rotation = graphics.valueOf(ps, "Rotation");
      ps.finish();
      out = new PointPlacement(anchor, displacement, rotation);
    }
    if (line != null) {
      ElementScope ls = s.scope(line);
      Expression offset = graphics.valueOf(ls, "PerpendicularOffset");
      // IsRepeated/Gap are read in options(); GeneralizeLine is what the straight placement does anyway
      ls.ignore("IsRepeated", "Gap", "GeneralizeLine");
      Element aligned = ls.take("IsAligned");
      if (aligned != null && "false".equalsIgnoreCase(Xml.text(aligned))) {
        ctx.warn(ls.path() + ": IsAligned=false is not supported; labels are aligned with the line");
      }
      ls.unsupported("InitialGap", "labels start where they fit best");
      ls.finish();
      if (out != null) {
        ctx.warn(s.path() + ": both PointPlacement and LinePlacement; LinePlacement used");
      }
      out = new LinePlacement(offset);
    }
    s.finish();
    return out;
  }

  Halo halo(ElementScope parent, Element e) {
    ElementScope s = parent.scope(e);
    Expression radius = graphics.valueOf(s, "Radius");
    Element f = s.take("Fill");
    Fill fill = f != null ? graphics.fill(s, f) : null;
    s.finish();
    return new Halo(radius, fill);
  }

  /**
   * Options from VendorOption children (GeoServer names) plus SE 1.1 LinePlacement IsRepeated/Gap. Unknown
   * options are warned.
   */
  LabelOptions options(ElementScope s, Expression priority, Element placementEl) {
    LabelOptions d = LabelOptions.defaults();
    int spaceAround = d.spaceAround();
    boolean group = d.group();
    boolean followLine = d.followLine();
    double maxAngleDelta = d.maxAngleDelta();
    int repeat = d.repeat();
    int autoWrap = d.autoWrap();
    boolean conflict = d.conflictResolution();
    boolean partials = d.partials();
    if (placementEl != null) {
      Element lp = firstChild(placementEl, "LinePlacement");
      if (lp != null) {
        Element rep = firstChild(lp, "IsRepeated");
        Element gap = firstChild(lp, "Gap");
        if (rep != null && "true".equalsIgnoreCase(Xml.text(rep))) {
          repeat = gap != null ? (int) Math.round(number(Xml.text(gap), s, "Gap", 300)) : 300;
        }
      }
    }
    for (Element v : s.takeAll("VendorOption")) {
      String name = v.getAttribute("name").trim();
      String value = Xml.text(v);
      switch (name) {
        case "spaceAround" -> spaceAround = (int) Math.round(number(value, s, name, spaceAround));
        case "group" -> group = bool(value);
        case "followLine" -> followLine = bool(value);
        case "maxAngleDelta" -> maxAngleDelta = number(value, s, name, maxAngleDelta);
        case "repeat" -> repeat = (int) Math.round(number(value, s, name, repeat));
        case "autoWrap" -> autoWrap = (int) Math.round(number(value, s, name, autoWrap));
        case "conflictResolution" -> conflict = bool(value);
        case "partials" -> partials = bool(value);
        case "priority" -> {
          if (priority == null) {
            priority = Literal.of(value);
          }
        }
        case "forceLeftToRight" -> {
          if (!bool(value)) {
            ctx.warn(s.path() + ": VendorOption forceLeftToRight=false is not supported");
          }
        }
        default -> ctx.warn(s.path() + ": unsupported VendorOption '" + name + "' ignored");
      }
    }
    return new LabelOptions(priority, spaceAround, group, followLine, maxAngleDelta, Math.max(0, repeat),
        Math.max(0, autoWrap), conflict, partials);
  }

  private static Element firstChild(Element e, String local) {
    for (Element c : Xml.childElements(e)) {
      if (Xml.isStyle(c, local)) {
        return c;
      }
    }
    return null;
  }

  private static boolean bool(String v) {
    String t = v.trim().toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("yes") || t.equals("1");
  }

  private double number(String v, ElementScope s, String name, double fallback) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      ctx.warn(s.path() + ": " + name + " '" + v + "' is not a number; default used");
      return fallback;
    }
  }
}
