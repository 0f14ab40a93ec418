package vn.citytwin.planning.indicators;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import vn.citytwin.edit.GeoJsonGeometry;

/**
 * Puts each building in the unit whose shape contains its representative point (boundary included, as
 * {@code ST_Intersects}); where units overlap, the first one in the given order wins, so a building is never
 * counted twice. A unit without a shape (the city) takes every building.
 */
final class UnitAssignment {
  private UnitAssignment() {}

  /** @return the buildings of each unit, aligned with {@code units} (empty lists for units without any) */
  static List<List<BuildingFact>> assign(List<Unit> units, List<BuildingFact> buildings) {
    List<List<BuildingFact>> out = new ArrayList<>();
    units.forEach(u -> out.add(new ArrayList<>()));
    STRtree index = new STRtree();
    List<PreparedGeometry> prepared = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (u.geometry() == null) {
        out.get(i).addAll(buildings);
        prepared.add(null);
        continue;
      }
      prepared.add(PreparedGeometryFactory.prepare(u.geometry()));
      index.insert(u.geometry().getEnvelopeInternal(), i);
    }
    for (BuildingFact b : buildings) {
      Point p = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(b.lon(), b.lat()));
      int best = Integer.MAX_VALUE;
      for (Object candidate : index.query(p.getEnvelopeInternal())) {
        int i = (Integer) candidate;
        if (i < best && prepared.get(i).intersects(p)) {
          best = i;
        }
      }
      if (best != Integer.MAX_VALUE) {
        out.get(best).add(b);
      }
    }
    return out;
  }
}
