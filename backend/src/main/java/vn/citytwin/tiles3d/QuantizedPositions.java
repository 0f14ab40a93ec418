package vn.citytwin.tiles3d;

/**
 * A tile's positions on a uniform integer grid for KHR_mesh_quantization: each coordinate stored as an unsigned
 * 16-bit integer {@code q}, decoded by the glTF node's {@code scale} (the grid step, the same on all three axes) and
 * {@code translation} (the mesh's minimum corner) as {@code q × step + min}.
 *
 * <p>The step is the mesh's largest side over 65 535, so rounding moves each coordinate by at most half a step and
 * a vertex by at most {@code step × √3 / 2}. A uniform step keeps the node's scale uniform, so normals need no
 * correction. Quantization is used only when that distance is at most {@link #MAX_ERROR_M}, i.e. when no side of
 * the mesh exceeds {@link #MAX_EXTENT_M} (≈ 757 m); {@link #of} returns null otherwise. Leaves can be larger
 * ({@link TileTreeBuilder} stops splitting at {@link Tiles3dOptions#DEFAULT_MIN_LEAF_LEVEL}, cells of ≈ 4.9 km,
 * when a cell holds few enough buildings, and a building on a cell edge reaches past its cell): such tiles are cut
 * into parts that fit, each with its own grid, by {@link QuantizedParts}.
 */
record QuantizedPositions(double step, double[] translation, short[] values, int[] min, int[] max) {
  /** The largest decoding error allowed, metres. */
  static final double MAX_ERROR_M = 0.01;
  /** The largest mesh side that quantizes within {@link #MAX_ERROR_M}: 65 535 steps of 2 / √3 times the error. */
  static final double MAX_EXTENT_M = 65535 * 2 * MAX_ERROR_M / Math.sqrt(3);

  /**
   * Quantizes the mesh's positions (glTF axes), or returns null when the mesh is empty or a side is longer than
   * {@link #MAX_EXTENT_M}.
   */
  static QuantizedPositions of(TileMesh mesh) {
    int vc = mesh.vertexCount();
    if (vc == 0) {
      return null;
    }
    float[] lo = mesh.min();
    float[] hi = mesh.max();
    double extent = 0;
    for (int k = 0; k < 3; k++) {
      extent = Math.max(extent, (double) hi[k] - lo[k]);
    }
    if (extent > MAX_EXTENT_M) {
      return null;
    }
    double step = extent > 0 ? extent / 65535 : 1; // one point (never a real building): any step decodes it
    double[] translation = {lo[0], lo[1], lo[2]};
    float[] p = mesh.positions();
    short[] q = new short[vc * 3];
    int[] min = {65535, 65535, 65535};
    int[] max = {0, 0, 0};
    for (int i = 0; i < vc * 3; i++) {
      int k = i % 3;
      int v = (int) Math.min(65535, Math.round((p[i] - translation[k]) / step));
      q[i] = (short) v;
      min[k] = Math.min(min[k], v);
      max[k] = Math.max(max[k], v);
    }
    return new QuantizedPositions(step, translation, q, min, max);
  }
}
