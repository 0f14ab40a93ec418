package vn.citytwin.planning.simulation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.edit.GeoJsonGeometry;

/**
 * Reads a simulation's JSON request body. Unknown keys are refused (a misspelt parameter must not silently fall
 * back to its default); every rejection is an invalid-parameter error whose locator is the parameter's name.
 */
public final class JsonParams {
  /** Geometries are EPSG:4326 lon/lat. */
  public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private final JsonObject body;

  public JsonParams(JsonObject body, Set<String> allowed) {
    this.body = body == null ? new JsonObject() : body;
    for (String key : this.body.fieldNames()) {
      if (!allowed.contains(key)) {
        throw ApiException.invalidParameter(key, "Unknown parameter '" + ErrorText.abbreviate(key, 40)
            + "'; accepted: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  public boolean has(String name) {
    return body.getValue(name) != null;
  }

  /** A finite number within [min, max], or the default when absent. */
  public double number(String name, double defaultValue, double min, double max) {
    Object v = body.getValue(name);
    if (v == null) {
      return defaultValue;
    }
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter(name, name + " must be a number");
      }
    } else {
      throw ApiException.invalidParameter(name, name + " must be a number");
    }
    if (!Double.isFinite(d) || d < min || d > max) {
      throw ApiException.invalidParameter(name, name + " must be between " + fmt(min) + " and " + fmt(max));
    }
    return d;
  }

  /** A whole number within [min, max], or the default when absent. */
  public int integer(String name, int defaultValue, int min, int max) {
    double d = number(name, defaultValue, min, max);
    if (d != Math.rint(d)) {
      throw ApiException.invalidParameter(name, name + " must be a whole number");
    }
    return (int) d;
  }

  /** A string, or the default when absent. */
  public String string(String name, String defaultValue) {
    Object v = body.getValue(name);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw ApiException.invalidParameter(name, name + " must be a non-empty string");
    }
    return s.trim();
  }

  /** One of the allowed values (case-insensitive, returned lower-case), or the default. */
  public String oneOf(String name, String defaultValue, Set<String> allowed) {
    String v = string(name, defaultValue);
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw ApiException.invalidParameter(name, name + " must be one of " + String.join(", ", new TreeSet<>(allowed)));
    }
    return lower;
  }

  /** A list of integers in [min, max] (a JSON array or a single number), sorted and without duplicates. */
  public List<Integer> integers(String name, List<Integer> defaultValue, int min, int max, int maxCount) {
    Object v = body.getValue(name);
    if (v == null) {
      return defaultValue;
    }
    JsonArray array = v instanceof JsonArray a ? a : new JsonArray().add(v);
    if (array.isEmpty() || array.size() > maxCount) {
      throw ApiException.invalidParameter(name, name + " must hold 1 to " + maxCount + " values");
    }
    TreeSet<Integer> out = new TreeSet<>();
    for (Object o : array) {
      if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
          || n.doubleValue() < min || n.doubleValue() > max) {
        throw ApiException.invalidParameter(name, name + " values must be whole numbers between " + min + " and "
            + max);
      }
      out.add(n.intValue());
    }
    return List.copyOf(out);
  }

  /** A list of strings (a JSON array or a single string), each from {@code allowed} when it is not null. */
  public List<String> strings(String name, List<String> defaultValue, int maxCount) {
    Object v = body.getValue(name);
    if (v == null) {
      return defaultValue;
    }
    JsonArray array = v instanceof JsonArray a ? a : new JsonArray().add(v);
    if (array.isEmpty() || array.size() > maxCount) {
      throw ApiException.invalidParameter(name, name + " must hold 1 to " + maxCount + " values");
    }
    List<String> out = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof String s) || s.isBlank() || s.length() > 100) {
        throw ApiException.invalidParameter(name, name + " values must be non-empty strings");
      }
      if (!out.contains(s.trim())) {
        out.add(s.trim());
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** An ISO date (YYYY-MM-DD) between 1900 and 2100, or the default. */
  public LocalDate date(String name, LocalDate defaultValue) {
    String v = string(name, null);
    if (v == null) {
      return defaultValue;
    }
    try {
      LocalDate d = LocalDate.parse(v);
      if (d.getYear() < 1900 || d.getYear() > 2100) {
        throw ApiException.invalidParameter(name, name + " must be between 1900-01-01 and 2100-12-31");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(name, name + " must be a date like 2025-06-21");
    }
  }

  /** A local time (HH:mm or HH:mm:ss), or the default. */
  public LocalTime time(String name, LocalTime defaultValue) {
    String v = string(name, null);
    if (v == null) {
      return defaultValue;
    }
    try {
      return LocalTime.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter(name, name + " must be a local time like 14:30");
    }
  }

  /**
   * A geometry in EPSG:4326 (longitude, latitude), given as WKT text or a GeoJSON geometry object (read by the edit
   * model's {@link GeoJsonGeometry}); it must be valid and within longitude/latitude bounds. Null when absent.
   */
  public Geometry geometry(String name) {
    Object v = body.getValue(name);
    if (v == null) {
      return null;
    }
    Geometry g;
    try {
      if (v instanceof String s) {
        g = new WKTReader(WGS84).read(s);
      } else if (v instanceof JsonObject o) {
        g = GeoJsonGeometry.read(o, name); // the edit model's reader: structural errors name the problem
      } else {
        throw ApiException.invalidParameter(name, name + " must be WKT text or a GeoJSON geometry");
      }
    } catch (ParseException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.invalidParameter(name, name + " is not valid WKT or GeoJSON geometry");
    }
    g.setSRID(4326);
    if (g.isEmpty()) {
      throw ApiException.invalidParameter(name, name + " is empty");
    }
    var env = g.getEnvelopeInternal();
    if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
      throw ApiException.invalidParameter(name, name + " must be longitude/latitude in degrees (EPSG:4326)");
    }
    if (!g.isValid()) {
      throw ApiException.invalidParameter(name, name + " is not a valid geometry (self-intersection?)");
    }
    return g;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
