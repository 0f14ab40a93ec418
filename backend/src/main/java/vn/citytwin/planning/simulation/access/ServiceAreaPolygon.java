package vn.citytwin.planning.simulation.access;

import java.util.BitSet;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import vn.citytwin.planning.simulation.MaskVectorizer;
import vn.citytwin.planning.simulation.LocalPlane;

/**
 * The service-area polygon: the reached linework grown by the trim distance, computed on a raster in a local
 * metric plane — the lines are drawn into cells, every drawn cell stamps a disc of the trim radius, and the cells
 * are vectorised. A vector buffer of the same linework (GEOS, in PostGIS) took 15–20 s for 16,000 street pieces;
 * this takes well under a second, and the polygon is within one cell (a quarter of the trim distance, at least)
 * of the exact buffer. The polygon is for display: coverage is decided per building by network distance.
 */
final class ServiceAreaPolygon {
  /** Cells per raster at most (the cell grows for very large areas). */
  static final int MAX_CELLS = 4_000_000;

  private ServiceAreaPolygon() {}

  /**
   * @param lonLatPieces reached linework (and points), EPSG:4326
   * @param trimM buffer distance, metres (&gt; 0)
   * @return a Polygon or MultiPolygon in EPSG:4326; null when there is no linework
   */
  static Geometry of(List<Geometry> lonLatPieces, double trimM, GeometryFactory wgs84, DoubleConsumer onProgress) {
    if (lonLatPieces.isEmpty()) {
      return null;
    }
    Geometry all = wgs84.buildGeometry(lonLatPieces);
    LocalPlane plane = LocalPlane.around(all);
    Geometry local = plane.toLocal(all);
    Envelope env = local.getEnvelopeInternal();
    env.expandBy(trimM * 1.5);
    double cell = Math.max(trimM / 4, Math.sqrt(env.getArea() / MAX_CELLS));
    int nx = (int) Math.ceil(env.getWidth() / cell);
    int ny = (int) Math.ceil(env.getHeight() / cell);
    BitSet drawn = new BitSet(nx * ny);
    for (int i = 0; i < local.getNumGeometries(); i++) {
      Coordinate[] cs = local.getGeometryN(i).getCoordinates();
      if (cs.length == 1) {
        mark(drawn, nx, ny, env, cell, cs[0].x, cs[0].y);
      }
      for (int k = 0; k + 1 < cs.length; k++) {
        double len = cs[k].distance(cs[k + 1]);
        int steps = Math.max(1, (int) Math.ceil(len / (cell / 2)));
        for (int s = 0; s <= steps; s++) {
          double t = (double) s / steps;
          mark(drawn, nx, ny, env, cell, cs[k].x + t * (cs[k + 1].x - cs[k].x), cs[k].y + t * (cs[k + 1].y - cs[k].y));
        }
      }
    }
    onProgress.accept(0.3);
    // Disc offsets: cells whose centre lies within the trim distance of the drawn cell's centre.
    int r = (int) Math.floor(trimM / cell);
    int[] dx = new int[(2 * r + 1) * (2 * r + 1)];
    int[] dy = new int[dx.length];
    int n = 0;
    for (int j = -r; j <= r; j++) {
      for (int i = -r; i <= r; i++) {
        if ((double) i * i + (double) j * j <= (trimM / cell) * (trimM / cell)) {
          dx[n] = i;
          dy[n++] = j;
        }
      }
    }
    BitSet grown = new BitSet(nx * ny);
    for (int c = drawn.nextSetBit(0); c >= 0; c = drawn.nextSetBit(c + 1)) {
      int cx = c % nx;
      int cy = c / nx;
      for (int k = 0; k < n; k++) {
        int x = cx + dx[k];
        int y = cy + dy[k];
        if (x >= 0 && y >= 0 && x < nx && y < ny) {
          grown.set(y * nx + x);
        }
      }
    }
    onProgress.accept(0.6);
    GeometryFactory plain = new GeometryFactory();
    Geometry cells = new MaskVectorizer(plain).polygons(
        new MaskVectorizer.Grid(nx, ny, env.getMinX(), env.getMinY(), cell), grown, f -> { });
    Geometry smooth = DouglasPeuckerSimplifier.simplify(cells, cell / 2);
    Geometry out = wgs84.createGeometry(plane.toLonLat(smooth));
    out.setSRID(4326);
    onProgress.accept(1.0);
    return out;
  }

  private static void mark(BitSet drawn, int nx, int ny, Envelope env, double cell, double x, double y) {
    int cx = (int) Math.floor((x - env.getMinX()) / cell);
    int cy = (int) Math.floor((y - env.getMinY()) / cell);
    if (cx >= 0 && cy >= 0 && cx < nx && cy < ny) {
      drawn.set(cy * nx + cx);
    }
  }
}
