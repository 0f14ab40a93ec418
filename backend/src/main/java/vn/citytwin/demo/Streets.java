package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * The road network of a layout: the rows of {@code city.roads} (in order), the names buildings are addressed on,
 * and the {@link SegmentIndex} footprints keep clear of.
 */
final class Streets {
  /** One road row; {@code line} in local metres. */
  record Road(String name, RoadClass roadClass, int lanes, double width, Coordinate[] line) {}

  /**
   * An address street: a named road, or a lane (hẻm) opening at house number {@code laneMouth} of the named
   * street (0 for a named road).
   */
  record Ref(String name, int laneMouth) {
    String address(int number, int sub) {
      if (laneMouth > 0) {
        return laneMouth + "/" + number + " " + name;
      }
      return number + " " + name;
    }
  }

  final List<Road> roads = new ArrayList<>();
  final List<Ref> refs = new ArrayList<>();
  final SegmentIndex index = new SegmentIndex(Geography.EXTENT);

  int addRoad(String name, RoadClass cls, int lanes, double width, Coordinate[] line) {
    roads.add(new Road(name, cls, lanes, width, line));
    index.addLine(line, width / 2);
    return roads.size() - 1;
  }

  int ref(String name, int laneMouth) {
    refs.add(new Ref(name, laneMouth));
    return refs.size() - 1;
  }
}
