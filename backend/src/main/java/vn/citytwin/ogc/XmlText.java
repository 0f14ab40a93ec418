package vn.citytwin.ogc;

/**
 * Escaping for XML 1.0 written by hand into a StringBuilder (the streaming encoders avoid a writer object per
 * feature). Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage return,
 * unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD, so no database value can make a document malformed.
 */
public final class XmlText {
  private XmlText() {}

  /** Appends {@code s} as element content. */
  public static void text(StringBuilder out, String s) {
    escape(out, s, false);
  }

  /** Appends {@code s} as the value of a double-quoted attribute. */
  public static void attr(StringBuilder out, String s) {
    escape(out, s, true);
  }

  /** {@code s} escaped for element content. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    text(sb, s);
    return sb.toString();
  }

  private static void escape(StringBuilder out, String s, boolean attribute) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              out.append('\uFFFD');
            }
          } else if (Character.isLowSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
