package vn.citytwin.ogc.features;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.features.SupportedCrs;

/**
 * The OpenAPI 3.0 paths of OGC API – Features, generated from the catalog: the templated paths, and for each
 * collection its own items path listing its queryables as query parameters (clients such as GDAL read them to push
 * attribute filters to the server) and the filter languages.
 */
final class FeaturesOpenApi {
  private FeaturesOpenApi() {}

  static JsonObject paths(List<Layer> layers, int defaultLimit, int maxLimit, boolean edits) {
    JsonObject paths = new JsonObject();
    JsonObject items = new JsonObject().put("get", itemsGet(null, defaultLimit, maxLimit));
    if (edits) {
      items.put("post", op("Add features (GeoJSON Feature or FeatureCollection)", "201", "Created"));
    }
    paths.put("/collections/{collectionId}/items", items);
    JsonObject item = new JsonObject().put("get", new JsonObject().put("summary", "One feature")
        .put("parameters", new JsonArray().add(pathParam("collectionId")).add(pathParam("featureId"))
            .add(query("f", enumSchema("json", "html"))).add(query("crs", enumSchema(SupportedCrs.uris())))
            .add(query("scenario", new JsonObject().put("type", "string"))))
        .put("responses", responses()));
    if (edits) {
      item.put("put", op("Replace a feature", "204", "Replaced"));
      item.put("patch", op("Update properties or geometry of a feature (JSON merge patch)", "204", "Updated"));
      item.put("delete", op("Delete a feature", "204", "Deleted"));
    }
    paths.put("/collections/{collectionId}/items/{featureId}", item);
    paths.put("/collections/{collectionId}/queryables", new JsonObject().put("get", new JsonObject()
        .put("summary", "Properties usable in filters (JSON Schema)")
        .put("parameters", new JsonArray().add(pathParam("collectionId")))
        .put("responses", new JsonObject().put("200", new JsonObject().put("description", "Queryables")))));
    for (Layer l : layers) {
      paths.put("/collections/" + l.id() + "/items", new JsonObject().put("get", itemsGet(l, defaultLimit, maxLimit)));
    }
    return paths;
  }

  private static JsonObject itemsGet(Layer layer, int defaultLimit, int maxLimit) {
    JsonArray params = new JsonArray();
    if (layer == null) {
      params.add(pathParam("collectionId"));
    }
    params.add(query("f", enumSchema("json", "html", "csv")))
        .add(query("limit", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", maxLimit)
            .put("default", defaultLimit)))
        .add(query("offset", new JsonObject().put("type", "integer").put("minimum", 0).put("default", 0)))
        .add(query("bbox", new JsonObject().put("type", "array").put("minItems", 4).put("maxItems", 6)
            .put("items", new JsonObject().put("type", "number"))).put("style", "form").put("explode", false))
        .add(query("bbox-crs", enumSchema(SupportedCrs.uris())))
        .add(query("crs", enumSchema(SupportedCrs.uris())))
        .add(query("datetime", new JsonObject().put("type", "string")))
        .add(query("filter", new JsonObject().put("type", "string")))
        .add(query("filter-lang", enumSchema("cql2-text", "cql-text").put("default", "cql2-text")))
        .add(query("filter-crs", enumSchema(SupportedCrs.uris())))
        .add(query("sortby", new JsonObject().put("type", "string")))
        .add(query("properties", new JsonObject().put("type", "string")))
        .add(query("skipGeometry", new JsonObject().put("type", "boolean")))
        .add(query("scenario", new JsonObject().put("type", "string")));
    if (layer != null) {
      for (Field f : layer.queryableFields()) {
        params.add(query(f.name(), new JsonObject().put("type", f.type().jsonType().equals("geometry") ? "string"
            : f.type().jsonType())));
      }
    }
    return new JsonObject().put("summary", layer == null ? "Features of a collection"
            : "Features of " + layer.meta().title("en"))
        .put("parameters", params).put("responses", responses());
  }

  private static JsonObject responses() {
    return new JsonObject()
        .put("200", new JsonObject().put("description", "Features").put("content", new JsonObject()
            .put("application/geo+json", new JsonObject()).put("text/html", new JsonObject())
            .put("text/csv", new JsonObject())))
        .put("400", new JsonObject().put("description", "Invalid parameter"))
        .put("404", new JsonObject().put("description", "Not found"));
  }

  private static JsonObject op(String summary, String status, String description) {
    return new JsonObject().put("summary", summary).put("responses", new JsonObject()
        .put(status, new JsonObject().put("description", description))
        .put("400", new JsonObject().put("description", "Invalid feature"))
        .put("403", new JsonObject().put("description", "Editing disabled")));
  }

  private static JsonObject pathParam(String name) {
    return new JsonObject().put("name", name).put("in", "path").put("required", true)
        .put("schema", new JsonObject().put("type", "string"));
  }

  private static JsonObject query(String name, JsonObject schema) {
    return new JsonObject().put("name", name).put("in", "query").put("required", false).put("schema", schema);
  }

  private static JsonObject enumSchema(String... values) {
    return enumSchema(List.of(values));
  }

  private static JsonObject enumSchema(List<String> values) {
    return new JsonObject().put("type", "string").put("enum", new JsonArray(values));
  }
}
