package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Walks a {@code <fes:Filter>} (FES 2.0) or {@code <ogc:Filter>} (Filter Encoding 1.0/1.1) element into the AST.
 * Operator elements must be in the FES 2.0 or OGC namespace (or none, as some clients send); geometry elements
 * are read by {@link GmlReader}, a geometry without srsName being in the default CRS given. One instance per
 * document: it tracks nesting depth.
 */
final class FesReader {
  static final String FES = "http://www.opengis.net/fes/2.0";
  static final String OGC = "http://www.opengis.net/ogc";

  private static final Map<String, ComparisonOp> COMPARISONS = Map.of(
      "PropertyIsEqualTo", ComparisonOp.EQ, "PropertyIsNotEqualTo", ComparisonOp.NE,
      "PropertyIsLessThan", ComparisonOp.LT, "PropertyIsLessThanOrEqualTo", ComparisonOp.LE,
      "PropertyIsGreaterThan", ComparisonOp.GT, "PropertyIsGreaterThanOrEqualTo", ComparisonOp.GE);

  private static final Map<String, SpatialOp> SPATIAL = Map.ofEntries(
      Map.entry("BBOX", SpatialOp.BBOX), Map.entry("Intersects", SpatialOp.INTERSECTS),
      Map.entry("Within", SpatialOp.WITHIN), Map.entry("Contains", SpatialOp.CONTAINS),
      Map.entry("Disjoint", SpatialOp.DISJOINT), Map.entry("Equals", SpatialOp.EQUALS),
      Map.entry("Touches", SpatialOp.TOUCHES), Map.entry("Crosses", SpatialOp.CROSSES),
      Map.entry("Overlaps", SpatialOp.OVERLAPS), Map.entry("DWithin", SpatialOp.DWITHIN),
      Map.entry("Beyond", SpatialOp.BEYOND));

  private static final Map<String, TemporalOp> TEMPORAL = Map.of(
      "After", TemporalOp.AFTER, "Before", TemporalOp.BEFORE, "During", TemporalOp.DURING,
      "TEquals", TemporalOp.EQUALS, "AnyInteracts", TemporalOp.INTERSECTS);

  private static final String OPERATORS = "And, Or, Not, PropertyIsEqualTo, PropertyIsNotEqualTo,"
      + " PropertyIsLessThan(OrEqualTo), PropertyIsGreaterThan(OrEqualTo), PropertyIsLike, PropertyIsNull,"
      + " PropertyIsNil, PropertyIsBetween, ResourceId, FeatureId, GmlObjectId, BBOX, Intersects, Within,"
      + " Contains, Disjoint, Equals, Touches, Crosses, Overlaps, DWithin, Beyond, After, Before, During,"
      + " TEquals, AnyInteracts";

  private final GmlReader gml;
  private int depth;

  /** @param defaultCrs the CRS of geometry literals without srsName */
  FesReader(CrsName defaultCrs) {
    this.gml = new GmlReader(defaultCrs, Dom::error);
  }

  Filter filter(Element root) {
    if (!Dom.local(root).equals("Filter") || !filterNamespace(root)) {
      throw Dom.error(root, "expected a <fes:Filter> (http://www.opengis.net/fes/2.0) or <ogc:Filter>"
          + " (http://www.opengis.net/ogc) element");
    }
    List<Element> kids = Dom.children(root);
    if (kids.isEmpty()) {
      throw Dom.error(root, "empty filter: expected one operator such as PropertyIsEqualTo or ResourceId");
    }
    if (kids.stream().allMatch(FesReader::isId)) {
      List<String> ids = new ArrayList<>();
      kids.forEach(k -> ids.add(id(k)));
      return new Filter.ResourceId(ids);
    }
    if (kids.size() != 1) {
      throw Dom.error(kids.get(1), "a filter holds exactly one operator; combine several with And or Or");
    }
    return operator(kids.get(0));
  }

  private static boolean filterNamespace(Element e) {
    String ns = e.getNamespaceURI();
    return ns == null || ns.isEmpty() || ns.equals(FES) || ns.equals(OGC);
  }

  private static boolean isId(Element e) {
    String l = Dom.local(e);
    return filterNamespace(e) && (l.equals("ResourceId") || l.equals("FeatureId") || l.equals("GmlObjectId"));
  }

  private Filter operator(Element e) {
    if (++depth > Cql2Parser.MAX_DEPTH) {
      throw Dom.error(e, "filter is nested too deeply (more than " + Cql2Parser.MAX_DEPTH + " levels)");
    }
    try {
      if (!filterNamespace(e)) {
        throw Dom.error(e, "unexpected element in namespace " + FilterErrors.quote(e.getNamespaceURI())
            + "; expected a filter operator (" + OPERATORS + ")");
      }
      String name = Dom.local(e);
      if (COMPARISONS.containsKey(name)) {
        List<Element> kids = exactly(e, 2, "two operands (ValueReference/PropertyName or Literal)");
        return new Filter.Comparison(COMPARISONS.get(name), expression(kids.get(0)), expression(kids.get(1)),
            matchCase(e));
      }
      if (SPATIAL.containsKey(name)) {
        return spatial(e, SPATIAL.get(name));
      }
      if (TEMPORAL.containsKey(name)) {
        return temporal(e, TEMPORAL.get(name));
      }
      switch (name) {
        case "And", "Or": {
          List<Element> kids = Dom.children(e);
          if (kids.isEmpty()) {
            throw Dom.error(e, name + " needs at least one operand");
          }
          List<Filter> parts = new ArrayList<>();
          for (Element k : kids) {
            parts.add(operator(k));
          }
          return name.equals("And") ? new Filter.And(parts) : new Filter.Or(parts);
        }
        case "Not":
          return new Filter.Not(operator(exactly(e, 1, "one operand").get(0)));
        case "PropertyIsLike":
          return like(e);
        case "PropertyIsNull", "PropertyIsNil":
          return new Filter.IsNull(expression(exactly(e, 1, "a ValueReference or PropertyName").get(0)));
        case "PropertyIsBetween":
          return between(e);
        case "ResourceId", "FeatureId", "GmlObjectId":
          return new Filter.ResourceId(List.of(id(e)));
        default:
          throw Dom.error(e, "unsupported operator <" + e.getNodeName() + ">; expected one of " + OPERATORS);
      }
    } finally {
      depth--;
    }
  }

  private static List<Element> exactly(Element e, int n, String what) {
    List<Element> kids = Dom.children(e);
    if (kids.size() != n) {
      throw Dom.error(e, e.getNodeName() + " needs " + what + ", found " + kids.size() + " child element(s)");
    }
    return kids;
  }

  private static boolean matchCase(Element e) {
    String v = Dom.attr(e, "matchCase");
    if (v == null || v.isBlank()) {
      return true;
    }
    Boolean b = Values.parseBoolean(v);
    if (b == null) {
      throw Dom.error(e, "matchCase must be true or false");
    }
    return b;
  }

  private static Expression expression(Element e) {
    if (!filterNamespace(e)) {
      throw Dom.error(e, "expected ValueReference, PropertyName or Literal");
    }
    switch (Dom.local(e)) {
      case "ValueReference", "PropertyName":
        return new PropertyRef(propertyName(e));
      case "Literal":
        if (!Dom.children(e).isEmpty()) {
          throw Dom.error(e, "expected a text literal here, not markup");
        }
        return new Literal(Dom.text(e));
      case "Function":
        throw Dom.error(e, "functions are not supported in filters");
      case "Add", "Sub", "Mul", "Div":
        throw Dom.error(e, "arithmetic is not supported in filters");
      default:
        throw Dom.error(e, "expected ValueReference, PropertyName or Literal");
    }
  }

  /**
   * A property name from ValueReference/PropertyName: simple XPath {@code ns:a/ns:b} is reduced to its last
   * step without prefix ({@code b}); predicates, attributes and functions are refused.
   */
  private static String propertyName(Element e) {
    String raw = Dom.text(e).trim();
    if (raw.isEmpty()) {
      throw Dom.error(e, "empty property name");
    }
    if (raw.matches(".*[\\[\\]()@*=\\s].*")) {
      throw Dom.error(e, "unsupported property path " + FilterErrors.quote(raw)
          + "; expected a property name such as height");
    }
    String step = raw.substring(raw.lastIndexOf('/') + 1);
    step = step.substring(step.indexOf(':') + 1);
    if (step.isEmpty()) {
      throw Dom.error(e, "unsupported property path " + FilterErrors.quote(raw));
    }
    return step;
  }

  private static Filter like(Element e) {
    List<Element> kids = exactly(e, 2, "a ValueReference/PropertyName and a Literal pattern");
    Expression value = expression(kids.get(0));
    Expression pattern = expression(kids.get(1));
    if (!(pattern instanceof Literal lit)) {
      throw Dom.error(kids.get(1), "the pattern of PropertyIsLike must be a Literal");
    }
    char wild = likeChar(e, "wildCard", '%');
    char single = likeChar(e, "singleChar", '_');
    String esc = Dom.attr(e, "escapeChar") != null ? "escapeChar" : "escape";
    char escape = likeChar(e, esc, '\\');
    if (wild == single || wild == escape || single == escape) {
      throw Dom.error(e, "wildCard, singleChar and escapeChar must be different characters");
    }
    String canonical = LikePattern.fromFes((String) lit.value(), wild, single, escape);
    return new Filter.Like(value, canonical, matchCase(e));
  }

  private static char likeChar(Element e, String attr, char dflt) {
    String v = Dom.attr(e, attr);
    if (v == null) {
      return dflt;
    }
    if (v.length() != 1) {
      throw Dom.error(e, attr + " must be exactly one character");
    }
    return v.charAt(0);
  }

  private static Filter between(Element e) {
    List<Element> kids = exactly(e, 3, "an expression, a LowerBoundary and an UpperBoundary");
    Element lower = kids.get(1);
    Element upper = kids.get(2);
    if (!Dom.local(lower).equals("LowerBoundary") || !Dom.local(upper).equals("UpperBoundary")) {
      throw Dom.error(e, "PropertyIsBetween needs an expression, a LowerBoundary and an UpperBoundary, in order");
    }
    return new Filter.Between(expression(kids.get(0)), expression(exactly(lower, 1, "one expression").get(0)),
        expression(exactly(upper, 1, "one expression").get(0)));
  }

  private static String id(Element e) {
    String id = switch (Dom.local(e)) {
      case "ResourceId" -> Dom.attr(e, "rid");
      case "FeatureId" -> Dom.attr(e, "fid");
      default -> Dom.attr(e, "id");
    };
    if (id == null || id.isBlank()) {
      throw Dom.error(e, "missing feature id (rid, fid or gml:id attribute)");
    }
    return id.trim();
  }

  private Filter spatial(Element e, SpatialOp op) {
    PropertyRef property = null;
    GeometryLiteral geometry = null;
    Distance distance = null;
    for (Element k : Dom.children(e)) {
      String n = Dom.local(k);
      Element geometryElement = null;
      if ((n.equals("ValueReference") || n.equals("PropertyName")) && filterNamespace(k)) {
        if (property != null) {
          throw Dom.error(k, "only one property may be named");
        }
        property = new PropertyRef(propertyName(k));
      } else if (n.equals("Distance")) {
        if (!op.needsDistance()) {
          throw Dom.error(k, "only DWithin and Beyond take a Distance");
        }
        distance = distance(k);
      } else if (n.equals("Literal")) {
        List<Element> inner = Dom.children(k);
        if (inner.size() != 1 || !GmlReader.isGeometry(inner.get(0))) {
          throw Dom.error(k, "expected a GML geometry inside Literal");
        }
        geometryElement = inner.get(0);
      } else if (GmlReader.isGeometry(k)) {
        geometryElement = k;
      } else {
        throw Dom.error(k, "expected a ValueReference/PropertyName, a GML geometry"
            + (op.needsDistance() ? " and a Distance" : ""));
      }
      if (geometryElement != null) {
        if (geometry != null) {
          throw Dom.error(geometryElement, "only one geometry may be given");
        }
        geometry = gml.read(geometryElement);
      }
    }
    if (geometry == null) {
      throw Dom.error(e, "expected a GML geometry such as gml:Envelope, gml:Point or gml:Polygon");
    }
    if (op.needsDistance() && distance == null) {
      throw Dom.error(e, e.getNodeName() + " needs a Distance");
    }
    if (op == SpatialOp.BBOX && !isBox(geometry)) {
      org.locationtech.jts.geom.Envelope env = geometry.geometry().getEnvelopeInternal();
      CrsName xy = new CrsName(geometry.srid(), false);
      Element at = e;
      geometry = Geometries.box(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), xy,
          m -> Dom.error(at, m));
    }
    return new Filter.Spatial(op, property, geometry, distance);
  }

  private static boolean isBox(GeometryLiteral g) {
    return g.geometry().isRectangle() || g.geometry() instanceof org.locationtech.jts.geom.MultiPolygon;
  }

  private static Distance distance(Element e) {
    String text = Dom.text(e).trim();
    java.math.BigDecimal v = Values.parseNumber(text);
    if (v == null || v.signum() < 0 || !Double.isFinite(v.doubleValue())) {
      throw Dom.error(e, "Distance must be a non-negative number, found " + FilterErrors.quote(text));
    }
    String uom = Dom.attr(e, "uom") != null ? Dom.attr(e, "uom") : Dom.attr(e, "units");
    DistanceUnit unit = uom == null || uom.isBlank() ? DistanceUnit.METRE
        : DistanceUnit.lookup(uom).orElseThrow(() -> Dom.error(e, "unknown distance unit "
            + FilterErrors.quote(uom) + "; expected m, km, ft, mi, nmi or deg"));
    return new Distance(v.doubleValue(), unit);
  }

  private static Filter temporal(Element e, TemporalOp op) {
    List<Element> kids = exactly(e, 2, "a ValueReference/PropertyName and a gml:TimeInstant or gml:TimePeriod");
    Element p = kids.get(0);
    if (!Dom.local(p).equals("ValueReference") && !Dom.local(p).equals("PropertyName")) {
      throw Dom.error(p, "expected a ValueReference or PropertyName first");
    }
    PropertyRef property = new PropertyRef(propertyName(p));
    Element t = kids.get(1);
    if (Dom.local(t).equals("Literal") && Dom.children(t).size() == 1) {
      t = Dom.children(t).get(0);
    }
    switch (Dom.local(t)) {
      case "TimeInstant": {
        Object v = timePosition(t);
        if (v == null) {
          throw Dom.error(t, "a TimeInstant needs a timePosition");
        }
        return new Filter.Temporal(op, property, v, v);
      }
      case "TimePeriod": {
        Element begin = Dom.child(t, "beginPosition");
        Element end = Dom.child(t, "endPosition");
        Object start = begin != null ? instant(begin) : boundary(Dom.child(t, "begin"));
        Object stop = end != null ? instant(end) : boundary(Dom.child(t, "end"));
        return new Filter.Temporal(op, property, start, stop);
      }
      case "Literal": {
        Object v = instant(t);
        if (v == null) {
          throw Dom.error(t, "expected a date or timestamp");
        }
        return new Filter.Temporal(op, property, v, v);
      }
      default:
        throw Dom.error(t, "expected a gml:TimeInstant or gml:TimePeriod");
    }
  }

  private static Object boundary(Element beginOrEnd) {
    if (beginOrEnd == null) {
      return null;
    }
    Element instant = Dom.child(beginOrEnd, "TimeInstant");
    if (instant == null) {
      throw Dom.error(beginOrEnd, "expected a TimeInstant");
    }
    return timePosition(instant);
  }

  private static Object timePosition(Element instant) {
    Element pos = Dom.child(instant, "timePosition");
    if (pos == null) {
      throw Dom.error(instant, "expected a timePosition");
    }
    return instant(pos);
  }

  /** A date or timestamp from element text; empty text (an indeterminate position) is an open bound (null). */
  private static Object instant(Element e) {
    String text = Dom.text(e).trim();
    if (text.isEmpty()) {
      return null;
    }
    Object v = Values.parseTemporal(text);
    if (v == null) {
      throw Dom.error(e, "invalid date or timestamp " + FilterErrors.quote(text)
          + "; expected YYYY-MM-DD or an ISO 8601 date-time");
    }
    return v;
  }
}
