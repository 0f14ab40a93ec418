package vn.citytwin.tiles3d;

/** 4×4 affine matrices stored column-major in 16 doubles (glTF / 3D Tiles order). */
final class Matrix4 {
  private Matrix4() {}

  /** a × b. */
  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[16];
    for (int col = 0; col < 4; col++) {
      for (int row = 0; row < 4; row++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += a[k * 4 + row] * b[col * 4 + k];
        }
        out[col * 4 + row] = s;
      }
    }
    return out;
  }

  /**
   * Inverse of an affine matrix (last row 0, 0, 0, 1).
   *
   * @throws IllegalArgumentException if the linear part is singular
   */
  static double[] invertAffine(double[] m) {
    double a = m[0], b = m[4], c = m[8];
    double d = m[1], e = m[5], f = m[9];
    double g = m[2], h = m[6], i = m[10];
    double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    if (Math.abs(det) < 1e-300) {
      throw new IllegalArgumentException("singular transform");
    }
    // Cofactors C[i][j] of the linear part, row-major; its inverse is the transposed cofactor matrix over det.
    double[] cof = {
      e * i - f * h, -(d * i - f * g), d * h - e * g,
      -(b * i - c * h), a * i - c * g, -(a * h - b * g),
      b * f - c * e, -(a * f - c * d), a * e - b * d
    };
    double tx = m[12];
    double ty = m[13];
    double tz = m[14];
    double[] out = new double[16];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        out[col * 4 + row] = cof[col * 3 + row] / det;
      }
      out[12 + row] = -(out[row] * tx + out[4 + row] * ty + out[8 + row] * tz);
    }
    out[15] = 1;
    return out;
  }
}
