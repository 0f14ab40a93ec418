package vn.citytwin.planning.simulation.flood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * Turns a cell mask into polygons (EPSG:4326, lon/lat) whose edges are the cell edges: the exact union of the
 * flooded cells. Runs of cells in a row become rectangles, identical runs in consecutive rows merge into taller
 * rectangles, and a cascaded union (in bands of rows, so progress is reported and cancellation is honoured)
 * dissolves them. Shared corners are computed by the same expression, so neighbouring rectangles meet exactly.
 */
public final class MaskVectorizer {
  private static final int BAND_ROWS = 64;

  private final GeometryFactory factory;

  public MaskVectorizer(GeometryFactory factory) {
    this.factory = factory;
  }

  /** The union of the flooded cells; an empty geometry when none is flooded. */
  public Geometry polygons(DemGrid dem, FloodFill.Mask mask, DoubleConsumer onProgress) {
    int nc = dem.ncols();
    int nr = dem.nrows();
    List<Geometry> bands = new ArrayList<>();
    List<Geometry> band = new ArrayList<>();
    // Open rectangles by (firstCol << 32 | endCol): the row where they started.
    Map<Long, Integer> open = new HashMap<>();
    for (int r = 0; r <= nr; r++) {
      Map<Long, Integer> next = new HashMap<>();
      if (r < nr) {
        int c = 0;
        while (c < nc) {
          if (!mask.isFlooded(r, c)) {
            c++;
            continue;
          }
          int start = c;
          while (c < nc && mask.isFlooded(r, c)) {
            c++;
          }
          long key = ((long) start << 32) | c;
          Integer since = open.remove(key);
          next.put(key, since == null ? r : since);
        }
      }
      // Runs that did not continue into this row are closed rectangles.
      for (Map.Entry<Long, Integer> e : open.entrySet()) {
        band.add(rectangle(dem, e.getValue(), r, (int) (e.getKey() >>> 32), (int) (long) e.getKey()));
      }
      open = next;
      if ((r % BAND_ROWS == BAND_ROWS - 1 || r == nr) && !band.isEmpty()) {
        bands.add(CascadedPolygonUnion.union(band));
        band = new ArrayList<>();
        onProgress.accept(0.8 * r / nr);
      }
    }
    if (bands.isEmpty()) {
      return factory.createMultiPolygon();
    }
    Geometry all = CascadedPolygonUnion.union(bands);
    onProgress.accept(1.0);
    all.setSRID(4326);
    return all;
  }

  private Geometry rectangle(DemGrid dem, int row0, int row1, int col0, int col1) {
    double x0 = dem.west() + col0 * dem.cellDeg();
    double x1 = dem.west() + col1 * dem.cellDeg();
    double y0 = dem.south() + row0 * dem.cellDeg();
    double y1 = dem.south() + row1 * dem.cellDeg();
    return factory.toGeometry(new Envelope(new Coordinate(x0, y0), new Coordinate(x1, y1)));
  }
}
