package vn.citytwin.planning.simulation.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.SimulationParams;

/**
 * Accessibility parameters.
 *
 * @param facilities the facility layers (default schools and hospitals)
 * @param classes only these classes (school levels, hospital kinds); null for all
 * @param mode walk (default) or drive
 * @param speedKmh travel speed, 1–120 km/h (default by mode: 5 walking, 30 driving)
 * @param minutes travel-time thresholds, 1–60 min, at most 6 (default 5, 10, 15)
 * @param method auto (default), network or straight
 * @param trimM how far the service-area polygon reaches beyond the reached roads, metres, 5–500 (default 50)
 */
public record AccessibilityParams(List<FacilityLayer> facilities, List<String> classes, TravelMode mode,
                                  double speedKmh, List<Integer> minutes, AccessMethod method, double trimM)
    implements SimulationParams {
  static final Set<String> NAMES = Set.of("facilities", "classes", "mode", "speedKmh", "minutes", "method",
      "trimDistance");

  public static AccessibilityParams parse(JsonObject body) {
    JsonParams p = new JsonParams(body, NAMES);
    List<String> layers = p.strings("facilities", List.of("hospitals", "schools"), 2);
    for (String l : layers) {
      if (!l.equals("schools") && !l.equals("hospitals")) {
        throw ApiException.invalidParameter("facilities",
            "facilities must be schools and/or hospitals");
      }
    }
    List<String> classes = p.strings("classes", null, 20);
    TravelMode mode = TravelMode.valueOf(p.oneOf("mode", "walk", Set.of("walk", "drive"))
        .toUpperCase(Locale.ROOT));
    double speed = p.number("speedKmh", mode.defaultSpeedKmh(), 1, 120);
    List<Integer> minutes = p.integers("minutes", List.of(5, 10, 15), 1, 60, 6);
    AccessMethod method = AccessMethod.valueOf(p.oneOf("method", "auto", Set.of("auto", "network", "straight"))
        .toUpperCase(Locale.ROOT));
    double trim = p.number("trimDistance", 50, 5, 500);
    return new AccessibilityParams(layers.stream().map(FacilityLayer::fromWire).toList(), classes, mode, speed,
        minutes, method, trim);
  }

  /** Metres travelled in {@code minutes} at the speed. */
  public double metres(int minutes) {
    return speedKmh * 1000.0 / 60.0 * minutes;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("facilities", new JsonArray(facilities.stream().map(FacilityLayer::layerId).toList()))
        .put("classes", classes == null ? null : new JsonArray(classes))
        .put("mode", mode.wire())
        .put("speedKmh", speedKmh)
        .put("minutes", new JsonArray(minutes))
        .put("method", method.wire())
        .put("trimDistance", trimM);
  }
}
