package vn.citytwin.planning.simulation.flood;

import io.vertx.core.json.JsonObject;

/**
 * Area and depth statistics of the flooded cells. Depth = water level − ground height of the cell.
 *
 * @param areaM2 flooded area, m² (sum of the flooded cells' spherical areas)
 * @param maxDepthM deepest flooded cell, m (0 when none)
 * @param meanDepthM area-weighted mean depth, m (0 when none)
 * @param areaByDepthM2 flooded area by depth class, m²: [0, 0.5), [0.5, 1), [1, 2), ≥ 2 m
 */
public record FloodDepth(int cells, double areaM2, double maxDepthM, double meanDepthM, double[] areaByDepthM2) {
  public static final double[] CLASS_UPPER_BOUNDS_M = {0.5, 1, 2, Double.POSITIVE_INFINITY};
  private static final String[] CLASS_NAMES = {"0-0.5", "0.5-1", "1-2", ">=2"};

  public static FloodDepth of(DemGrid dem, FloodFill.Mask mask, double level) {
    double area = 0;
    double weighted = 0;
    double max = 0;
    double[] byClass = new double[CLASS_UPPER_BOUNDS_M.length];
    var flooded = mask.flooded();
    for (int i = flooded.nextSetBit(0); i >= 0; i = flooded.nextSetBit(i + 1)) {
      int row = i / dem.ncols();
      double a = dem.cellAreaM2(row);
      double depth = level - dem.heights()[i];
      area += a;
      weighted += a * depth;
      max = Math.max(max, depth);
      int k = 0;
      while (depth >= CLASS_UPPER_BOUNDS_M[k]) {
        k++;
      }
      byClass[k] += a;
    }
    return new FloodDepth(mask.floodedCells(), area, max, area > 0 ? weighted / area : 0, byClass);
  }

  public JsonObject toJson() {
    JsonObject classes = new JsonObject();
    for (int k = 0; k < CLASS_NAMES.length; k++) {
      classes.put(CLASS_NAMES[k], round(areaByDepthM2[k] / 1e6, 6));
    }
    return new JsonObject().put("maxM", round(maxDepthM, 3)).put("meanM", round(meanDepthM, 3))
        .put("areaKm2ByDepthM", classes);
  }

  static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
