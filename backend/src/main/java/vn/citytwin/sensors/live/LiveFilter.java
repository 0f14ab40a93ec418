package vn.citytwin.sensors.live;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.citytwin.core.error.ApiException;

/**
 * What one live client wants: any of some datastreams, any of some observed properties (names, case-insensitive),
 * inside a lon/lat box, of some message types. Criteria given together must all hold; an absent criterion
 * accepts everything, so the empty filter receives every observation and alert.
 *
 * @param bbox {minLon, minLat, maxLon, maxLat} in EPSG:4326 degrees, or null
 * @param types a subset of {@code observation}, {@code alert}
 */
public record LiveFilter(Set<Long> datastreams, Set<String> observedProperties, List<Double> bbox, Set<String> types) {
  static final Set<String> TYPES = Set.of("observation", "alert");
  private static final int MAX_IDS = 10000;

  public LiveFilter {
    datastreams = Set.copyOf(datastreams);
    observedProperties = Set.copyOf(observedProperties);
    bbox = bbox == null ? null : List.copyOf(bbox);
    types = types.isEmpty() ? TYPES : Set.copyOf(types);
  }

  /** Everything. */
  public static LiveFilter all() {
    return new LiveFilter(Set.of(), Set.of(), null, Set.of());
  }

  /**
   * From query parameters: {@code datastreams=1,2}, {@code observedProperty=PM2.5,noise} (repeatable),
   * {@code bbox=minLon,minLat,maxLon,maxLat}, {@code types=observation,alert}.
   *
   * @throws ApiException (400) naming the parameter when a value is malformed
   */
  public static LiveFilter fromQuery(MultiMap params) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String v : params.getAll("datastreams")) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          ids.add(id(part.trim()));
        }
      }
    }
    Set<String> props = new LinkedHashSet<>();
    for (String v : params.getAll("observedProperty")) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          props.add(part.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    List<Double> bbox = null;
    String b = params.get("bbox");
    if (b != null && !b.isBlank()) {
      String[] parts = b.split(",");
      if (parts.length != 4) {
        throw ApiException.invalidParameter("bbox", "bbox must be minLon,minLat,maxLon,maxLat");
      }
      Double[] values = new Double[4];
      for (int i = 0; i < 4; i++) {
        values[i] = number(parts[i].trim());
      }
      bbox = bbox(List.of(values));
    }
    Set<String> types = new LinkedHashSet<>();
    String t = params.get("types");
    if (t != null) {
      for (String part : t.split(",")) {
        types.add(type(part.trim()));
      }
    }
    return checked(ids, props, bbox, types);
  }

  /**
   * From a WebSocket subscribe message: {@code {"type":"subscribe","datastreams":[1,2],
   * "observedProperties":["PM2.5"],"bbox":[minLon,minLat,maxLon,maxLat],"types":["observation"]}}.
   *
   * @throws ApiException (400) whose locator is the offending member
   */
  public static LiveFilter fromJson(JsonObject msg) {
    Set<Long> ids = new LinkedHashSet<>();
    for (Object o : array(msg, "datastreams")) {
      if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw ApiException.invalidParameter("datastreams", "datastreams must be an array of integer ids");
      }
      ids.add(n.longValue());
    }
    Set<String> props = new LinkedHashSet<>();
    for (Object o : array(msg, "observedProperties")) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw ApiException.invalidParameter("observedProperties", "observedProperties must be an array of names");
      }
      props.add(s.trim().toLowerCase(Locale.ROOT));
    }
    List<Double> bbox = null;
    if (msg.getValue("bbox") != null) {
      JsonArray a = array(msg, "bbox");
      if (a.size() != 4) {
        throw ApiException.invalidParameter("bbox", "bbox must be [minLon, minLat, maxLon, maxLat]");
      }
      Double[] values = new Double[4];
      for (int i = 0; i < 4; i++) {
        if (!(a.getValue(i) instanceof Number n)) {
          throw ApiException.invalidParameter("bbox", "bbox must hold four numbers");
        }
        values[i] = n.doubleValue();
      }
      bbox = bbox(List.of(values));
    }
    Set<String> types = new LinkedHashSet<>();
    for (Object o : array(msg, "types")) {
      types.add(type(String.valueOf(o)));
    }
    return checked(ids, props, bbox, types);
  }

  /** Whether a message of this type ({@code observation} or {@code alert}) passes. */
  public boolean wants(String type, JsonObject event) {
    if (!types.contains(type)) {
      return false;
    }
    if (!datastreams.isEmpty()) {
      Long ds = event.getLong("datastream");
      if (ds == null || !datastreams.contains(ds)) {
        return false;
      }
    }
    if (!observedProperties.isEmpty()) {
      String p = event.getString("observedProperty");
      if (p == null || !observedProperties.contains(p.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    if (bbox != null) {
      Double lon = event.getDouble("lon");
      Double lat = event.getDouble("lat");
      return lon != null && lat != null && lon >= bbox.get(0) && lon <= bbox.get(2) && lat >= bbox.get(1)
          && lat <= bbox.get(3);
    }
    return true;
  }

  /** The filter as the client may read it back. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject()
        .put("datastreams", new JsonArray(datastreams.stream().sorted().map(Object.class::cast).toList()))
        .put("observedProperties", new JsonArray(observedProperties.stream().sorted().map(Object.class::cast).toList()))
        .put("types", new JsonArray(types.stream().sorted().map(Object.class::cast).toList()));
    if (bbox != null) {
      o.put("bbox", new JsonArray(bbox.stream().map(Object.class::cast).toList()));
    }
    return o;
  }

  private static LiveFilter checked(Set<Long> ids, Set<String> props, List<Double> bbox, Set<String> types) {
    if (ids.size() > MAX_IDS || props.size() > MAX_IDS) {
      throw ApiException.invalidParameter(ids.size() > MAX_IDS ? "datastreams" : "observedProperty",
          "at most " + MAX_IDS + " values");
    }
    return new LiveFilter(ids, props, bbox, types);
  }

  private static JsonArray array(JsonObject msg, String member) {
    Object v = msg.getValue(member);
    if (v == null) {
      return new JsonArray();
    }
    if (!(v instanceof JsonArray a)) {
      throw ApiException.invalidParameter(member, member + " must be an array");
    }
    return a;
  }

  private static List<Double> bbox(List<Double> v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        throw ApiException.invalidParameter("bbox", "bbox values must be finite numbers");
      }
    }
    if (v.get(0) < -180 || v.get(2) > 180 || v.get(1) < -90 || v.get(3) > 90 || v.get(0) > v.get(2)
        || v.get(1) > v.get(3)) {
      throw ApiException.invalidParameter("bbox",
          "bbox must be minLon,minLat,maxLon,maxLat in degrees with min <= max (EPSG:4326)");
    }
    return v;
  }

  private static long id(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("datastreams", "'" + clip(s) + "' is not a datastream id");
    }
  }

  private static double number(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("bbox", "'" + clip(s) + "' is not a number");
    }
  }

  private static String type(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(t)) {
      throw ApiException.invalidParameter("types", "types must be observation and/or alert, not '" + clip(s) + "'");
    }
    return t;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
