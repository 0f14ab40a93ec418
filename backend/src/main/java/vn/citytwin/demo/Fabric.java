package vn.citytwin.demo;

import java.util.Locale;

/**
 * The urban fabric of a land-use zone: how its blocks are cut into lots and what stands on them. Ribbon fabrics
 * line one named road; grid fabrics fill the blocks of the zone's street grid.
 *
 * <p>Lengths are metres: frontage along the street, depth away from it, setback from the road edge.
 */
enum Fabric {
  NONE(0, 0, 0, 0, 0, 0, 0, false, 0),
  OLD_CENTRE(4.0, 5.2, 15, 25, 0.6, 0.25, 0.35, true, 1.0),
  HOTEL_STRIP(4.5, 7.0, 14, 22, 1.0, 0.4, 0.6, true, 1.0),
  HOTEL_RIBBON(22, 45, 18, 32, 6.0, 3.0, 8.0, false, 0.95),
  VILLA_RIBBON(12, 22, 12, 18, 4.0, 4.0, 10.0, false, 0.8),
  MIXED(4.0, 6.5, 13, 22, 0.8, 0.3, 1.5, true, 0.85),
  SUBURBAN(5.0, 9.0, 10, 17, 2.0, 1.0, 5.0, true, 0.55),
  RESORT(14, 30, 12, 24, 5.0, 4.0, 12.0, false, 0.75),
  INDUSTRIAL(30, 90, 20, 60, 8.0, 8.0, 20.0, false, 0.6),
  RURAL(7, 12, 9, 14, 4.0, 8.0, 40.0, false, 0.4);

  /** Frontage range of an ordinary lot. */
  final double minFrontage;
  final double maxFrontage;
  /** Depth range of an ordinary footprint. */
  final double minDepth;
  final double maxDepth;
  /** Distance from the road edge to the building front. */
  final double setback;
  /** Gap between neighbouring footprints along a row. */
  final double minGap;
  final double maxGap;
  /** Deep blocks get a lane (hẻm) through the middle. */
  final boolean lanes;
  /**
   * How strongly this fabric is built up (0–1): when fewer buildings than lots are wanted, the most intensely
   * developed places fill first (see {@link LotSelection}).
   */
  final double intensity;

  Fabric(double minFrontage, double maxFrontage, double minDepth, double maxDepth, double setback, double minGap,
      double maxGap, boolean lanes, double intensity) {
    this.minFrontage = minFrontage;
    this.maxFrontage = maxFrontage;
    this.minDepth = minDepth;
    this.maxDepth = maxDepth;
    this.setback = setback;
    this.minGap = minGap;
    this.maxGap = maxGap;
    this.lanes = lanes;
    this.intensity = intensity;
  }

  /** Parses the lower-case name used in {@code gis-data/land_use_zones.geojson}. */
  static Fabric parse(String s) {
    return s == null ? NONE : valueOf(s.toUpperCase(Locale.ROOT));
  }

  boolean builds() {
    return this != NONE;
  }
}
