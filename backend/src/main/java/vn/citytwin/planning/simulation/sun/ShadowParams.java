package vn.citytwin.planning.simulation.sun;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTWriter;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.LocalPlane;
import vn.citytwin.planning.simulation.SimulationParams;

/**
 * Sun and shadow parameters. Times are local clock times in {@link #ZONE} (Asia/Ho_Chi_Minh, UTC+07:00 all year).
 *
 * @param date the day (required)
 * @param time when to draw the building shadows and report the sun; null: solar noon
 * @param from start of the sun-hours range; null: sunrise
 * @param to end of the sun-hours range; null: sunset
 * @param stepMinutes sampling step of the sun-hours integration, 1–60 (default 10)
 * @param area the area of interest (Polygon or MultiPolygon, EPSG:4326, at most {@link #MAX_AREA_M2})
 * @param gridSpacingM spacing of the sample points, metres, 1–200 (default 10; grows for large areas)
 */
public record ShadowParams(LocalDate date, LocalTime time, LocalTime from, LocalTime to, int stepMinutes,
                           Geometry area, double gridSpacingM) implements SimulationParams {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final double MAX_AREA_M2 = 2_000_000;
  static final Set<String> NAMES = Set.of("date", "time", "from", "to", "stepMinutes", "area", "gridSpacing");

  public static ShadowParams parse(JsonObject body) {
    JsonParams p = new JsonParams(body, NAMES);
    LocalDate date = p.date("date", null);
    if (date == null) {
      throw ApiException.missingParameter("date");
    }
    LocalTime time = p.time("time", null);
    LocalTime from = p.time("from", null);
    LocalTime to = p.time("to", null);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ApiException.invalidParameter("to", "to must be later than from");
    }
    int step = p.integer("stepMinutes", 10, 1, 60);
    double spacing = p.number("gridSpacing", 10, 1, 200);
    Geometry area = p.geometry("area");
    if (area == null) {
      throw ApiException.missingParameter("area");
    }
    if (!(area instanceof Polygonal)) {
      throw ApiException.invalidParameter("area", "area must be a Polygon or MultiPolygon");
    }
    double m2 = LocalPlane.around(area).toLocal(area).getArea();
    if (m2 > MAX_AREA_M2) {
      throw ApiException.invalidParameter("area", "area must be at most " + (long) (MAX_AREA_M2 / 1e6) + " km²");
    }
    return new ShadowParams(date, time, from, to, step, area, spacing);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("date", date.toString())
        .put("time", time == null ? null : time.toString())
        .put("from", from == null ? null : from.toString())
        .put("to", to == null ? null : to.toString())
        .put("stepMinutes", stepMinutes)
        .put("gridSpacing", gridSpacingM)
        .put("area", new WKTWriter().write(area))
        .put("timeZone", ZONE.getId());
  }
}
