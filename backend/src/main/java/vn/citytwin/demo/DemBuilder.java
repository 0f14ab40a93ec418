package vn.citytwin.demo;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Builds the synthetic DEM over {@link Geography#EXTENT} at 0.0005° (about 55 m). The terrain model, all in metres
 * above mean sea level:
 * <ul>
 *   <li>sea −2 m at the shore falling to about −15 m offshore; rivers −2.5 … −6 m;</li>
 *   <li>flat land 1.4–3.7 m rising away from the water, with smooth ±0.35 m noise;</li>
 *   <li>low margins (mangrove, aquaculture, the Rạch Dừa / Phước Thắng north and Long Sơn) at 0.35–1.4 m, so a
 *       1 m sea-level rise reaches them through the rivers;</li>
 *   <li>a dune belt up to about +1.7 m behind Bãi Sau;</li>
 *   <li>a closed basin around each lake marked {@code basin} (Bàu Trũng): bowl floor 0.55 m inside a rim of at
 *       least 2.4 m, so only a flood model that ignores hydraulic connection floods it;</li>
 *   <li>the hills as smooth domes {@code H · exp(−ln(H/5) · r^p)} (Núi Lớn 245 m, Núi Nhỏ 170 m).</li>
 * </ul>
 */
final class DemBuilder {
  static final double CELL_DEG = 0.0005;
  private static final byte SEA = 0;
  private static final byte RIVER = 1;
  private static final byte LAND = 2;

  private DemBuilder() {}

  static Dem build(Geography g, long seed) {
    int ncols = (int) Math.round(0.18 / CELL_DEG);
    int nrows = (int) Math.round(0.20 / CELL_DEG);
    double west = LocalFrame.LON0;
    double south = LocalFrame.LAT0;
    int n = ncols * nrows;
    byte[] cls = new byte[n];
    IndexedPointInAreaLocator land = new IndexedPointInAreaLocator(g.allLand);
    Geometry riversUnion = GeoJson.GF.buildGeometry(
        g.water.stream().filter(w -> w.kind().equals("river")).map(Geography.WaterBody::geometry).toList()).union();
    IndexedPointInAreaLocator rivers = new IndexedPointInAreaLocator(riversUnion);
    double[] xs = new double[ncols];
    double[] ys = new double[nrows];
    for (int c = 0; c < ncols; c++) {
      xs[c] = LocalFrame.x(west + (c + 0.5) * CELL_DEG);
    }
    for (int r = 0; r < nrows; r++) {
      ys[r] = LocalFrame.y(south + (r + 0.5) * CELL_DEG);
    }
    Coordinate p = new Coordinate();
    for (int r = 0; r < nrows; r++) {
      for (int c = 0; c < ncols; c++) {
        p.x = xs[c];
        p.y = ys[r];
        cls[r * ncols + c] = land.locate(p) != Location.EXTERIOR ? LAND
            : rivers.locate(p) != Location.EXTERIOR ? RIVER : SEA;
      }
    }
    double dx = CELL_DEG * LocalFrame.MX;
    double dy = CELL_DEG * LocalFrame.MY;
    double[] toWater = distance(cls, ncols, nrows, dx, dy, true);
    double[] toLand = distance(cls, ncols, nrows, dx, dy, false);
    ValueNoise noise = new ValueNoise(Seeds.stream(seed, "dem-noise"), Geography.EXTENT, 450);
    LandClasses classes = new LandClasses(g.landUse, g.cityLand);
    ThuyVanFrame dune = ThuyVanFrame.of(g.anchors);
    float[] h = new float[n];
    for (int r = 0; r < nrows; r++) {
      for (int c = 0; c < ncols; c++) {
        int i = r * ncols + c;
        double x = xs[c];
        double y = ys[r];
        double v;
        if (cls[i] == SEA) {
          v = -(2 + 13 * (1 - StrictMath.exp(-toLand[i] / 2500)));
        } else if (cls[i] == RIVER) {
          v = -(2.5 + 3.5 * (1 - StrictMath.exp(-toLand[i] / 80)));
        } else {
          v = land(x, y, toWater[i], noise.at(x, y), classes.lowWeight(x, y), dune.duneHeight(x, y));
          v = lakesAndBasins(g.anchors.lakes(), x, y, v);
          v = hills(g.anchors.hills(), x, y, v);
        }
        h[i] = (float) (Math.round(v * 100) / 100.0);
      }
    }
    return new Dem(ncols, nrows, west, south, CELL_DEG, h);
  }

  private static double land(double x, double y, double toWater, double noise, double wLow, double dune) {
    double normal = 1.4 + 2.3 * (1 - StrictMath.exp(-toWater / 300)) + 0.35 * noise;
    double low = 0.3 + 0.95 * (1 - StrictMath.exp(-toWater / 700)) + 0.15 * noise;
    double w = wLow * (1 - Math.min(1, dune / 1.7) * 0.8);
    return Math.max(0.25, normal * (1 - w) + low * w + dune);
  }

  private static double lakesAndBasins(List<Anchors.Lake> lakes, double x, double y, double v) {
    for (Anchors.Lake l : lakes) {
      if (l.basin()) {
        Coordinate c = l.geometry().getCentroid().getCoordinate();
        double r = StrictMath.hypot(x - c.x, y - c.y);
        double rIn = 380;
        double rRim = 640;
        if (r < rIn) {
          double rim = Math.max(v, 2.4);
          double t = r / rIn;
          v = 0.55 + (rim - 0.55) * t * t * t;
        } else if (r < rRim) {
          v = Math.max(v, 2.4);
        }
      }
    }
    for (Anchors.Lake l : lakes) {
      if (l.surfaceM() != null && l.geometry().getEnvelopeInternal().contains(x, y)
          && l.geometry().contains(GeoJson.GF.createPoint(new Coordinate(x, y)))) {
        v = l.surfaceM();
      }
    }
    return v;
  }

  private static double hills(List<Anchors.Hill> hills, double x, double y, double v) {
    for (Anchors.Hill hill : hills) {
      v = Math.max(v, hillHeight(hill, x, y));
    }
    return v;
  }

  /** The dome of one hill at (x, y) in local metres; 5 m at normalised radius 1, the peak height at 0. */
  static double hillHeight(Anchors.Hill hill, double x, double y) {
    double az = Math.toRadians(hill.azimuthDeg());
    double ex = x - hill.peakX();
    double ey = y - hill.peakY();
    double major = ex * StrictMath.sin(az) + ey * StrictMath.cos(az);
    double minor = ex * StrictMath.cos(az) - ey * StrictMath.sin(az);
    double r2 = (major * major) / (hill.semiMajorM() * hill.semiMajorM())
        + (minor * minor) / (hill.semiMinorM() * hill.semiMinorM());
    if (r2 > 4) {
      return 0;
    }
    double rp = StrictMath.pow(r2, hill.exponent() / 2);
    return hill.heightM() * StrictMath.exp(-StrictMath.log(hill.heightM() / 5) * rp);
  }

  /**
   * Chamfer distance (metres) from each cell to the nearest cell of the other kind: to water (sea or river) for
   * land cells when {@code fromLand}, to land for water cells otherwise. Two passes, 8-neighbourhood.
   */
  private static double[] distance(byte[] cls, int nx, int ny, double dx, double dy, boolean fromLand) {
    double big = 1e12;
    double dd = StrictMath.hypot(dx, dy);
    double[] d = new double[nx * ny];
    for (int i = 0; i < d.length; i++) {
      boolean isLand = cls[i] == LAND;
      d[i] = isLand == fromLand ? big : 0;
    }
    for (int r = 0; r < ny; r++) {
      for (int c = 0; c < nx; c++) {
        int i = r * nx + c;
        double v = d[i];
        if (c > 0) v = Math.min(v, d[i - 1] + dx);
        if (r > 0) {
          v = Math.min(v, d[i - nx] + dy);
          if (c > 0) v = Math.min(v, d[i - nx - 1] + dd);
          if (c < nx - 1) v = Math.min(v, d[i - nx + 1] + dd);
        }
        d[i] = v;
      }
    }
    for (int r = ny - 1; r >= 0; r--) {
      for (int c = nx - 1; c >= 0; c--) {
        int i = r * nx + c;
        double v = d[i];
        if (c < nx - 1) v = Math.min(v, d[i + 1] + dx);
        if (r < ny - 1) {
          v = Math.min(v, d[i + nx] + dy);
          if (c < nx - 1) v = Math.min(v, d[i + nx + 1] + dd);
          if (c > 0) v = Math.min(v, d[i + nx - 1] + dd);
        }
        d[i] = v;
      }
    }
    return d;
  }

  /** How "low" the land is by land-use class and position (0 normal … 1 tidal margin). */
  private static final class LandClasses {
    private final STRtree tree = new STRtree();
    private final IndexedPointInAreaLocator city;

    LandClasses(List<Geography.LandUsePiece> pieces, Geometry cityLand) {
      this.city = new IndexedPointInAreaLocator(cityLand);
      for (Geography.LandUsePiece p : pieces) {
        double w = switch (p.landClass()) {
          case "mangrove" -> 1.0;
          case "agriculture" -> 0.9;
          case "industrial" -> p.zone() != null && p.zone().code().equals("CN-LS") ? 0.5 : 0;
          case "residential" -> p.zone() != null && p.zone().fabric() == Fabric.RURAL ? 0.6 : 0;
          default -> 0;
        };
        if (w > 0) {
          tree.insert(p.geometry().getEnvelopeInternal(), new Weighted(new IndexedPointInAreaLocator(p.geometry()), w));
        }
      }
      tree.build();
    }

    double lowWeight(double x, double y) {
      Coordinate c = new Coordinate(x, y);
      // The north of the peninsula (Rạch Dừa, Phước Thắng) slopes down to the Dinh and Cỏ May marshes.
      double lat = LocalFrame.lat(y);
      double t = Math.max(0, Math.min(1, (lat - 10.388) / (10.41 - 10.388)));
      double w = 0.85 * t * t * (3 - 2 * t);
      if (w > 0 && city.locate(c) == Location.EXTERIOR) {
        return 0;
      }
      for (Object o : tree.query(new org.locationtech.jts.geom.Envelope(c))) {
        Weighted wt = (Weighted) o;
        if (wt.locator().locate(c) != Location.EXTERIOR) {
          w = Math.max(w, wt.weight());
        }
      }
      return w;
    }

    private record Weighted(IndexedPointInAreaLocator locator, double weight) {}
  }
}
