package vn.citytwin.demo;

/**
 * Lot dimensions for one kind of row in one fabric (metres): frontage, footprint depth and gap to the next
 * footprint (all multiplied by the layout scale), setback from the road edge (not scaled), and the share of
 * L-shaped footprints.
 */
record LotDims(double minFrontage, double maxFrontage, double minDepth, double maxDepth, double setback,
    double minGap, double maxGap, double lShare) {

  /** Distance from the road edge to the footprint front (never scaled, never below the road margin). */
  double front() {
    return Math.max(setback, LotPlacer.ROAD_MARGIN + 0.2);
  }

  /** Dimensions of the lots of a fabric facing a street of the given kind. */
  static LotDims of(Fabric f, LotStore.Kind kind) {
    boolean main = kind == LotStore.Kind.MAIN_FRONT;
    boolean lane = kind == LotStore.Kind.LANE;
    return switch (f) {
      case HOTEL_STRIP -> main ? new LotDims(24, 52, 20, 40, 6, 5, 14, 0.2)
          : new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap, f.maxGap, 0);
      case HOTEL_RIBBON -> kind == LotStore.Kind.SECOND_ROW ? new LotDims(8, 16, 10, 16, 2, 2, 6, 0.3)
          : new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap, f.maxGap, 0.2);
      case VILLA_RIBBON -> kind == LotStore.Kind.SECOND_ROW ? new LotDims(10, 16, 10, 15, 3, 4, 10, 0.4)
          : new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap, f.maxGap, 0.4);
      case OLD_CENTRE, MIXED -> main ? new LotDims(5, 12, 15, 24, 0.8, 0.3, 0.6, 0.05)
          : lane ? new LotDims(3.8, 5.0, 8, 14, 0.4, 0.3, 0.5, 0)
          : new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap, f.maxGap, 0);
      case SUBURBAN -> main ? new LotDims(5, 10, 12, 20, 1.5, 0.4, 3, 0.05)
          : lane ? new LotDims(4.5, 7, 8, 13, 1, 0.5, 3, 0.05)
          : new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap, f.maxGap, 0.1);
      case RESORT -> new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap,
          f.maxGap, 0.3);
      case INDUSTRIAL -> new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap,
          f.maxGap, 0.15);
      case RURAL -> new LotDims(f.minFrontage, f.maxFrontage, f.minDepth, f.maxDepth, f.setback, f.minGap,
          f.maxGap, 0.15);
      case NONE -> throw new IllegalArgumentException("no lots in fabric NONE");
    };
  }
}
