package vn.citytwin.demo;

import java.util.Locale;

/** Road classes of {@code city.roads.class}, OSM-like, with the carriageway width and lanes the generator uses. */
enum RoadClass {
  TRUNK(30, 4),
  PRIMARY(26, 4),
  SECONDARY(18, 4),
  TERTIARY(13, 2),
  RESIDENTIAL(9, 2),
  /** A lane (hẻm) inside a block. */
  SERVICE(4, 1);

  final double width;
  final int lanes;

  RoadClass(double width, int lanes) {
    this.width = width;
    this.lanes = lanes;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RoadClass parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
