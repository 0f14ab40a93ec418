package vn.citytwin.render.style;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.function.Function;

/** Conversions of evaluated values to the types symbolizers need. Stateless. */
public final class Values {
  private Values() {
  }

  /** A number from a Number or numeric String (trimmed); null otherwise. */
  public static Double toNumber(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      String t = s.trim();
      if (t.isEmpty()) {
        return null;
      }
      char c = t.charAt(0);
      if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
        return null; // cheap rejection: parseDouble would accept "NaN" and "Infinity"
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Text for display: integral doubles without ".0", BigDecimal without exponent. */
  public static String toText(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (v instanceof Float f && f == Math.rint(f) && !f.isInfinite() && Math.abs(f) < 1e7) {
      return Long.toString(f.longValue());
    }
    if (v instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  /** Equality across types: numbers by value, everything else by text. */
  public static boolean looselyEqual(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    Double na = toNumber(a);
    Double nb = toNumber(b);
    if (na != null && nb != null) {
      return na.doubleValue() == nb.doubleValue();
    }
    return toText(a).equals(toText(b));
  }

  /** Parses {@code #rrggbb} or {@code #rgb} (case-insensitive); null for anything else. */
  public static Color parseColor(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    if (t.startsWith("#")) {
      t = t.substring(1);
    } else if (t.startsWith("0x") || t.startsWith("0X")) {
      t = t.substring(2);
    } else {
      return null;
    }
    try {
      if (t.length() == 6) {
        return new Color(Integer.parseInt(t, 16));
      }
      if (t.length() == 3) {
        int r = Character.digit(t.charAt(0), 16);
        int g = Character.digit(t.charAt(1), 16);
        int b = Character.digit(t.charAt(2), 16);
        if (r < 0 || g < 0 || b < 0) {
          return null;
        }
        return new Color(r * 17, g * 17, b * 17);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** Evaluates as a number; {@code fallback} when the expression is null or the value not numeric. */
  public static double number(Expression e, Function<String, Object> props, double fallback) {
    if (e == null) {
      return fallback;
    }
    Double d = e instanceof Literal l ? l.number() : toNumber(e.evaluate(props));
    return d == null || d.isNaN() ? fallback : d;
  }

  /** Evaluates as a colour; {@code fallback} when the expression is null or the value not a colour. */
  public static Color color(Expression e, Function<String, Object> props, Color fallback) {
    if (e == null) {
      return fallback;
    }
    if (e instanceof Literal l) {
      return l.color() != null ? l.color() : fallback;
    }
    Object v = e.evaluate(props);
    Color c = v instanceof Color cv ? cv : v == null ? null : parseColor(toText(v));
    return c != null ? c : fallback;
  }

  /** Evaluates as text; {@code fallback} when the expression is null or evaluates to null. */
  public static String text(Expression e, Function<String, Object> props, String fallback) {
    if (e == null) {
      return fallback;
    }
    Object v = e.evaluate(props);
    return v == null ? fallback : toText(v);
  }
}
