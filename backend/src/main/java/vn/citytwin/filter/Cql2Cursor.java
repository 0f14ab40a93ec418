package vn.citytwin.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.Cql2Token.Kind;

/**
 * The token cursor shared by {@link Cql2Parser} and {@link Cql2Functions}: lookahead, expectations with
 * positioned errors, the nesting-depth guard, and the literal forms both need (numbers, DATE/TIMESTAMP).
 */
final class Cql2Cursor {
  /** Words that cannot be bare property names (quote them: {@code "in"}). */
  static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS", "NULL");

  private final List<Cql2Token> tokens;
  private int pos;
  private int depth;

  Cql2Cursor(List<Cql2Token> tokens) {
    this.tokens = tokens;
  }

  /** The current token (EOF at the end, forever). */
  Cql2Token peek() {
    return tokens.get(pos);
  }

  /** The token {@code ahead} places after the current one, or EOF. */
  Cql2Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  Cql2Token next() {
    Cql2Token t = tokens.get(pos);
    if (!t.is(Kind.EOF)) {
      pos++;
    }
    return t;
  }

  boolean accept(Kind k) {
    if (peek().is(k)) {
      next();
      return true;
    }
    return false;
  }

  Cql2Token expect(Kind k, String what) {
    if (!peek().is(k)) {
      throw expected(what);
    }
    return next();
  }

  void expectKeyword(String keyword) {
    if (!peek().isKeyword(keyword)) {
      throw expected(keyword);
    }
    next();
  }

  /** An error at the current token: "expected X but found Y". */
  ApiException expected(String what) {
    Cql2Token t = peek();
    return FilterErrors.atColumn(t.offset(), "expected " + what + " but found " + t.describe());
  }

  /** Enters a nesting level; past {@link Cql2Parser#MAX_DEPTH} an error at {@code at}. */
  void enter(Cql2Token at) {
    if (++depth > Cql2Parser.MAX_DEPTH) {
      throw FilterErrors.atColumn(at.offset(), "filter is nested too deeply (more than " + Cql2Parser.MAX_DEPTH
          + " levels)");
    }
  }

  /** Leaves a level entered with {@link #enter}. */
  void leave() {
    depth--;
  }

  /** DATE('YYYY-MM-DD') → LocalDate, TIMESTAMP('…Z') → Instant; the keyword token is already consumed. */
  Object temporalLiteral(Cql2Token keyword) {
    expect(Kind.LPAREN, "'('");
    Cql2Token s = expect(Kind.STRING, "a quoted date or timestamp");
    expect(Kind.RPAREN, "')'");
    try {
      if (keyword.isKeyword("DATE")) {
        return LocalDate.parse(s.text().trim());
      }
    } catch (DateTimeParseException e) {
      throw FilterErrors.atColumn(s.offset(), "invalid date " + FilterErrors.quote(s.text())
          + ": expected YYYY-MM-DD");
    }
    Instant i = Values.parseInstant(s.text());
    if (i == null) {
      throw FilterErrors.atColumn(s.offset(), "invalid timestamp " + FilterErrors.quote(s.text())
          + ": expected an RFC 3339 date-time such as 2024-05-01T08:00:00Z");
    }
    return i;
  }

  /** A NUMBER token as Long (integral) or Double; out-of-range values are errors. */
  Object number(Cql2Token t, boolean negative) {
    String text = negative ? "-" + t.text() : t.text();
    boolean integral = t.text().chars().allMatch(c -> c >= '0' && c <= '9');
    try {
      if (integral) {
        return Long.parseLong(text);
      }
      double d = Double.parseDouble(text);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw FilterErrors.atColumn(t.offset(), "number " + FilterErrors.quote(text) + " is out of range");
    }
  }

  /** An optionally signed number, consumed. */
  double signedNumber() {
    Cql2Token t = peek();
    Object n;
    if (t.is(Kind.MINUS) || t.is(Kind.PLUS)) {
      next();
      Cql2Token d = expect(Kind.NUMBER, "a number");
      n = number(d, t.is(Kind.MINUS));
    } else {
      n = number(expect(Kind.NUMBER, "a number"), false);
    }
    return ((Number) n).doubleValue();
  }
}
