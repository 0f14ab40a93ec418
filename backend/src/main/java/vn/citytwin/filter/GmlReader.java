package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Element;
import vn.citytwin.core.error.ApiException;

/**
 * Reads GML 2, 3.1 and 3.2 geometries: Point, LineString, LinearRing, Polygon (with interior rings),
 * Envelope/Box, MultiPoint, MultiLineString, MultiCurve, MultiPolygon, MultiSurface and MultiGeometry, with
 * coordinates in pos, posList (srsDimension 2 or 3), coordinates (cs/ts/decimal) or coord. Elements are matched
 * by local name, in any namespace (GML 3.2, GML 3.1/2, or none as some clients send).
 *
 * <p>The top element's {@code srsName} decides the CRS and axis order ({@link CrsName}): with
 * {@code urn:ogc:def:crs:EPSG::4326} (and the http URI form) latitude comes first and is swapped, with
 * {@code EPSG:4326} and CRS:84 longitude comes first. A geometry without srsName is in the caller's default CRS:
 * for a WFS request that is the feature type's default ({@code urn:ogc:def:crs:EPSG::4326}, latitude first, WFS
 * 2.0 §7.9.2.4.1), elsewhere {@link CrsName#CRS84}. Results are x=east/y=north, with the SRID set on the geometry.
 * Empty, non-finite and invalid (self-intersecting…) geometries are refused.
 *
 * <p>One reader serves both the FES spatial operators ({@link FesParser}) and protocols that carry GML values
 * (WFS-T Insert and Update, through {@link #read(Element, CrsName, String)}).
 */
public final class GmlReader {
  private static final String SUPPORTED = "Point, LineString, Polygon, Envelope, MultiPoint, MultiLineString,"
      + " MultiCurve, MultiPolygon, MultiSurface or MultiGeometry";
  private static final int MAX_DEPTH = 16;
  private static final GeometryFactory F = Geometries.FACTORY;
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private final CrsName defaultCrs;
  private final BiFunction<Element, String, ApiException> errors;

  /**
   * @param defaultCrs the CRS of a geometry without srsName
   * @param errors makes the error for a message about an element (a filter error, or a geometry error)
   */
  GmlReader(CrsName defaultCrs, BiFunction<Element, String, ApiException> errors) {
    this.defaultCrs = Objects.requireNonNull(defaultCrs, "defaultCrs");
    this.errors = errors;
  }

  /**
   * Reads a GML geometry element, such as the value of a WFS-T Insert or Update geometry property.
   *
   * @param gml the geometry element ({@code gml:Polygon}, {@code gml:Envelope}…), from a namespace-aware DOM;
   *     elements parsed by {@link SecureXml} give errors with line and column
   * @param defaultCrs the CRS when {@code gml} has no srsName (e.g. a WFS Insert's srsName, else the feature
   *     type's default CRS)
   * @param locator the request parameter the geometry belongs to, the locator of errors (e.g. the property name)
   * @return the geometry, x=east/y=north, with its SRID set
   * @throws ApiException INVALID_PARAMETER with locator {@code locator} and a message "Invalid geometry at
   *     /path (line L, column C): …" when the element is not a supported geometry, the srsName is not
   *     understood, a coordinate cannot be read, or the geometry is empty or invalid
   */
  public static GeometryLiteral read(Element gml, CrsName defaultCrs, String locator) {
    Objects.requireNonNull(gml, "gml");
    Objects.requireNonNull(locator, "locator");
    GmlReader reader = new GmlReader(defaultCrs, (e, m) -> Dom.error(e, "geometry", locator, m));
    try {
      return reader.read(gml);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw FilterErrors.unexpected(e, locator, "The geometry could not be read");
    }
  }

  /** True when {@code e} is an element this reader understands as a geometry (by local name). */
  public static boolean isGeometry(Element e) {
    return switch (Dom.local(e)) {
      case "Point", "LineString", "LinearRing", "Polygon", "Envelope", "Box", "MultiPoint", "MultiLineString",
          "MultiCurve", "MultiPolygon", "MultiSurface", "MultiGeometry" -> true;
      default -> false;
    };
  }

  /** Reads a geometry element; errors come from this reader's error factory. */
  GeometryLiteral read(Element e) {
    if (!isGeometry(e)) {
      throw error(e, "unsupported GML geometry <" + e.getNodeName() + ">; expected " + SUPPORTED);
    }
    String srsName = Dom.attr(e, "srsName");
    CrsName crs = defaultCrs;
    if (srsName != null && !srsName.isBlank()) {
      crs = CrsName.lookup(srsName).orElseThrow(() -> error(e, "unsupported srsName "
          + FilterErrors.quote(srsName) + "; expected e.g. urn:ogc:def:crs:EPSG::4326 or EPSG:4326"));
    }
    Integer dim = dimension(e, null);
    String name = Dom.local(e);
    if (name.equals("Envelope") || name.equals("Box")) {
      double[][] c = corners(e, dim);
      return Geometries.box(c[0][0], c[0][1], c[1][0], c[1][1], crs, m -> error(e, m));
    }
    Geometry g = build(e, dim, 0);
    return Geometries.literal(g, crs, m -> error(e, m));
  }

  private ApiException error(Element at, String message) {
    return errors.apply(at, message);
  }

  private Geometry build(Element e, Integer inheritedDim, int depth) {
    if (depth > MAX_DEPTH) {
      throw error(e, "geometry nested too deeply");
    }
    Integer dim = dimension(e, inheritedDim);
    switch (Dom.local(e)) {
      case "Point": {
        List<Coordinate> c = coordinates(e, dim);
        if (c.size() != 1) {
          throw error(e, "a Point needs exactly one position");
        }
        return F.createPoint(c.get(0));
      }
      case "LineString": {
        List<Coordinate> c = coordinates(e, dim);
        if (c.size() < 2) {
          throw error(e, "a LineString needs at least 2 positions");
        }
        return F.createLineString(c.toArray(new Coordinate[0]));
      }
      case "LinearRing":
        return ring(e, dim);
      case "Polygon":
        return polygon(e, dim);
      case "MultiPoint":
        return F.createMultiPoint(members(e, dim, depth, Point.class, "pointMember", "pointMembers")
            .toArray(new Point[0]));
      case "MultiLineString":
      case "MultiCurve":
        return F.createMultiLineString(members(e, dim, depth, LineString.class, "lineStringMember",
            "curveMember", "curveMembers").toArray(new LineString[0]));
      case "MultiPolygon":
      case "MultiSurface":
        return F.createMultiPolygon(members(e, dim, depth, Polygon.class, "polygonMember", "surfaceMember",
            "surfaceMembers").toArray(new Polygon[0]));
      case "MultiGeometry":
        return F.createGeometryCollection(members(e, dim, depth, Geometry.class, "geometryMember",
            "geometryMembers").toArray(new Geometry[0]));
      default:
        throw error(e, "unsupported GML geometry <" + e.getNodeName() + ">; expected " + SUPPORTED);
    }
  }

  private <T extends Geometry> List<T> members(Element e, Integer dim, int depth, Class<T> type,
      String... memberNames) {
    List<T> out = new ArrayList<>();
    for (Element m : Dom.children(e)) {
      if (!List.of(memberNames).contains(Dom.local(m))) {
        throw error(m, "expected one of " + String.join(", ", memberNames));
      }
      for (Element g : Dom.children(m)) {
        Geometry built = build(g, dim, depth + 1);
        if (!type.isInstance(built)) {
          throw error(g, "a " + Dom.local(e) + " cannot hold a " + built.getGeometryType());
        }
        out.add(type.cast(built));
      }
    }
    if (out.isEmpty()) {
      throw error(e, "a " + Dom.local(e) + " needs at least one member");
    }
    return out;
  }

  private Polygon polygon(Element e, Integer dim) {
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    for (Element b : Dom.children(e)) {
      String n = Dom.local(b);
      boolean exterior = n.equals("exterior") || n.equals("outerBoundaryIs");
      boolean interior = n.equals("interior") || n.equals("innerBoundaryIs");
      if (!exterior && !interior) {
        throw error(b, "expected exterior or interior (outerBoundaryIs/innerBoundaryIs in GML 2)");
      }
      Element ringElement = Dom.child(b, "LinearRing");
      if (ringElement == null) {
        throw error(b, "expected a LinearRing");
      }
      LinearRing r = ring(ringElement, dimension(b, dim));
      if (exterior) {
        if (shell != null) {
          throw error(b, "a Polygon has only one exterior");
        }
        shell = r;
      } else {
        holes.add(r);
      }
    }
    if (shell == null) {
      throw error(e, "a Polygon needs an exterior ring");
    }
    return F.createPolygon(shell, holes.toArray(new LinearRing[0]));
  }

  private LinearRing ring(Element e, Integer dim) {
    List<Coordinate> c = coordinates(e, dimension(e, dim));
    if (c.size() < 4 || !c.get(0).equals2D(c.get(c.size() - 1))) {
      throw error(e, "a LinearRing needs at least 4 positions and must end where it starts");
    }
    return F.createLinearRing(c.toArray(new Coordinate[0]));
  }

  private double[][] corners(Element e, Integer dim) {
    Element lower = Dom.child(e, "lowerCorner");
    Element upper = Dom.child(e, "upperCorner");
    List<Coordinate> c;
    if (lower != null && upper != null) {
      c = List.of(position(lower), position(upper));
    } else {
      c = coordinates(e, dim);
    }
    if (c.size() != 2) {
      throw error(e, "an Envelope needs a lowerCorner and an upperCorner");
    }
    return new double[][] {{c.get(0).x, c.get(0).y}, {c.get(1).x, c.get(1).y}};
  }

  /** The positions directly inside {@code e}, in the order written (axes not yet swapped). */
  private List<Coordinate> coordinates(Element e, Integer dim) {
    List<Coordinate> out = new ArrayList<>();
    for (Element c : Dom.children(e)) {
      switch (Dom.local(c)) {
        case "pos" -> out.add(position(c));
        case "posList" -> out.addAll(posList(c, dimension(c, dim)));
        case "coordinates" -> out.addAll(gml2Coordinates(c));
        case "coord" -> out.add(coord(c));
        default -> throw error(c, "expected pos, posList, coordinates or coord");
      }
    }
    if (out.isEmpty()) {
      throw error(e, "no coordinates: expected pos, posList, coordinates or coord");
    }
    return out;
  }

  private Coordinate position(Element pos) {
    double[] v = numbers(pos, BLANKS.split(Dom.text(pos).trim()));
    if (v.length < 2 || v.length > 3) {
      throw error(pos, "a position needs 2 or 3 numbers");
    }
    return new Coordinate(v[0], v[1]);
  }

  private List<Coordinate> posList(Element e, Integer dim) {
    String t = Dom.text(e).trim();
    double[] v = t.isEmpty() ? new double[0] : numbers(e, BLANKS.split(t));
    int d = dim == null ? 2 : dim;
    if (v.length == 0 || v.length % d != 0) {
      throw error(e, "posList has " + v.length + " numbers, not a multiple of srsDimension " + d);
    }
    List<Coordinate> out = new ArrayList<>(v.length / d);
    for (int i = 0; i < v.length; i += d) {
      out.add(new Coordinate(v[i], v[i + 1]));
    }
    return out;
  }

  private List<Coordinate> gml2Coordinates(Element e) {
    String decimal = orDefault(Dom.attr(e, "decimal"), ".");
    String cs = orDefault(Dom.attr(e, "cs"), ",");
    String ts = orDefault(Dom.attr(e, "ts"), " ");
    String text = Dom.text(e).trim();
    if (text.isEmpty()) {
      throw error(e, "empty coordinates");
    }
    String[] tuples = ts.isBlank() ? BLANKS.split(text) : text.split(Pattern.quote(ts));
    List<Coordinate> out = new ArrayList<>();
    for (String tuple : tuples) {
      String[] parts = tuple.trim().split(Pattern.quote(cs));
      if (!decimal.equals(".")) {
        for (int i = 0; i < parts.length; i++) {
          parts[i] = parts[i].replace(decimal, ".");
        }
      }
      double[] v = numbers(e, parts);
      if (v.length < 2 || v.length > 3) {
        throw error(e, "a coordinate tuple needs 2 or 3 numbers, found " + FilterErrors.quote(tuple));
      }
      out.add(new Coordinate(v[0], v[1]));
    }
    return out;
  }

  private Coordinate coord(Element e) {
    Element x = Dom.child(e, "X");
    Element y = Dom.child(e, "Y");
    if (x == null || y == null) {
      throw error(e, "a coord needs X and Y");
    }
    return new Coordinate(number(x, Dom.text(x)), number(y, Dom.text(y)));
  }

  private double[] numbers(Element at, String[] tokens) {
    double[] v = new double[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      v[i] = number(at, tokens[i]);
    }
    return v;
  }

  private double number(Element at, String token) {
    String t = token.trim();
    try {
      if (!NUMBER.matcher(t).matches()) {
        throw new NumberFormatException();
      }
      double d = Double.parseDouble(t);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw error(at, "invalid number " + FilterErrors.quote(t) + " in <" + at.getNodeName() + ">");
    }
  }

  /** srsDimension on {@code e}, else the inherited one (null = not stated). */
  private Integer dimension(Element e, Integer inherited) {
    String d = Dom.attr(e, "srsDimension");
    if (d == null || d.isBlank()) {
      return inherited;
    }
    return switch (d.trim()) {
      case "2" -> 2;
      case "3" -> 3;
      default -> throw error(e, "srsDimension must be 2 or 3");
    };
  }

  private String orDefault(String v, String dflt) {
    return v == null || v.isEmpty() ? dflt : v;
  }
}
