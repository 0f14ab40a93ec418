package vn.citytwin.planning.simulation.flood;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import vn.citytwin.planning.simulation.JsonParams;
import vn.citytwin.planning.simulation.SimulationParams;

/**
 * A still water level from the sea, metres above mean sea level: {@code seaLevelRise + surge + tide}.
 *
 * <p>Defaults: no rise, no surge, and a spring high tide of +1.6 m above mean sea level. At the Vũng Tàu gauge
 * mean sea level is about 2.5 m above chart datum and spring high waters reach 4.0–4.2 m above chart datum, so a
 * spring high tide is about +1.5 to +1.7 m above mean sea level (the pilot-city fact sheet, section 5).
 *
 * @param seaLevelRiseM in [−1, 5]; MONRE's 2020 scenarios give +0.24 to +0.77 m by 2050–2100
 * @param surgeM storm or monsoon surge in [0, 10]
 * @param tideM tide above mean sea level in [−3, 3]
 */
public record FloodParams(double seaLevelRiseM, double surgeM, double tideM) implements SimulationParams {
  public static final double DEFAULT_TIDE_M = 1.6;
  static final Set<String> NAMES = Set.of("seaLevelRise", "surge", "tide");

  public static FloodParams parse(JsonObject body) {
    JsonParams p = new JsonParams(body, NAMES);
    return new FloodParams(p.number("seaLevelRise", 0, -1, 5), p.number("surge", 0, 0, 10),
        p.number("tide", DEFAULT_TIDE_M, -3, 3));
  }

  public double waterLevelM() {
    return seaLevelRiseM + surgeM + tideM;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("seaLevelRise", seaLevelRiseM).put("surge", surgeM).put("tide", tideM);
  }
}
