package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.citytwin.filter.Cql2Token.Kind;

/**
 * Splits CQL2/ECQL text into tokens. A WKT geometry literal ({@code POLYGON((...))}, {@code POINT Z(...)},
 * {@code GEOMETRYCOLLECTION(...)}) becomes a single {@link Kind#WKT} token spanning its balanced parentheses, so the
 * parser can hand it to a WKT reader whole. Errors are {@link vn.citytwin.core.error.ApiException}s with a column.
 */
final class Cql2Lexer {
  /** Parenthesis depth allowed inside one WKT literal (nested geometry collections). */
  static final int MAX_WKT_DEPTH = 16;

  private static final Set<String> WKT_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
      "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

  private final String s;
  private int i;
  private final List<Cql2Token> out = new ArrayList<>();

  private Cql2Lexer(String s) {
    this.s = s;
  }

  static List<Cql2Token> tokenize(String text) {
    Cql2Lexer lx = new Cql2Lexer(text);
    lx.run();
    return lx.out;
  }

  private void run() {
    while (true) {
      skipSpace();
      if (i >= s.length()) {
        out.add(new Cql2Token(Kind.EOF, "", s.length()));
        return;
      }
      int start = i;
      int c = s.codePointAt(i);
      if (c == '\'') {
        out.add(new Cql2Token(Kind.STRING, quoted('\''), start));
      } else if (c == '"') {
        String name = quoted('"');
        if (name.isBlank()) {
          throw FilterErrors.atColumn(start, "empty quoted property name");
        }
        out.add(new Cql2Token(Kind.QUOTED_IDENT, name, start));
      } else if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
        out.add(new Cql2Token(Kind.NUMBER, number(), start));
      } else if (Character.isLetter(c) || c == '_') {
        identOrWkt(start);
      } else {
        symbol(start, c);
      }
    }
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** A quoted string or identifier; the quote is escaped by doubling it. */
  private String quoted(char q) {
    int start = i;
    StringBuilder b = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw FilterErrors.atColumn(start, (q == '\'' ? "string" : "quoted name")
            + " is not closed: expected " + q);
      }
      char c = s.charAt(i++);
      if (c == q) {
        if (i < s.length() && s.charAt(i) == q) {
          b.append(q);
          i++;
        } else {
          return b.toString();
        }
      } else {
        b.append(c);
      }
    }
  }

  private String number() {
    int start = i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int save = i;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i < s.length() && isDigit(s.charAt(i))) {
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
      } else {
        i = save;
      }
    }
    return s.substring(start, i);
  }

  private void identOrWkt(int start) {
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':') {
        i += Character.charCount(c);
      } else {
        break;
      }
    }
    String word = s.substring(start, i);
    if (WKT_TYPES.contains(word.toUpperCase(Locale.ROOT))) {
      int end = wktEnd(i);
      if (end > 0) {
        i = end;
        out.add(new Cql2Token(Kind.WKT, s.substring(start, end), start));
        return;
      }
    }
    out.add(new Cql2Token(Kind.IDENT, word, start));
  }

  /**
   * Where the WKT literal whose type keyword ends at {@code from} ends, or -1 when the keyword is not followed by
   * an optional Z/M/ZM and then {@code (} or {@code EMPTY} (it is then an ordinary identifier).
   */
  private int wktEnd(int from) {
    int j = skipSpaceFrom(from);
    int w = wordEnd(j);
    String dim = s.substring(j, w).toUpperCase(Locale.ROOT);
    if (dim.equals("Z") || dim.equals("M") || dim.equals("ZM")) {
      j = skipSpaceFrom(w);
      w = wordEnd(j);
    }
    if (s.substring(j, w).equalsIgnoreCase("EMPTY")) {
      return w;
    }
    if (j >= s.length() || s.charAt(j) != '(') {
      return -1;
    }
    int depth = 0;
    for (int k = j; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '(') {
        if (++depth > MAX_WKT_DEPTH) {
          throw FilterErrors.atColumn(k, "geometry literal nested too deeply (more than " + MAX_WKT_DEPTH
              + " levels)");
        }
      } else if (c == ')') {
        if (--depth == 0) {
          return k + 1;
        }
      } else if (c == '\'' || c == '"') {
        break;
      }
    }
    throw FilterErrors.atColumn(from - 1, "geometry literal is not closed: expected ')'");
  }

  private int skipSpaceFrom(int j) {
    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private int wordEnd(int j) {
    while (j < s.length() && Character.isLetter(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private void symbol(int start, int c) {
    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
    if (two.equals("<>") || two.equals("<=") || two.equals(">=") || two.equals("!=")) {
      i += 2;
      out.add(new Cql2Token(Kind.OP, two, start));
      return;
    }
    i += Character.charCount(c);
    switch (c) {
      case '=', '<', '>' -> out.add(new Cql2Token(Kind.OP, String.valueOf((char) c), start));
      case '(' -> out.add(new Cql2Token(Kind.LPAREN, "(", start));
      case ')' -> out.add(new Cql2Token(Kind.RPAREN, ")", start));
      case ',' -> out.add(new Cql2Token(Kind.COMMA, ",", start));
      case '-' -> out.add(new Cql2Token(Kind.MINUS, "-", start));
      case '+' -> out.add(new Cql2Token(Kind.PLUS, "+", start));
      default -> throw FilterErrors.atColumn(start, "unexpected character "
          + FilterErrors.quote(new String(Character.toChars(c))));
    }
  }
}
