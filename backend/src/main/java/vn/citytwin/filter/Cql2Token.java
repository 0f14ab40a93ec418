package vn.citytwin.filter;

import java.util.Locale;

/**
 * One token of CQL2/ECQL text. {@code text} is the unescaped value for strings and quoted identifiers, the raw
 * text otherwise (the whole literal for {@link Kind#WKT}); {@code offset} is 0-based in the input.
 */
record Cql2Token(Kind kind, String text, int offset) {
  enum Kind { IDENT, QUOTED_IDENT, STRING, NUMBER, WKT, OP, LPAREN, RPAREN, COMMA, MINUS, PLUS, EOF }

  boolean is(Kind k) {
    return kind == k;
  }

  /** True for an unquoted identifier spelled {@code keyword}, ignoring case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** How the token is named in an error message. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of input";
      case STRING -> "string " + FilterErrors.quote(text);
      case WKT -> "geometry literal " + FilterErrors.quote(text);
      default -> FilterErrors.quote(text);
    };
  }
}
