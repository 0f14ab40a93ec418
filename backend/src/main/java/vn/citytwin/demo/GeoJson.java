package vn.citytwin.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the small hand-made GeoJSON files of {@code gis-data/} (RFC 7946, EPSG:4326, lon/lat) into geometries in
 * {@link LocalFrame} metres. Supports the geometry types the anchors use: Point, LineString, Polygon, MultiPolygon.
 */
final class GeoJson {
  static final GeometryFactory GF = new GeometryFactory();

  /** One feature: its geometry in local metres and its properties (never null). */
  record Feature(Geometry geometry, JsonObject properties) {
    String string(String key) {
      return properties.getString(key);
    }

    double number(String key) {
      Number n = properties.getNumber(key);
      if (n == null) {
        throw new IllegalStateException("gis-data feature " + properties.getString("name") + " lacks " + key);
      }
      return n.doubleValue();
    }

    Double optNumber(String key) {
      Number n = properties.getNumber(key);
      return n == null ? null : n.doubleValue();
    }
  }

  private GeoJson() {}

  /** Reads {@code gis-data/<name>.geojson} from the class path. */
  static List<Feature> resource(String name) {
    String path = "gis-data/" + name + ".geojson";
    try (InputStream in = GeoJson.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + path);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Feature> parse(String text) {
    JsonObject fc = new JsonObject(text);
    List<Feature> out = new ArrayList<>();
    for (Object o : fc.getJsonArray("features")) {
      JsonObject f = (JsonObject) o;
      JsonObject props = f.getJsonObject("properties");
      out.add(new Feature(geometry(f.getJsonObject("geometry")), props == null ? new JsonObject() : props));
    }
    return out;
  }

  private static Geometry geometry(JsonObject g) {
    JsonArray c = g.getJsonArray("coordinates");
    return switch (g.getString("type")) {
      case "Point" -> GF.createPoint(coordinate(c));
      case "LineString" -> GF.createLineString(coordinates(c));
      case "Polygon" -> polygon(c);
      case "MultiPolygon" -> {
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = polygon(c.getJsonArray(i));
        }
        yield GF.createMultiPolygon(ps);
      }
      default -> throw new IllegalStateException("unsupported GeoJSON geometry " + g.getString("type"));
    };
  }

  private static Polygon polygon(JsonArray rings) {
    LinearRing shell = GF.createLinearRing(coordinates(rings.getJsonArray(0)));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = GF.createLinearRing(coordinates(rings.getJsonArray(i)));
    }
    return GF.createPolygon(shell, holes);
  }

  private static Coordinate[] coordinates(JsonArray a) {
    Coordinate[] cs = new Coordinate[a.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = coordinate(a.getJsonArray(i));
    }
    return cs;
  }

  private static Coordinate coordinate(JsonArray p) {
    return new Coordinate(LocalFrame.x(p.getDouble(0)), LocalFrame.y(p.getDouble(1)));
  }
}
