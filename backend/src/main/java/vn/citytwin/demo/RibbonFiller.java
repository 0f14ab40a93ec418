package vn.citytwin.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * Lines the named main roads with buildings, both sides, before the block interiors are filled: hotels along Thùy
 * Vân, Quang Trung and Hạ Long, villas along Trần Phú, shophouses and shops along the arterials. Each road is cut
 * into chunks; a chunk takes the fabric of the zone behind it and becomes one selection unit.
 */
final class RibbonFiller {
  /** Main-road frontage develops before the block interiors behind it. */
  static final double MAIN_ROAD_BONUS = 0.12;
  private final CityLayout c;

  RibbonFiller(CityLayout c) {
    this.c = c;
  }

  void fill() {
    List<Anchors.MainRoad> roads = c.geo.anchors.roads();
    for (int m = 0; m < roads.size(); m++) {
      Anchors.MainRoad road = roads.get(m);
      Coordinate[] cs = road.line().getCoordinates();
      double cum = 0;
      for (int k = 0; k + 1 < cs.length; k++) {
        double len = cs[k].distance(cs[k + 1]);
        double dx = (cs[k + 1].x - cs[k].x) / len;
        double dy = (cs[k + 1].y - cs[k].y) / len;
        for (int side = 0; side < 2; side++) {
          double sg = side == 0 ? 1 : -1;
          SplittableRandom rnd = Seeds.stream(c.seed, "ribbon", m, k * 2L + side);
          segment(m, road, cs[k], len, dx, dy, -dy * sg, dx * sg, cum, side == 0, rnd);
        }
        cum += len;
      }
    }
  }

  private void segment(int m, Anchors.MainRoad road, Coordinate a, double len, double dx, double dy, double nx,
      double ny, double cum, boolean odd, SplittableRandom rnd) {
    double hw = road.widthM() / 2;
    double t = 0;
    while (t < len - 6) {
      double px = a.x + dx * Math.min(len, t + 10) + nx * (hw + 12);
      double py = a.y + dy * Math.min(len, t + 10) + ny * (hw + 12);
      LotPlacer.Parcel p = c.placer.parcelAt(px, py);
      if (p == null) {
        t += 8;
        continue;
      }
      Fabric f = p.piece().fabric();
      LotDims dims = LotDims.of(f, LotStore.Kind.MAIN_FRONT);
      double chunk = Math.max(60, 3 * dims.maxFrontage() * c.scale);
      double end = Math.min(len, t + chunk);
      c.beginUnit(MAIN_ROAD_BONUS);
      LotPlacer.Row r = new LotPlacer.Row();
      r.ax = a.x;
      r.ay = a.y;
      r.dx = dx;
      r.dy = dy;
      r.nx = nx;
      r.ny = ny;
      r.tStart = t;
      r.tEnd = end;
      r.front = hw + dims.front();
      r.maxDepth = dims.maxDepth() * c.scale;
      r.numberOrigin = -cum;
      r.odd = odd;
      r.pieceIndex = p.piece().index();
      r.ref = c.mainRefs[m];
      r.kind = LotStore.Kind.MAIN_FRONT;
      r.dims = dims;
      c.placer.row(r, rnd);
      if (f == Fabric.HOTEL_RIBBON || f == Fabric.VILLA_RIBBON) {
        int mouth = 2 * (int) Math.floor((t + cum) / 5) + (odd ? 1 : 2);
        r.front = hw + dims.front() + (dims.maxDepth() + 5) * c.scale;
        r.dims = LotDims.of(f, LotStore.Kind.SECOND_ROW);
        r.maxDepth = r.dims.maxDepth() * c.scale;
        r.kind = LotStore.Kind.SECOND_ROW;
        r.ref = c.streets.ref(road.name(), mouth);
        r.numberOrigin = t;
        c.placer.row(r, rnd);
      }
      t = end;
    }
  }
}
