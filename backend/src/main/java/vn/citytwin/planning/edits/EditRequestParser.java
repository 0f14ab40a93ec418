package vn.citytwin.planning.edits;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.GeoJsonGeometry;

/**
 * Reads the body of {@code POST /api/scenarios/{id}/edits}: a GeoJSON Feature, or a FeatureCollection, whose
 * features carry two foreign members, {@code layer} (the layer id) and {@code op} ({@code add}, {@code modify},
 * {@code delete}). A FeatureCollection may give {@code layer} and {@code op} once for all its features; a feature's
 * own members win. The feature id is the Feature's {@code id} member (required for modify and delete, refused for
 * add: the server assigns it).
 *
 * <pre>
 * {"type":"Feature","layer":"buildings","op":"add",
 *  "geometry":{"type":"Polygon","coordinates":[[…]]},"properties":{"use_type":"residential","levels":25,"height":80}}
 * {"type":"Feature","layer":"buildings","op":"modify","id":42,"properties":{"levels":6}}
 * {"type":"FeatureCollection","layer":"schools","features":[{"type":"Feature","op":"delete","id":7}, …]}
 * </pre>
 *
 * Only shape is checked here; every error is an invalid-parameter {@link ApiException} whose locator is the JSON
 * path of the offending member ({@code features[1].id}).
 */
public final class EditRequestParser {
  /** Features per request: one transaction must stay short. */
  public static final int MAX_FEATURES = 5000;

  private EditRequestParser() {}

  public static List<FeatureEdit> parse(JsonObject body) {
    if (body == null) {
      throw ApiException.invalidParameter("body", "The body must be a GeoJSON Feature or FeatureCollection");
    }
    Object type = body.getValue("type");
    if ("Feature".equals(type)) {
      return List.of(feature(body, "", null, null));
    }
    if (!"FeatureCollection".equals(type)) {
      throw ApiException.invalidParameter("type",
          "The body must be a GeoJSON Feature or FeatureCollection (with members 'layer' and 'op')");
    }
    Object features = body.getValue("features");
    if (!(features instanceof JsonArray array)) {
      throw ApiException.invalidParameter("features", "'features' must be an array of Features");
    }
    if (array.isEmpty()) {
      throw ApiException.invalidParameter("features", "'features' is empty: nothing to edit");
    }
    if (array.size() > MAX_FEATURES) {
      throw ApiException.invalidParameter("features", "At most " + MAX_FEATURES + " features per request");
    }
    Object layer = body.getValue("layer");
    Object op = body.getValue("op");
    List<FeatureEdit> edits = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object f = array.getValue(i);
      String locator = "features[" + i + "]";
      if (!(f instanceof JsonObject fo) || !"Feature".equals(fo.getValue("type"))) {
        throw ApiException.invalidParameter(locator, "Every member of 'features' must be a GeoJSON Feature");
      }
      edits.add(feature(fo, locator, layer, op));
    }
    return edits;
  }

  private static FeatureEdit feature(JsonObject f, String locator, Object defaultLayer, Object defaultOp) {
    FeatureEdit shell = new FeatureEdit(locator, null, null, null, null, null);
    Object layer = f.containsKey("layer") ? f.getValue("layer") : defaultLayer;
    if (!(layer instanceof String layerId) || layerId.isBlank()) {
      throw ApiException.invalidParameter(shell.at("layer"), "Each feature needs a 'layer' (a layer id)");
    }
    Object opValue = f.containsKey("op") ? f.getValue("op") : defaultOp;
    EditOp op = opValue instanceof String s ? EditOp.fromWire(s) : null;
    if (op == null) {
      throw ApiException.invalidParameter(shell.at("op"), "Each feature needs an 'op': add, modify or delete");
    }
    Long id = id(f.getValue("id"), shell.at("id"), op);
    JsonObject properties = properties(f.getValue("properties"), shell.at("properties"));
    Geometry geometry = null;
    Object g = f.getValue("geometry");
    if (g instanceof JsonObject go) {
      geometry = op == EditOp.DELETE ? null : GeoJsonGeometry.read(go, shell.at("geometry"));
    } else if (g != null) {
      throw ApiException.invalidParameter(shell.at("geometry"), "'geometry' must be a GeoJSON geometry or null");
    }
    if (op == EditOp.ADD && geometry == null) {
      throw ApiException.invalidParameter(shell.at("geometry"), "An added feature needs a geometry");
    }
    return new FeatureEdit(locator, layerId, op, id, op == EditOp.DELETE ? new JsonObject() : properties, geometry);
  }

  private static Long id(Object value, String locator, EditOp op) {
    if (op == EditOp.ADD) {
      if (value != null) {
        throw ApiException.invalidParameter(locator,
            "Ids of added features are assigned by the server: leave 'id' out of an add");
      }
      return null;
    }
    long id;
    if (value instanceof Integer || value instanceof Long) {
      id = ((Number) value).longValue();
    } else if (value instanceof String s && s.matches("[0-9]{1,18}")) {
      id = Long.parseLong(s);
    } else {
      throw ApiException.invalidParameter(locator, "A " + op.wire() + " needs the feature's integer 'id'");
    }
    if (id <= 0) {
      throw ApiException.invalidParameter(locator, "Feature ids are positive integers");
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private static JsonObject properties(Object value, String locator) {
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject o) {
      return o.copy();
    }
    if (value instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m).copy();
    }
    throw ApiException.invalidParameter(locator, "'properties' must be an object or null");
  }
}
