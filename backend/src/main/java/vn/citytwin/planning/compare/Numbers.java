package vn.citytwin.planning.compare;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formats of the reports. */
final class Numbers {
  private Numbers() {}

  /** Full precision, no exponent (CSV): {@code 12345.678}; empty for null. */
  static String plain(Double v) {
    if (v == null) {
      return "";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * Rounded for reading: whole numbers as they are ({@code 13}), {@code 12,346} from 1000 up, else 1 or 2
   * decimals; an en dash for null.
   */
  static String display(Double v) {
    if (v == null) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 1000 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
  }

  /** A signed percentage of a ratio: {@code +12.5 %}; an en dash for null. */
  static String percent(Double ratio) {
    if (ratio == null) {
      return "–";
    }
    return String.format(Locale.ROOT, "%+.1f %%", ratio * 100);
  }
}
