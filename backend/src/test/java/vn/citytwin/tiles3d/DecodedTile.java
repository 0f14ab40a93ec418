package vn.citytwin.tiles3d;

/**
 * A decoded tile in world terms: each vertex taken from glTF y-up to z-up ((x, y, z) → (x, −z, y), the 3D Tiles
 * rule), giving ENU, then through the tile transform to ECEF and geodetic coordinates.
 */
final class DecodedTile {
  final GlbReader glb;
  final int vertexCount;
  final double[][] enu;
  /** Unit normals (the stored ones normalised, as a renderer does: quantized normals are unit only to ±1/127). */
  final double[][] normalEnu;
  /** Length of each normal as stored. */
  final double[] storedNormalLength;
  final double[][] ecef;
  final double[][] lonLatH;
  final int[] featureIds;
  final int[] indices;
  final double[] rgba;

  DecodedTile(BuildingTileEncoder.EncodedTile tile) {
    this(tile.glb(), tile.transform());
  }

  /** A glb fetched from a server, with its tile's world transform (ENU → ECEF, column-major) from tileset.json. */
  DecodedTile(byte[] glbBytes, double[] m) {
    glb = new GlbReader(glbBytes);
    double[] pos = glb.positions();
    double[] nor = glb.attribute("NORMAL");
    double[] fid = glb.attribute("_FEATURE_ID_0");
    rgba = glb.attribute("COLOR_0");
    indices = glb.indices();
    vertexCount = pos.length / 3;
    enu = new double[vertexCount][];
    normalEnu = new double[vertexCount][];
    storedNormalLength = new double[vertexCount];
    ecef = new double[vertexCount][];
    lonLatH = new double[vertexCount][];
    featureIds = new int[vertexCount];
    for (int v = 0; v < vertexCount; v++) {
      double e = pos[3 * v];
      double n = -pos[3 * v + 2];
      double u = pos[3 * v + 1];
      enu[v] = new double[] {e, n, u};
      double[] normal = {nor[3 * v], -nor[3 * v + 2], nor[3 * v + 1]};
      storedNormalLength[v] = Math.sqrt(dot(normal, normal));
      normalEnu[v] = new double[] {
        normal[0] / storedNormalLength[v], normal[1] / storedNormalLength[v], normal[2] / storedNormalLength[v]};
      ecef[v] = new double[] {
        m[0] * e + m[4] * n + m[8] * u + m[12],
        m[1] * e + m[5] * n + m[9] * u + m[13],
        m[2] * e + m[6] * n + m[10] * u + m[14]};
      lonLatH[v] = Ecef.toDegrees(ecef[v][0], ecef[v][1], ecef[v][2]);
      featureIds[v] = (int) fid[v];
      if (featureIds[v] != fid[v]) {
        throw new AssertionError("feature id not integral: " + fid[v]);
      }
    }
  }

  int triangleCount() {
    return indices.length / 3;
  }

  /** Unit normal of triangle t from its ENU corners (right-hand rule on the stored winding). */
  double[] faceNormal(int t) {
    double[] a = enu[indices[3 * t]];
    double[] b = enu[indices[3 * t + 1]];
    double[] c = enu[indices[3 * t + 2]];
    double[] n = cross(sub(b, a), sub(c, a));
    double len = Math.sqrt(dot(n, n));
    return new double[] {n[0] / len, n[1] / len, n[2] / len};
  }

  double area(int t) {
    double[] a = enu[indices[3 * t]];
    double[] n = cross(sub(enu[indices[3 * t + 1]], a), sub(enu[indices[3 * t + 2]], a));
    return Math.sqrt(dot(n, n)) / 2;
  }

  double[] centroid(int t) {
    double[] c = new double[3];
    for (int k = 0; k < 3; k++) {
      for (int d = 0; d < 3; d++) {
        c[d] += enu[indices[3 * t + k]][d] / 3;
      }
    }
    return c;
  }

  static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
