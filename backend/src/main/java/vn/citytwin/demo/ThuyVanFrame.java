package vn.citytwin.demo;

import org.locationtech.jts.geom.Coordinate;

/**
 * Coordinates along the Bãi Sau beach: s metres along Thùy Vân from its south-west end, off metres inland
 * (north-west) of the road axis. Used for the dune belt of the DEM.
 */
record ThuyVanFrame(double ox, double oy, double ux, double uy) {

  static ThuyVanFrame of(Anchors a) {
    Anchors.MainRoad tv = a.roads().stream().filter(r -> r.name().equals("Thùy Vân")).findFirst().orElseThrow();
    Coordinate p = tv.line().getCoordinateN(0);
    Coordinate q = tv.line().getCoordinateN(tv.line().getNumPoints() - 1);
    double len = p.distance(q);
    return new ThuyVanFrame(p.x, p.y, (q.x - p.x) / len, (q.y - p.y) / len);
  }

  double s(double x, double y) {
    return (x - ox) * ux + (y - oy) * uy;
  }

  double off(double x, double y) {
    return -(x - ox) * uy + (y - oy) * ux;
  }

  /** Extra dune height (0–1.7 m) behind Bãi Sau, from the Hạ Long corner to Cửa Lấp. */
  double duneHeight(double x, double y) {
    double s = s(x, y);
    double off = off(x, y);
    if (s < -300 || s > 12_200 || off < -150 || off > 900) {
      return 0;
    }
    double t = (off - 90) / 230;
    return 1.7 * StrictMath.exp(-t * t);
  }
}
