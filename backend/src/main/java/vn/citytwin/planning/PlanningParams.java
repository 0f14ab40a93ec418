package vn.citytwin.planning;

import vn.citytwin.access.AccessView;
import io.vertx.ext.web.RoutingContext;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.edit.GeoJsonGeometry;
import vn.citytwin.planning.indicators.Scope;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/** Parsing of the planning API's path and query parameters; every error names the parameter. */
final class PlanningParams {
  private PlanningParams() {}

  /** A scenario id from the path: a positive integer (locator {@code id}). */
  static long scenarioId(RoutingContext ctx) {
    return positiveLong(ctx.pathParam("id"), "id");
  }

  static long positiveLong(String raw, String locator) {
    try {
      long v = Long.parseLong(raw);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // fall through to the error
    }
    throw ApiException.invalidParameter(locator, locator + " must be a positive integer");
  }

  /** {@code base} or an existing scenario's id, resolved to its chain; errors carry the given locator. */
  static ScenarioRef city(ScenarioRegistry registry, String raw, String locator, AccessView reader) {
    if (raw == null || raw.equalsIgnoreCase("base")) {
      return ScenarioRef.BASE;
    }
    long id = positiveLong(raw, locator);
    try {
      return registry.resolve(id, reader);
    } catch (ApiException e) {
      throw new ApiException(e.kind(), null, locator, e.getMessage(), e);
    }
  }

  /**
   * The scope of an indicator request: {@code by=ward|zone}, or {@code area=} a Polygon or MultiPolygon as WKT or
   * GeoJSON (geometry or Feature) in EPSG:4326 lon/lat, valid; the two exclude each other. Neither: the city.
   */
  static Scope scope(KvpParams p) {
    if (p.has("by") && p.has("area")) {
      throw ApiException.invalidParameter("area", "Give either by or area, not both");
    }
    if (p.has("by")) {
      return switch (p.require("by")) {
        case "ward" -> new Scope.ByWard();
        case "zone" -> new Scope.ByZone();
        default -> throw ApiException.invalidParameter("by", "by must be ward or zone");
      };
    }
    return p.get("area").<Scope>map(raw -> new Scope.Area(area(raw))).orElse(new Scope.City());
  }

  static Geometry area(String raw) {
    Geometry g;
    if (raw.startsWith("{")) {
      io.vertx.core.json.JsonObject json;
      try {
        json = new io.vertx.core.json.JsonObject(raw);
      } catch (RuntimeException e) {
        throw ApiException.invalidParameter("area", "area is neither WKT nor GeoJSON");
      }
      if ("Feature".equals(json.getValue("type")) && json.getValue("geometry") instanceof io.vertx.core.json.JsonObject geom) {
        json = geom;
      }
      g = GeoJsonGeometry.read(json, "area");
    } else {
      try {
        g = new WKTReader(GeoJsonGeometry.FACTORY).read(raw);
      } catch (ParseException | IllegalArgumentException e) {
        throw ApiException.invalidParameter("area", "area is neither WKT nor GeoJSON: " + ErrorText.abbreviate(
            String.valueOf(e.getMessage())));
      }
      g.setSRID(4326);
      var env = g.getEnvelopeInternal();
      if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
        throw ApiException.invalidParameter("area", "area must be in longitude/latitude degrees (EPSG:4326)");
      }
    }
    if (g.isEmpty() || !(g.getGeometryType().equals("Polygon") || g.getGeometryType().equals("MultiPolygon"))) {
      throw ApiException.invalidParameter("area", "area must be a Polygon or MultiPolygon");
    }
    if (!new IsValidOp(g).isValid()) {
      throw ApiException.invalidParameter("area", "area is not a valid polygon: "
          + new IsValidOp(g).getValidationError().getMessage());
    }
    return g;
  }
}
