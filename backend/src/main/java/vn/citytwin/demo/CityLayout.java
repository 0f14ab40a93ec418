package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The generated city plan for one seed and layout scale: parcels, the street network (named main roads plus a
 * grid per zone and lanes inside deep blocks) and every candidate building lot, in a fixed order — landmarks,
 * institutional sites, lots along the main roads, then block by block. Lots are grouped into units (one block, or
 * one run along a main road) from which {@link LotSelection} keeps exactly the number of buildings asked for.
 *
 * <p>{@code scale} (≤ 1) shrinks blocks and lots to fit more buildings (benchmark sizes beyond what the town
 * holds at its natural density).
 */
final class CityLayout {
  /** Raster cell size (metres) of the parcel grid. */
  static final double CELL = 4;

  /** An institutional building placed by {@link SitePlanner}. */
  record Site(String category, String kind, String name, String level, int students, Integer beds, String useType,
      int levels, double height, int ward) {}

  /** A block of a zone grid. */
  record BlockRef(ZoneGrid grid, int i, int j) {}

  final Geography geo;
  final Dem dem;
  final long seed;
  final double scale;
  final List<LotPlacer.Parcel> parcels = new ArrayList<>();
  final CellGrid cells;
  final Streets streets = new Streets();
  final LotStore lots;
  final LotPlacer placer;
  final List<ZoneGrid> grids = new ArrayList<>();
  final List<Anchors.Landmark> landmarks = new ArrayList<>();
  final List<Site> sites = new ArrayList<>();
  final List<BlockRef> blocks = new ArrayList<>();
  final int[] mainRefs;
  /** Landmarks and sites come first in the lot list and are always built: lots [0, fixedLots). */
  int fixedLots;
  private final IndexedPointInAreaLocator[] wardLocators;
  private int[] unitStart = new int[256];
  private float[] unitWeight = new float[256];
  private int units;

  private CityLayout(Geography geo, Dem dem, long seed, double scale) {
    this.geo = geo;
    this.dem = dem;
    this.seed = seed;
    this.scale = scale;
    Envelope env = new Envelope(geo.cityLand.getEnvelopeInternal());
    env.expandBy(50);
    this.cells = new CellGrid(env, CELL);
    this.lots = new LotStore(Geography.EXTENT);
    this.placer = new LotPlacer(cells, parcels, streets, lots, dem, scale);
    this.mainRefs = new int[geo.anchors.roads().size()];
    this.wardLocators = geo.wards.stream().map(w -> new IndexedPointInAreaLocator(w.geometry()))
        .toArray(IndexedPointInAreaLocator[]::new);
  }

  static CityLayout build(Geography geo, Dem dem, long seed, double scale) {
    CityLayout c = new CityLayout(geo, dem, seed, scale);
    c.burnParcels();
    c.addMainRoads();
    Geometry keepOut = c.placeLandmarks();
    c.buildGrids(keepOut);
    new StreetNaming(c).nameAndAdd();
    c.catalogueBlocks();
    new SitePlanner(c).place();
    c.fixedLots = c.lots.size;
    new RibbonFiller(c).fill();
    new BlockFiller(c).fill();
    return c;
  }

  private void burnParcels() {
    for (Geography.LandUsePiece p : geo.landUse) {
      if (!p.fabric().builds()) {
        continue;
      }
      for (Geography.Ward w : geo.wards) {
        Geometry g = Geography.intersection(p.geometry(), w.geometry());
        if (g.getArea() > 100) {
          parcels.add(new LotPlacer.Parcel(p, w.index()));
          cells.fill(g, parcels.size());
        }
      }
    }
    cells.clearBorders();
  }

  private void addMainRoads() {
    List<Anchors.MainRoad> roads = geo.anchors.roads();
    for (int i = 0; i < roads.size(); i++) {
      Anchors.MainRoad r = roads.get(i);
      streets.addRoad(r.name(), RoadClass.parse(r.roadClass()), r.lanes(), r.widthM(), r.line().getCoordinates());
      mainRefs[i] = streets.ref(r.name(), 0);
    }
  }

  /** Places the landmark buildings of the anchors first; returns the area grid streets must keep out of. */
  private Geometry placeLandmarks() {
    List<Geometry> keep = new ArrayList<>();
    double[] qx = new double[4];
    double[] qy = new double[4];
    for (Anchors.Landmark l : geo.anchors.landmarks()) {
      Anchors.BuildingSpec b = l.building();
      if (b == null) {
        continue;
      }
      double x = l.point().getX();
      double y = l.point().getY();
      double ang = b.angleDeg() != null ? Math.toRadians(b.angleDeg()) : orientation(x, y);
      double c = StrictMath.cos(ang);
      double s = StrictMath.sin(ang);
      Shapes.corners(x, y, b.widthM() / 2, b.depthM() / 2, c, s, qx, qy);
      if (!streets.index.clear(qx, qy, 0.5) || !lots.free(x, y, b.widthM() / 2, b.depthM() / 2, c, s)) {
        throw new IllegalStateException("gis-data/landmarks.geojson: " + l.name() + " overlaps a road or landmark");
      }
      lots.add(x, y, b.widthM() / 2, b.depthM() / 2, c, s, LotStore.Kind.LANDMARK, Fabric.NONE, wardAt(x, y),
          pieceAt(x, y), -1, 0, 0);
      landmarks.add(l);
      Coordinate[] ring = new Coordinate[5];
      for (int k = 0; k < 4; k++) {
        ring[k] = new Coordinate(qx[k], qy[k]);
      }
      ring[4] = ring[0];
      // grid streets stop short of landmarks: the widest generated street (secondary) plus a margin
      keep.add(GeoJson.GF.createPolygon(ring).buffer(RoadClass.SECONDARY.width / 2 + 3, 2));
    }
    return UnaryUnionOp.union(keep);
  }

  /** Direction (radians) of the nearest main road within 250 m, else the grid of the zone there, else east. */
  private double orientation(double x, double y) {
    double best = 250 * 250;
    double ang = Double.NaN;
    for (Anchors.MainRoad r : geo.anchors.roads()) {
      Coordinate[] cs = r.line().getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        double d2 = Shapes.pointSegment2(x, y, cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y);
        if (d2 < best) {
          best = d2;
          ang = StrictMath.atan2(cs[i + 1].y - cs[i].y, cs[i + 1].x - cs[i].x);
        }
      }
    }
    if (!Double.isNaN(ang)) {
      return ang;
    }
    int p = pieceAt(x, y);
    if (p >= 0 && geo.landUse.get(p).zone() != null && geo.landUse.get(p).zone().grid() != null) {
      return Math.toRadians(geo.landUse.get(p).zone().grid().angleDeg());
    }
    return 0;
  }

  private void buildGrids(Geometry keepOut) {
    for (Geography.LandUsePiece p : geo.landUse) {
      if (p.fabric().builds() && p.zone().grid() != null) {
        Geometry clip = keepOut.isEmpty() ? p.geometry() : Geography.difference(p.geometry(), keepOut);
        grids.add(ZoneGrid.build(p, clip, scale, geo.anchors.roads()));
      }
    }
  }

  /**
   * Carriageway width of a generated street: the class width at natural density, narrower (with the square root
   * of the layout scale) when blocks shrink for benchmark sizes.
   */
  double streetWidth(RoadClass cls) {
    return Math.round(cls.width * Math.min(1, StrictMath.sqrt(scale)) * 10) / 10.0;
  }

  private void catalogueBlocks() {
    for (ZoneGrid z : grids) {
      for (int j = z.jMin; j < z.jMax; j++) {
        for (int i = z.iMin; i < z.iMax; i++) {
          if (touches(z, i, j)) {
            blocks.add(new BlockRef(z, i, j));
          }
        }
      }
    }
  }

  private boolean touches(ZoneGrid z, int i, int j) {
    for (double[] f : new double[][] {{0.5, 0.5}, {0.2, 0.25}, {0.8, 0.25}, {0.2, 0.75}, {0.8, 0.75}}) {
      double u = z.uAt(i) + f[0] * z.bu;
      double v = z.vAt(j) + f[1] * z.bv;
      LotPlacer.Parcel p = placer.parcelAt(z.x(u, v), z.y(u, v));
      if (p != null && p.piece() == z.piece) {
        return true;
      }
    }
    return false;
  }

  int wardAt(double x, double y) {
    Coordinate c = new Coordinate(x, y);
    for (int i = 0; i < wardLocators.length; i++) {
      if (wardLocators[i].locate(c) != Location.EXTERIOR) {
        return i;
      }
    }
    return -1;
  }

  int pieceAt(double x, double y) {
    Coordinate c = new Coordinate(x, y);
    for (Geography.LandUsePiece p : geo.landUse) {
      if (p.geometry().getEnvelopeInternal().contains(c)
          && new IndexedPointInAreaLocator(p.geometry()).locate(c) != Location.EXTERIOR) {
        return p.index();
      }
    }
    return -1;
  }

  /**
   * Starts a selection unit at the current end of the lot list; {@code bonus} adds to its development intensity.
   */
  void beginUnit(double bonus) {
    if (units == unitStart.length) {
      unitStart = java.util.Arrays.copyOf(unitStart, units * 2);
      unitWeight = java.util.Arrays.copyOf(unitWeight, units * 2);
    }
    unitStart[units] = lots.size;
    unitWeight[units] = (float) bonus;
    units++;
  }

  int units() {
    return units;
  }

  int unitStart(int u) {
    return unitStart[u];
  }

  int unitEnd(int u) {
    return u + 1 < units ? unitStart[u + 1] : lots.size;
  }

  double unitBonus(int u) {
    return unitWeight[u];
  }

  /** Lots that are not landmarks or sites (the ones selection chooses from). */
  int regularLots() {
    return lots.size - fixedLots;
  }
}
