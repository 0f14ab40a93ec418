package vn.citytwin.features;

import java.math.BigDecimal;

/**
 * Fast, locale-independent decimal text for coordinates: rounds half away from zero to a fixed number of
 * decimals, drops trailing zeros and never uses an exponent ({@code 107.0812345}, {@code 10}, {@code -0.5}). Large
 * outputs (a million features) spend most of their time here, so it avoids {@link Double#toString}.
 *
 * <p>Non-finite values cannot be written as coordinates: they throw {@link IllegalArgumentException}.
 */
public final class CoordinateFormat {
  /** Decimals for geographic CRSs (degrees): 1e-7° is about 1 cm. */
  public static final int DEGREE_DECIMALS = 7;
  /** Decimals for projected CRSs (metres): millimetres. */
  public static final int METRE_DECIMALS = 3;

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final int decimals;
  private final double scale;
  private final double limit;

  /** @param decimals 0 to 12 */
  public CoordinateFormat(int decimals) {
    if (decimals < 0 || decimals > 12) {
      throw new IllegalArgumentException("decimals must be 0..12");
    }
    this.decimals = decimals;
    this.scale = POW10[decimals];
    this.limit = 9.0e15 / scale;
  }

  /** Degrees for geographic CRSs, metres otherwise (see {@link SupportedCrs#isGeographic(int)}). */
  public static CoordinateFormat forSrid(int srid) {
    return new CoordinateFormat(SupportedCrs.isGeographic(srid) ? DEGREE_DECIMALS : METRE_DECIMALS);
  }

  public int decimals() {
    return decimals;
  }

  /** Appends {@code v} rounded to this format's decimals. */
  public void append(StringBuilder out, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("coordinate is not finite: " + v);
    }
    if (Math.abs(v) >= limit) {
      // Beyond exact long arithmetic: rare (not a coordinate of any supported CRS), so the slow path is fine.
      out.append(new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString());
      return;
    }
    long r = Math.round(Math.abs(v) * scale);
    if (r == 0) {
      out.append('0');
      return;
    }
    if (v < 0) {
      out.append('-');
    }
    long pow = POW10[decimals];
    out.append(r / pow);
    long frac = r % pow;
    if (frac == 0) {
      return;
    }
    out.append('.');
    int digits = decimals;
    while (frac % 10 == 0) {
      frac /= 10;
      digits--;
    }
    // leading zeros of the fraction
    for (long p = POW10[digits - 1]; p > frac; p /= 10) {
      out.append('0');
    }
    out.append(frac);
  }

  /** The text of {@code v}, for tests and small documents. */
  public String format(double v) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, v);
    return sb.toString();
  }
}
