package vn.citytwin.ogc.features;

import io.vertx.core.json.JsonObject;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;

/**
 * The queryables of a collection (OGC API – Features Part 3) as a JSON Schema (draft 2020-12): every queryable
 * column with its JSON type (dates and timestamps as formatted strings), and the geometry as
 * {@code format: geometry-<type>}. The same names work in {@code filter} and as {@code name=value} parameters.
 */
final class Queryables {
  private Queryables() {}

  static JsonObject of(Layer layer, String lang, String selfUrl) {
    JsonObject props = new JsonObject();
    for (Field f : layer.queryableFields()) {
      JsonObject p = new JsonObject().put("title", f.name());
      switch (f.type()) {
        case DATE -> p.put("type", "string").put("format", "date");
        case TIMESTAMP -> p.put("type", "string").put("format", "date-time");
        case OTHER -> p.put("type", "string");
        default -> p.put("type", f.type().jsonType());
      }
      props.put(f.name(), p);
    }
    props.put(layer.geometryColumn(), new JsonObject().put("title", layer.geometryColumn())
        .put("format", geometryFormat(layer.geometryKind())).put("x-ogc-role", "primary-geometry"));
    return new JsonObject()
        .put("$schema", "https://json-schema.org/draft/2020-12/schema")
        .put("$id", selfUrl)
        .put("type", "object")
        .put("title", layer.meta().title(lang))
        .put("properties", props)
        .put("additionalProperties", false);
  }

  static String geometryFormat(GeometryKind kind) {
    return kind == GeometryKind.GEOMETRY ? "geometry-any" : "geometry-" + kind.ogcName().toLowerCase(java.util.Locale.ROOT);
  }
}
