package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * Names the generated streets and adds them to the network. A grid line keeps one name across zones that share
 * it ({@link ZoneGrid#identity}); the names of {@code gis-data/street_hints.geojson} go to the nearest line first,
 * then names are drawn from {@link StreetNames}. Spans lying on a main road take that road's name and width.
 * Every eighth line of the dense fabrics is a secondary street, every fourth a tertiary one.
 */
final class StreetNaming {
  private final CityLayout c;

  StreetNaming(CityLayout c) {
    this.c = c;
  }

  void nameAndAdd() {
    Map<String, String> nameOf = new HashMap<>();
    List<ZoneGrid.Line> ordered = new ArrayList<>();
    List<ZoneGrid> owner = new ArrayList<>();
    for (ZoneGrid z : c.grids) {
      for (ZoneGrid.Line[] family : new ZoneGrid.Line[][] {z.vLines, z.uLines}) {
        for (ZoneGrid.Line l : family) {
          l.key = z.identity(l);
          if (l.spans.stream().anyMatch(s -> s.alias < 0)) {
            ordered.add(l);
            owner.add(z);
          }
        }
      }
    }
    List<String> reserved = new ArrayList<>();
    c.geo.anchors.roads().forEach(r -> reserved.add(r.name()));
    for (Anchors.StreetHint h : c.geo.anchors.streetHints()) {
      reserved.add(h.name());
      double best = 350;
      String key = null;
      for (int k = 0; k < ordered.size(); k++) {
        ZoneGrid.Line l = ordered.get(k);
        if (nameOf.containsKey(l.key)) {
          continue;
        }
        for (ZoneGrid.Span s : l.spans) {
          if (s.alias >= 0) {
            continue;
          }
          Coordinate a = owner.get(k).at(l, s.t0);
          Coordinate b = owner.get(k).at(l, s.t1);
          double d = StrictMath.sqrt(Shapes.pointSegment2(h.point().getX(), h.point().getY(), a.x, a.y, b.x, b.y));
          if (d < best) {
            best = d;
            key = l.key;
          }
        }
      }
      if (key != null && !nameOf.containsValue(h.name())) {
        nameOf.put(key, h.name());
      }
    }
    StreetNames pool = new StreetNames(Seeds.stream(c.seed, "street-names"), reserved);
    for (ZoneGrid.Line l : ordered) {
      nameOf.computeIfAbsent(l.key, k -> pool.next());
    }
    Map<String, Integer> refOf = new HashMap<>();
    for (ZoneGrid z : c.grids) {
      for (ZoneGrid.Line[] family : new ZoneGrid.Line[][] {z.vLines, z.uLines}) {
        for (ZoneGrid.Line l : family) {
          l.roadClass = lineClass(z.fabric, l.index);
          for (ZoneGrid.Span s : l.spans) {
            if (s.alias >= 0) {
              s.ref = c.mainRefs[s.alias];
              s.halfWidth = c.geo.anchors.roads().get(s.alias).widthM() / 2;
            } else {
              String name = nameOf.get(l.key);
              s.ref = refOf.computeIfAbsent(name, n -> c.streets.ref(n, 0));
              double width = c.streetWidth(l.roadClass);
              s.halfWidth = width / 2;
              c.streets.addRoad(name, l.roadClass, l.roadClass.lanes, width,
                  new Coordinate[] {z.at(l, s.t0), z.at(l, s.t1)});
            }
          }
        }
      }
    }
  }

  /** Every eighth line of the dense fabrics is a secondary street, every fourth a tertiary one. */
  private static RoadClass lineClass(Fabric f, int index) {
    return switch (f) {
      case INDUSTRIAL -> RoadClass.TERTIARY;
      case RURAL -> RoadClass.RESIDENTIAL;
      default -> Math.floorMod(index, 8) == 0 && f != Fabric.RESORT ? RoadClass.SECONDARY
          : Math.floorMod(index, 4) == 0 ? RoadClass.TERTIARY : RoadClass.RESIDENTIAL;
    };
  }
}
