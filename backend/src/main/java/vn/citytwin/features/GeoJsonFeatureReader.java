package vn.citytwin.features;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.GeoJsonGeometry;
import vn.citytwin.filter.CrsName;

/**
 * Reads GeoJSON request bodies of OGC API – Features Part 4 into {@link FeatureEdit.NewFeature}s: a Feature or a
 * FeatureCollection; properties by column name (the edit model refuses unknown ones), {@code id} as the feature id, the
 * geometry in the body's CRS ({@code Content-Crs}, CRS84 by default, axes swapped to x=east for latitude-first
 * CRSs) by the edit model's one GeoJSON reader ({@link GeoJsonGeometry}). Values stay typed JSON: the edit model
 * checks them ({@code ValueSyntax.JSON}).
 */
public final class GeoJsonFeatureReader {
  private GeoJsonFeatureReader() {}

  public static List<FeatureEdit.NewFeature> read(String body, Layer layer, CrsName crs) {
    JsonObject json;
    try {
      json = new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.invalidParameter("body", "The body is not a JSON object");
    }
    List<FeatureEdit.NewFeature> out = new ArrayList<>();
    String type = json.getString("type", "");
    if (type.equals("FeatureCollection")) {
      JsonArray features = json.getJsonArray("features");
      if (features == null || features.isEmpty()) {
        throw ApiException.invalidParameter("body", "The FeatureCollection has no features");
      }
      for (Object f : features) {
        if (!(f instanceof JsonObject o)) {
          throw ApiException.invalidParameter("body", "Every member of 'features' must be a Feature object");
        }
        out.add(feature(o, layer, crs));
      }
    } else if (type.equals("Feature")) {
      out.add(feature(json, layer, crs));
    } else {
      throw ApiException.invalidParameter("body", "Expected a GeoJSON Feature or FeatureCollection");
    }
    return out;
  }

  public static FeatureEdit.NewFeature feature(JsonObject f, Layer layer, CrsName crs) {
    Map<String, Object> values = new LinkedHashMap<>();
    JsonObject props = f.getJsonObject("properties", new JsonObject());
    for (String k : props.fieldNames()) {
      if (k.equals(layer.idColumn()) || k.equals("scenario_status")) {
        continue;
      }
      values.put(k, props.getValue(k)); // unknown names and unfitting values are the edit model's to refuse
    }
    Object geometry = f.getValue("geometry");
    Geometry g = geometry instanceof JsonObject go ? geometry(go, crs) : null;
    return new FeatureEdit.NewFeature(f.getValue("id"), values, g);
  }

  /** The edit model's GeoJSON reader, in the body's CRS; its errors are located at {@code geometry}. */
  static Geometry geometry(JsonObject json, CrsName crs) {
    return GeoJsonGeometry.read(json, crs, "geometry");
  }
}
