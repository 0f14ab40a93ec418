package vn.citytwin.tiles3d;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A tile's mesh cut into parts for KHR_mesh_quantization, each written as its own node, mesh and primitive with
 * its own grid ({@link QuantizedPositions}), so that tiles wider than {@link QuantizedPositions#MAX_EXTENT_M} still
 * decode within 1 cm.
 *
 * <p>A mesh that fits is one part. Otherwise buildings (whole features, never split) are bucketed by the centre
 * of their horizontal bounds (glTF x and z) on a square grid whose cell is {@code MAX_EXTENT_M − w}, {@code w}
 * being the widest building of at most {@code MAX_EXTENT_M / 2}: every building of a bucket reaches at most
 * {@code w / 2} past its cell, so the bucket spans at most {@code MAX_EXTENT_M} horizontally. Wider buildings go
 * to one extra part. Each part is then quantized if it fits (a bucket with more than ≈ 757 m of relief and height,
 * or the extra part, may not) and otherwise keeps float positions, which KHR_mesh_quantization still allows. If no
 * part quantizes, the whole mesh is one float part. Parts come in grid order (row by row), the extra part last.
 */
final class QuantizedParts {
  /** One primitive's mesh and its grid; {@code quantized} is null for float positions. */
  record Part(TileMesh mesh, QuantizedPositions quantized) {}

  private QuantizedParts() {}

  static List<Part> of(TileMesh mesh) {
    QuantizedPositions whole = QuantizedPositions.of(mesh);
    if (whole != null || mesh.vertexCount() == 0) {
      return List.of(new Part(mesh, whole));
    }
    double[][] bounds = featureBounds(mesh); // per feature: min x, min z, max x, max z
    int features = bounds.length;
    double half = QuantizedPositions.MAX_EXTENT_M / 2;
    double widest = 0;
    double x0 = Double.POSITIVE_INFINITY;
    double z0 = Double.POSITIVE_INFINITY;
    for (double[] b : bounds) {
      double w = width(b);
      if (w <= half) {
        widest = Math.max(widest, w);
        x0 = Math.min(x0, (b[0] + b[2]) / 2);
        z0 = Math.min(z0, (b[1] + b[3]) / 2);
      }
    }
    double cell = QuantizedPositions.MAX_EXTENT_M - widest;
    long[] key = new long[features];
    TreeMap<Long, Integer> buckets = new TreeMap<>();
    for (int f = 0; f < features; f++) {
      double[] b = bounds[f];
      if (width(b) <= half) {
        long col = (long) Math.floor(((b[0] + b[2]) / 2 - x0) / cell);
        long row = (long) Math.floor(((b[1] + b[3]) / 2 - z0) / cell);
        key[f] = row << 32 | col;
        buckets.put(key[f], 0);
      } else {
        key[f] = -1; // too wide for any bucket (or no vertices: width is NaN)
      }
    }
    int n = 0;
    for (var e : buckets.entrySet()) {
      e.setValue(n++);
    }
    int[] partOf = new int[features];
    boolean extra = false;
    for (int f = 0; f < features; f++) {
      extra |= key[f] < 0;
      partOf[f] = key[f] < 0 ? n : buckets.get(key[f]);
    }
    TileMesh[] meshes = mesh.split(partOf, extra ? n + 1 : n);
    List<Part> parts = new ArrayList<>(meshes.length);
    boolean anyQuantized = false;
    for (TileMesh m : meshes) {
      if (m.vertexCount() > 0) {
        QuantizedPositions q = QuantizedPositions.of(m);
        anyQuantized |= q != null;
        parts.add(new Part(m, q));
      }
    }
    return anyQuantized ? parts : List.of(new Part(mesh, null));
  }

  private static double width(double[] b) {
    return Math.max(b[2] - b[0], b[3] - b[1]); // NaN for a feature without vertices
  }

  private static double[][] featureBounds(TileMesh mesh) {
    float[] fid = mesh.featureIds();
    float[] p = mesh.positions();
    int features = 0;
    for (int v = 0; v < mesh.vertexCount(); v++) {
      features = Math.max(features, (int) fid[v] + 1);
    }
    double[][] bounds = new double[features][];
    for (int f = 0; f < features; f++) {
      bounds[f] = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    for (int v = 0; v < mesh.vertexCount(); v++) {
      double[] b = bounds[(int) fid[v]];
      double x = p[3 * v];
      double z = p[3 * v + 2];
      if (Double.isNaN(b[0])) {
        b[0] = b[2] = x;
        b[1] = b[3] = z;
      }
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], z);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], z);
    }
    return bounds;
  }
}
