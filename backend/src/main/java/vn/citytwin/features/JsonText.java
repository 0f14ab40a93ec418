package vn.citytwin.features;

/** JSON string literals written by hand into a StringBuilder (RFC 8259 escaping; lone surrogates become U+FFFD). */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends {@code s} as a quoted JSON string. */
  public static void string(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              out.append('\uFFFD');
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Appends a value from a {@link FeatureRecord}: numbers and booleans bare, null as null, the rest as strings. */
  public static void value(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (ValueText.isJsonLiteral(v)) {
      out.append(ValueText.of(v));
    } else if (v instanceof Double) {
      out.append("null"); // NaN and infinities have no JSON form
    } else {
      string(out, ValueText.of(v));
    }
  }
}
