package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes {@code city.buildings} from a layout and its selection, and remembers what the point layers need from
 * it: the hotels (name, stars, rooms at the footprint centre) and where the landmarks and sites ended up.
 * Footprints are written straight from the compact lot arrays, one row at a time.
 */
final class BuildingTable {
  /** A hotel building, for {@code city.hotels}; position in local metres. */
  record Hotel(String name, int stars, int rooms, String ward, double x, double y) {}

  private final CityLayout c;
  private final BitSet keep;
  private final long seed;
  final List<Hotel> hotels = new ArrayList<>();
  private final double[] xs = new double[6];
  private final double[] ys = new double[6];

  BuildingTable(CityLayout c, BitSet keep, long seed) {
    this.c = c;
    this.keep = keep;
    this.seed = seed;
  }

  long write(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    NameBook names = new NameBook(Seeds.stream(seed, "building-names"));
    LotStore lots = c.lots;
    long id = 0;
    int landmarks = c.landmarks.size();
    for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
      SplittableRandom r = Seeds.stream(seed, "building", i, 0);
      String ward = wardName(lots.ward[i]);
      String name;
      String use;
      int levels;
      double height;
      int year;
      String address;
      if (i < landmarks) {
        Anchors.Landmark l = c.landmarks.get(i);
        Anchors.BuildingSpec b = l.building();
        name = l.name();
        use = b.useType();
        levels = b.levels();
        height = b.heightM();
        year = b.yearBuilt();
        address = b.address();
      } else if (i < c.fixedLots) {
        CityLayout.Site s = c.sites.get(i - landmarks);
        name = s.name();
        use = s.useType();
        levels = s.levels();
        height = BuildingAttributes.height(use, levels, r);
        year = s.category().equals("religious") ? 1930 + r.nextInt(80) : 1978 + r.nextInt(45);
        address = c.streets.refs.get(lots.street[i]).address(lots.number[i], lots.sub[i]);
      } else {
        BuildingAttributes.Attrs a = BuildingAttributes.of(c, i, r, names);
        name = a.name();
        use = a.useType();
        levels = a.levels();
        height = a.height();
        year = a.year();
        address = c.streets.refs.get(lots.street[i]).address(lots.number[i], lots.sub[i]);
        if (a.hotel()) {
          hotels.add(new Hotel(name, a.stars(), a.rooms(), ward, lots.cx[i], lots.cy[i]));
        }
      }
      int n = outline(lots, i, xs, ys);
      row.num(++id).text(name).text(use).num(levels).num(height, 1).text(ward).num(year)
          .num(Math.round(c.dem.sampleLocal(lots.cx[i], lots.cy[i]) * 100) / 100.0, 2).text(address);
      Ewkt.polygon(row, xs, ys, n);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  String wardName(int w) {
    return w < 0 ? null : c.geo.wards.get(w).spec().name();
  }

  /**
   * The footprint outline of lot i (local metres, counter-clockwise): its rectangle, or an L when a back corner
   * is notched. Returns the vertex count (4 or 6).
   */
  static int outline(LotStore lots, int i, double[] xs, double[] ys) {
    double hw = lots.hw[i];
    double hd = lots.hd[i];
    // corners in the lot frame (a along the frontage, b along the depth), counter-clockwise
    double[] a = {-hw, hw, hw, -hw};
    double[] b = {-hd, -hd, hd, hd};
    int shape = lots.shape[i];
    int n = 0;
    double[] la = new double[6];
    double[] lb = new double[6];
    int notchCorner = switch (shape) {
      case 1 -> 0;
      case 2 -> 1;
      case 3 -> 3;
      case 4 -> 2;
      default -> -1;
    };
    double nw = lots.notchW[i] / 100.0 * 2 * hw;
    double nd = lots.notchD[i] / 100.0 * 2 * hd;
    for (int k = 0; k < 4; k++) {
      if (k != notchCorner) {
        la[n] = a[k];
        lb[n++] = b[k];
        continue;
      }
      double sx = Math.signum(a[k]);
      double sy = Math.signum(b[k]);
      boolean alongDepthFirst = k == 0 || k == 2;
      if (alongDepthFirst) {
        la[n] = a[k];
        lb[n++] = b[k] - sy * nd;
        la[n] = a[k] - sx * nw;
        lb[n++] = b[k] - sy * nd;
        la[n] = a[k] - sx * nw;
        lb[n++] = b[k];
      } else {
        la[n] = a[k] - sx * nw;
        lb[n++] = b[k];
        la[n] = a[k] - sx * nw;
        lb[n++] = b[k] - sy * nd;
        la[n] = a[k];
        lb[n++] = b[k] - sy * nd;
      }
    }
    double ca = lots.ca[i];
    double sa = lots.sa[i];
    for (int k = 0; k < n; k++) {
      xs[k] = lots.cx[i] + la[k] * ca - lb[k] * sa;
      ys[k] = lots.cy[i] + la[k] * sa + lb[k] * ca;
    }
    return n;
  }
}
