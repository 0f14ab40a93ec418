package vn.citytwin.planning.edits;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;

/**
 * Checks an edit against the catalog, without the database: the layer exists, is public and editable; each
 * property is an attribute column of the layer (not the id, not the geometry) with a JSON value of a fitting type
 * (integers in the column's range); the geometry is topologically valid (JTS {@link IsValidOp}, the OGC rules that
 * PostGIS {@code ST_IsValid} applies too) and of the layer's geometry type. A Polygon sent to a MultiPolygon layer
 * (likewise Point, LineString) is promoted to a one-part multi geometry.
 *
 * <p>What only the database can tell (NOT NULL columns present, CHECK constraints, date syntax, the geometry inside
 * the city, the feature existing) is checked by {@link EditStore}. Every error is an invalid-parameter
 * {@link ApiException} with the JSON path of the offending member as locator.
 */
public final class EditValidator {
  private final Catalog catalog;

  public EditValidator(Catalog catalog) {
    this.catalog = catalog;
  }

  public ValidEdit validate(FeatureEdit e) {
    Layer layer = catalog.find(e.layerId()).filter(l -> l.meta().isPublic()).orElseThrow(() ->
        ApiException.invalidParameter(e.at("layer"), "Unknown layer '" + e.layerId() + "'"));
    if (!layer.meta().editable() || layer.idColumn() == null) {
      throw ApiException.invalidParameter(e.at("layer"), "Layer '" + layer.id() + "' is not editable in scenarios");
    }
    for (Map.Entry<String, Object> p : e.properties()) {
      checkProperty(layer, p.getKey(), p.getValue(), e.at("properties." + p.getKey()));
    }
    Geometry g = e.geometry() == null ? null : geometry(layer, e.geometry(), e.at("geometry"));
    return new ValidEdit(e, layer, e.properties(), g);
  }

  private static void checkProperty(Layer layer, String name, Object value, String locator) {
    if (name.equals(layer.idColumn())) {
      throw ApiException.invalidParameter(locator, "'" + name + "' is the feature id: give it as the Feature's 'id'");
    }
    Field field = layer.field(name).filter(f -> !name.equals(layer.geometryColumn())).orElseThrow(() ->
        ApiException.invalidParameter(locator, "Unknown property '" + name + "' of layer '" + layer.id()
            + "' (its properties: " + layer.fields().stream().map(Field::name)
            .filter(n -> !n.equals(layer.idColumn())).collect(Collectors.joining(", ")) + ")"));
    if (value == null) {
      return; // NOT NULL is the database's call
    }
    boolean ok = switch (field.type()) {
      case INTEGER -> integerInRange(field, value, locator);
      case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue());
      case BOOLEAN -> value instanceof Boolean;
      case STRING, DATE, TIMESTAMP -> value instanceof String;
      case OTHER -> !(value instanceof JsonArray) || field.pgType().endsWith("[]") || field.pgType().startsWith("json");
      case GEOMETRY -> false;
    };
    if (!ok) {
      throw ApiException.invalidParameter(locator, "Property '" + name + "' must be " + expected(field) + ", got "
          + describe(value));
    }
  }

  private static boolean integerInRange(Field field, Object value, String locator) {
    BigInteger v;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      v = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      v = b;
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d;
      try {
        d = new BigDecimal(value.toString());
      } catch (NumberFormatException ex) {
        return false; // NaN, infinity
      }
      if (d.stripTrailingZeros().scale() > 0) {
        return false;
      }
      v = d.toBigIntegerExact();
    } else {
      return false;
    }
    String t = field.pgType().toLowerCase(Locale.ROOT);
    long min = t.equals("smallint") ? Short.MIN_VALUE : t.equals("integer") ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = t.equals("smallint") ? Short.MAX_VALUE : t.equals("integer") ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw ApiException.invalidParameter(locator, "Property '" + field.name() + "' must be between " + min + " and "
          + max + " (" + t + ")");
    }
    return true;
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

  private static String describe(Object v) {
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

  /** The geometry promoted to the layer's type, or an error naming the expected type or the validity problem. */
  static Geometry geometry(Layer layer, Geometry g, String locator) {
    Geometry typed = toKind(layer.geometryKind(), g);
    if (typed == null) {
      throw ApiException.invalidParameter(locator, "Layer '" + layer.id() + "' holds "
          + layer.geometryKind().ogcName() + " geometries, got " + g.getGeometryType());
    }
    IsValidOp valid = new IsValidOp(typed);
    if (!valid.isValid()) {
      TopologyValidationError err = valid.getValidationError();
      String where = err.getCoordinate() == null ? ""
          : " at (" + err.getCoordinate().x + " " + err.getCoordinate().y + ")";
      throw ApiException.invalidParameter(locator, "Invalid geometry: " + err.getMessage() + where);
    }
    return typed;
  }

  private static Geometry toKind(GeometryKind kind, Geometry g) {
    var f = GeoJsonGeometry.FACTORY;
    return switch (kind) {
      case GEOMETRY -> g;
      case POINT, LINESTRING, POLYGON, GEOMETRYCOLLECTION ->
          g.getGeometryType().equals(kind.ogcName()) ? g : null;
      case MULTIPOINT -> g instanceof Point p ? f.createMultiPoint(new Point[] {p})
          : g.getGeometryType().equals("MultiPoint") ? g : null;
      case MULTILINESTRING -> g instanceof LineString l ? f.createMultiLineString(new LineString[] {l})
          : g.getGeometryType().equals("MultiLineString") ? g : null;
      case MULTIPOLYGON -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[] {p})
          : g.getGeometryType().equals("MultiPolygon") ? g : null;
    };
  }
}
