package vn.citytwin.filter;

import java.util.Locale;

/**
 * LIKE patterns in the canonical form of {@link Filter.Like}: {@code %} any run, {@code _} one character,
 * {@code \} escapes the next character. This form is also PostgreSQL's LIKE syntax with its default escape
 * character, so the SQL writer binds it unchanged. Matching in memory walks code points with the classic
 * wildcard algorithm (worst case O(text × pattern)), so no user pattern can trigger regex backtracking.
 */
final class LikePattern {
  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  private final int[] tokens;

  private LikePattern(int[] tokens) {
    this.tokens = tokens;
  }

  /** Throws IllegalArgumentException when {@code pattern} is null or ends with a lone escape. */
  static void requireCanonical(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("pattern is null");
    }
    if (danglingEscape(pattern)) {
      throw new IllegalArgumentException("LIKE pattern ends with an escape character");
    }
  }

  /** True when the pattern ends with an unescaped backslash. */
  static boolean danglingEscape(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '\\') {
        if (i + 1 == pattern.length()) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  /**
   * Translates a FES pattern with its own wildcard, single-character and escape characters to canonical form:
   * SQL's own {@code % _ \} in literal parts are escaped. A trailing escape character stands for itself.
   */
  static String fromFes(String pattern, char wildCard, char singleChar, char escapeChar) {
    StringBuilder out = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == escapeChar && i + 1 < pattern.length()) {
        appendLiteral(out, pattern.charAt(++i));
      } else if (c == wildCard) {
        out.append('%');
      } else if (c == singleChar) {
        out.append('_');
      } else {
        appendLiteral(out, c);
      }
    }
    return out.toString();
  }

  private static void appendLiteral(StringBuilder out, char c) {
    if (c == '%' || c == '_' || c == '\\') {
      out.append('\\');
    }
    out.append(c);
  }

  /** Compiles a canonical pattern; with {@code matchCase=false} both sides are lower-cased (Locale.ROOT). */
  static LikePattern compile(String canonical, boolean matchCase) {
    requireCanonical(canonical);
    String p = matchCase ? canonical : canonical.toLowerCase(Locale.ROOT);
    int[] cps = p.codePoints().toArray();
    int[] tokens = new int[cps.length];
    int n = 0;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\') {
        tokens[n++] = cps[++i];
      } else if (c == '%') {
        if (n == 0 || tokens[n - 1] != ANY_RUN) {
          tokens[n++] = ANY_RUN;
        }
      } else if (c == '_') {
        tokens[n++] = ANY_ONE;
      } else {
        tokens[n++] = c;
      }
    }
    return new LikePattern(java.util.Arrays.copyOf(tokens, n));
  }

  /** Whether {@code text} (already lower-cased by the caller when matching case-insensitively) matches. */
  boolean matches(String text) {
    int[] s = text.codePoints().toArray();
    int si = 0;
    int pi = 0;
    int starP = -1;
    int starS = 0;
    while (si < s.length) {
      if (pi < tokens.length && (tokens[pi] == ANY_ONE || tokens[pi] == s[si])) {
        si++;
        pi++;
      } else if (pi < tokens.length && tokens[pi] == ANY_RUN) {
        starP = pi++;
        starS = si;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < tokens.length && tokens[pi] == ANY_RUN) {
      pi++;
    }
    return pi == tokens.length;
  }
}
