package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The static geography derived from the anchors, in {@link LocalFrame} metres: land (rivers cut out), the water
 * bodies, the wards clipped to the city's land, and the land-use partition of that land. Nothing here depends on
 * the seed.
 */
final class Geography {
  /** The DEM and data extent: lon 107.00–107.18, lat 10.30–10.50. */
  static final Envelope EXTENT = new Envelope(0, LocalFrame.x(107.18), 0, LocalFrame.y(10.50));
  private static final double MIN_PIECE_M2 = 150;

  record WaterBody(String name, String kind, Geometry geometry) {}

  record Ward(int index, Anchors.WardSpec spec, Geometry geometry) {}

  /** One land-use row: a zone (or lake, forest, park…) clipped to what higher-priority zones left of the land. */
  record LandUsePiece(int index, String code, String landClass, String name, Double maxHeight, Double maxFar,
      Fabric fabric, Anchors.Zone zone, Geometry geometry) {}

  final Anchors anchors;
  final Geometry allLand;
  final Geometry cityLand;
  final List<WaterBody> water;
  final List<Ward> wards;
  final List<LandUsePiece> landUse;

  private Geography(Anchors anchors, Geometry allLand, Geometry cityLand, List<WaterBody> water, List<Ward> wards,
      List<LandUsePiece> landUse) {
    this.anchors = anchors;
    this.allLand = allLand;
    this.cityLand = cityLand;
    this.water = water;
    this.wards = wards;
    this.landUse = landUse;
  }

  static Geography build(Anchors a) {
    Geometry extent = GeoJson.GF.toGeometry(EXTENT);
    List<WaterBody> water = new ArrayList<>();
    Geometry riversSoFar = GeoJson.GF.createPolygon();
    List<WaterBody> rivers = new ArrayList<>();
    for (Anchors.LinearWater r : a.rivers()) {
      Geometry g = difference(intersection(r.line().buffer(r.widthM() / 2, 4), extent), riversSoFar);
      riversSoFar = union(riversSoFar, g);
      rivers.add(new WaterBody(r.name(), r.kind(), g));
    }
    List<Geometry> all = new ArrayList<>();
    List<Geometry> city = new ArrayList<>();
    for (Anchors.LandMass m : a.land()) {
      Geometry g = difference(intersection(m.geometry(), extent), riversSoFar);
      all.add(g);
      if (m.inCity()) {
        city.add(g);
      }
    }
    Geometry allLand = UnaryUnionOp.union(all);
    Geometry cityLand = UnaryUnionOp.union(city);
    water.add(new WaterBody("Biển Đông (vịnh Gành Rái)", "sea",
        difference(difference(extent, allLand), riversSoFar)));
    water.addAll(rivers);
    Geometry lakesSoFar = GeoJson.GF.createPolygon();
    List<WaterBody> lakes = new ArrayList<>();
    for (Anchors.Lake l : a.lakes()) {
      Geometry g = intersection(l.geometry(), cityLand);
      lakesSoFar = union(lakesSoFar, g);
      lakes.add(new WaterBody(l.name(), "lake", g));
    }
    water.addAll(lakes);
    List<WaterBody> canals = new ArrayList<>();
    for (Anchors.LinearWater c : a.canals()) {
      Geometry g = difference(intersection(flatBuffer(c.line(), c.widthM()),
          cityLand), lakesSoFar);
      canals.add(new WaterBody(c.name(), c.kind(), g));
    }
    water.addAll(canals);

    List<Ward> wards = new ArrayList<>();
    for (Anchors.WardSpec w : a.wards()) {
      wards.add(new Ward(wards.size(), w, intersection(w.geometry(), cityLand)));
    }
    return new Geography(a, allLand, cityLand, List.copyOf(water), List.copyOf(wards),
        partition(a, cityLand, lakes, canals));
  }

  /** Land-use rows in priority order: water, airport, forest, parks, then the zones as listed; the rest is farmland. */
  private static List<LandUsePiece> partition(Anchors a, Geometry cityLand, List<WaterBody> lakes,
      List<WaterBody> canals) {
    List<LandUsePiece> out = new ArrayList<>();
    Geometry[] remaining = {cityLand};
    int n = 0;
    for (WaterBody w : lakes) {
      add(out, remaining, "MN-" + two(++n), "water", w.name(), null, null, Fabric.NONE, null, w.geometry());
    }
    for (WaterBody w : canals) {
      add(out, remaining, "MN-" + two(++n), "water", w.name(), null, null, Fabric.NONE, null, w.geometry());
    }
    add(out, remaining, "SB-VT", "airport", "Sân bay Vũng Tàu", 45.0, null, Fabric.NONE, null, a.airport());
    n = 0;
    for (Anchors.Hill h : a.hills()) {
      add(out, remaining, "RP-" + two(++n), "forest", "Rừng " + h.name(), null, null, Fabric.NONE, null, h.forest());
    }
    n = 0;
    for (Anchors.Park p : a.parks()) {
      if (!p.kind().equals("forest") && !p.kind().equals("theme_park")) {
        add(out, remaining, "CX-" + two(++n), "green", p.name(), null, null, Fabric.NONE, null, p.geometry());
      }
    }
    for (Anchors.Zone z : a.zones()) {
      add(out, remaining, z.code(), z.landClass(), z.name(), z.maxHeight(), z.maxFar(), z.fabric(), z, z.geometry());
    }
    add(out, remaining, "NN-KH", "agriculture", "Đất nông nghiệp, đất trống", 12.0, 0.5, Fabric.NONE, null,
        remaining[0]);
    return List.copyOf(out);
  }

  private static void add(List<LandUsePiece> out, Geometry[] remaining, String code, String cls, String name,
      Double maxH, Double far, Fabric fabric, Anchors.Zone zone, Geometry shape) {
    Geometry piece = polygonal(intersection(shape, remaining[0]));
    if (piece.getArea() < MIN_PIECE_M2) {
      return;
    }
    remaining[0] = difference(remaining[0], piece);
    out.add(new LandUsePiece(out.size(), code, cls, name, maxH, far, fabric, zone, piece));
  }

  private static String two(int i) {
    return i < 10 ? "0" + i : Integer.toString(i);
  }

  static Geometry flatBuffer(Geometry line, double width) {
    BufferParameters p = new BufferParameters(4, BufferParameters.CAP_FLAT, BufferParameters.JOIN_ROUND, 5);
    return org.locationtech.jts.operation.buffer.BufferOp.bufferOp(line, width / 2, p);
  }

  static Geometry intersection(Geometry a, Geometry b) {
    return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
  }

  static Geometry difference(Geometry a, Geometry b) {
    return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
  }

  static Geometry union(Geometry a, Geometry b) {
    return OverlayNGRobust.overlay(a, b, OverlayNG.UNION);
  }

  /** Only the polygons of {@code g} (overlay results may carry collapsed lines and points), as one geometry. */
  static Geometry polygonal(Geometry g) {
    if (g instanceof Polygonal) {
      return g;
    }
    return GeoJson.GF.buildGeometry(PolygonExtracter.getPolygons(g));
  }
}
