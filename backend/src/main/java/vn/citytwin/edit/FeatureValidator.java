package vn.citytwin.edit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;

/**
 * The one check of a feature's values and geometry against its layer, without the database — for WFS-T, Part 4,
 * scenario edits and imports alike:
 *
 * <ul>
 *   <li>each property is an attribute column of the layer (not the id, not the geometry, not a second geometry
 *       column) and its value fits the column's type in the request's {@link ValueSyntax}: integers within the
 *       column's range ({@code smallint}, {@code integer}, {@code bigint}), finite numbers, booleans; dates,
 *       timestamps and other types are read by the database's own input function ({@link RowCheck#castCheck});
 *   <li>the geometry is non-empty, of the layer's geometry type — a Polygon sent to a MultiPolygon layer (likewise
 *       Point, LineString) is promoted to a one-part multi geometry — and topologically valid (JTS {@link
 *       IsValidOp}, the OGC rules PostGIS {@code ST_IsValid} applies too).
 * </ul>
 *
 * The value of a property comes back as the text bound for it ({@code CAST(? AS <column type>)}); null is NULL.
 * What only the database can tell (NOT NULL, CHECK constraints, inside the city) is {@link RowCheck}'s and {@link
 * CityBoundary}'s. Every error is an invalid-parameter {@link ApiException} whose locator comes from the {@link
 * EditLocator}.
 */
public final class FeatureValidator {
  private FeatureValidator() {}

  /** Checks every property; column → text to bind (null for NULL), in the given order. */
  public static Map<String, String> values(Layer layer, Map<String, ?> values, ValueSyntax syntax, EditLocator at) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((column, value) -> out.put(column, value(layer, column, value, syntax, at)));
    return out;
  }

  /** Checks one property; the text to bind, or null for NULL (NOT NULL is the database's call). */
  public static String value(Layer layer, String column, Object value, ValueSyntax syntax, EditLocator at) {
    String locator = at.property(column);
    if (column.equals(layer.idColumn())) {
      throw ApiException.invalidParameter(locator, "Property '" + column + "' is the feature id, which cannot be"
          + " set as a property");
    }
    Field field = layer.field(column).filter(f -> !column.equals(layer.geometryColumn())).orElseThrow(() ->
        ApiException.invalidParameter(locator, "Unknown property '" + column + "' of layer '" + layer.id()
            + "' (its properties: " + layer.fields().stream().map(Field::name)
            .filter(n -> !n.equals(layer.idColumn()) && !n.equals(layer.geometryColumn()))
            .collect(Collectors.joining(", ")) + ")"));
    if (value == null) {
      return null;
    }
    String text = syntax == ValueSyntax.JSON ? json(field, value, locator) : text(field, value.toString(), locator);
    if (text == null) {
      throw ApiException.invalidParameter(locator, "Property '" + column + "' must be " + expected(field) + ", got "
          + describe(value, syntax));
    }
    return text;
  }

  /** A typed JSON value → its text, or null when the JSON type does not fit the column. */
  private static String json(Field field, Object value, String locator) {
    return switch (field.type()) {
      case INTEGER -> {
        BigInteger v = integer(value);
        yield v == null ? null : inRange(field, v, locator);
      }
      case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.toString() : null;
      case BOOLEAN -> value instanceof Boolean b ? b.toString() : null;
      case STRING, DATE, TIMESTAMP -> value instanceof String s ? s : null;
      case OTHER -> {
        if (value instanceof JsonArray a) {
          yield field.pgType().endsWith("[]") || field.pgType().startsWith("json") ? a.encode() : null;
        }
        yield value instanceof JsonObject o ? o.encode() : value.toString();
      }
      case GEOMETRY -> null;
    };
  }

  /** A value written as text (XML) → its text, or null when it cannot be read as the column's type. */
  private static String text(Field field, String value, String locator) {
    String s = value.trim();
    try {
      return switch (field.type()) {
        case INTEGER -> inRange(field, new BigDecimal(s).toBigIntegerExact(), locator);
        case NUMBER -> new BigDecimal(s).toString();
        case BOOLEAN -> switch (s.toLowerCase(Locale.ROOT)) {
          case "true", "1" -> "true";
          case "false", "0" -> "false";
          default -> null;
        };
        case GEOMETRY -> null;
        default -> value;
      };
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** A JSON number with no fraction as an integer, else null. */
  private static BigInteger integer(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return b;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      try {
        BigDecimal d = new BigDecimal(value.toString());
        return d.stripTrailingZeros().scale() > 0 ? null : d.toBigIntegerExact();
      } catch (NumberFormatException | ArithmeticException e) {
        return null; // NaN, infinity
      }
    }
    return null;
  }

  private static String inRange(Field field, BigInteger v, String locator) {
    String t = field.pgType().toLowerCase(Locale.ROOT);
    long min = t.equals("smallint") ? Short.MIN_VALUE : t.equals("integer") ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = t.equals("smallint") ? Short.MAX_VALUE : t.equals("integer") ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw ApiException.invalidParameter(locator, "Property '" + field.name() + "' must be between " + min + " and "
          + max + " (" + t + ")");
    }
    return v.toString();
  }

  private static String expected(Field f) {
    return switch (f.type()) {
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case STRING -> "a string";
      case DATE -> "a date string (YYYY-MM-DD)";
      case TIMESTAMP -> "a date-time string (RFC 3339)";
      case OTHER -> "a value of type " + f.pgType();
      case GEOMETRY -> "left out (a second geometry column is not editable)";
    };
  }

  private static String describe(Object v, ValueSyntax syntax) {
    if (syntax == ValueSyntax.TEXT) {
      String s = v.toString();
      return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Number n) {
      return "the number " + n;
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    return v instanceof JsonArray ? "an array" : "a " + v.getClass().getSimpleName();
  }

  /**
   * The geometry promoted to the layer's type, or an error naming the expected type or the validity problem.
   *
   * @param g x = east, y = north, with its SRID (0 is taken as EPSG:4326)
   * @return a geometry with the same SRID (4326 for 0)
   */
  public static Geometry geometry(Layer layer, Geometry g, String locator) {
    if (g.isEmpty()) {
      throw ApiException.invalidParameter(locator, "Invalid geometry: the geometry is empty");
    }
    int srid = g.getSRID() == 0 ? 4326 : g.getSRID();
    Geometry typed = toKind(layer.geometryKind(), g);
    if (typed == null) {
      throw ApiException.invalidParameter(locator, "Layer '" + layer.id() + "' holds "
          + layer.geometryKind().ogcName() + " geometries, got " + g.getGeometryType());
    }
    TopologyValidationError err = new IsValidOp(typed).getValidationError();
    if (err != null) {
      String where = err.getCoordinate() == null ? ""
          : " at (" + err.getCoordinate().x + " " + err.getCoordinate().y + ")";
      throw ApiException.invalidParameter(locator, "Invalid geometry: " + err.getMessage() + where);
    }
    typed.setSRID(srid);
    return typed;
  }

  private static Geometry toKind(GeometryKind kind, Geometry g) {
    GeometryFactory f = g.getFactory();
    return switch (kind) {
      case GEOMETRY -> g;
      case POINT, LINESTRING, POLYGON, GEOMETRYCOLLECTION ->
          g.getGeometryType().equals(kind.ogcName()) ? g : null;
      case MULTIPOINT -> g instanceof Point p ? f.createMultiPoint(new Point[] {p})
          : g.getGeometryType().equals("MultiPoint") ? g : null;
      case MULTILINESTRING -> g instanceof LineString l && !(g instanceof org.locationtech.jts.geom.LinearRing)
          ? f.createMultiLineString(new LineString[] {l})
          : g.getGeometryType().equals("MultiLineString") ? g : null;
      case MULTIPOLYGON -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[] {p})
          : g.getGeometryType().equals("MultiPolygon") ? g : null;
    };
  }
}
