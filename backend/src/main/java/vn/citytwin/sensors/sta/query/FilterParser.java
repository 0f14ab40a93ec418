package vn.citytwin.sensors.sta.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import vn.citytwin.core.error.ApiException;

/**
 * Parses the OData-style expressions of SensorThings {@code $filter} (OGC 18-088 §9.3.3.5) into an {@link Expr}
 * tree. Precedence, loosest first: {@code or}, {@code and}, {@code not}, comparison, {@code add sub},
 * {@code mul div mod}, unary minus, primary. Literals: {@code 'text'} (quote doubled inside), numbers,
 * {@code true false null}, ISO 8601 date-times ({@code 2026-01-01T00:00:00Z}) and dates, {@code geometry'WKT'}.
 * Errors name the position: {@code "$filter: expected ')' at position 17"}.
 */
public final class FilterParser {
  private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_@$][A-Za-z0-9_.@$]*");

  /** Deepest nesting of parentheses, calls and prefix operators accepted (no stack overflow on hostile input). */
  static final int MAX_DEPTH = 64;

  private final String option;
  private final String text;
  private int at;
  private int depth;

  private FilterParser(String option, String text) {
    this.option = option;
    this.text = text;
  }

  /**
   * @param option the query option's name, for messages ({@code $filter})
   * @throws ApiException invalid parameter (locator {@code option}) with the position of the first error
   */
  public static Expr parse(String option, String text) {
    FilterParser p = new FilterParser(option, text);
    p.skipSpace();
    if (p.at >= text.length()) {
      throw p.error("is empty");
    }
    Expr e = p.or();
    p.skipSpace();
    if (p.at < text.length()) {
      throw p.error("unexpected '" + p.preview() + "'");
    }
    return e;
  }

  /** Parses one operand expression (an {@code $orderby} key) and returns where it ended. */
  static Expr parseOperand(String option, String text, int[] end) {
    FilterParser p = new FilterParser(option, text);
    p.skipSpace();
    Expr e = p.additive();
    end[0] = p.at;
    return e;
  }

  private Expr or() {
    Expr left = and();
    while (keyword("or")) {
      int pos = at - 2;
      left = new Expr.Binary("or", left, and(), pos);
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (keyword("and")) {
      int pos = at - 3;
      left = new Expr.Binary("and", left, not(), pos);
    }
    return left;
  }

  private Expr not() {
    int pos = mark();
    if (keyword("not")) {
      if (++depth > MAX_DEPTH) {
        throw error("nests deeper than " + MAX_DEPTH + " levels");
      }
      try {
        return new Expr.Unary("not", not(), pos);
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    int pos = mark();
    for (String op : COMPARISONS) {
      if (keyword(op)) {
        return new Expr.Binary(op, left, additive(), pos);
      }
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (true) {
      int pos = mark();
      if (keyword("add")) {
        left = new Expr.Binary("add", left, multiplicative(), pos);
      } else if (keyword("sub")) {
        left = new Expr.Binary("sub", left, multiplicative(), pos);
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (true) {
      int pos = mark();
      String op = keyword("mul") ? "mul" : keyword("div") ? "div" : keyword("mod") ? "mod" : null;
      if (op == null) {
        return left;
      }
      left = new Expr.Binary(op, left, unary(), pos);
    }
  }

  private Expr unary() {
    int pos = mark();
    if (at < text.length() && text.charAt(at) == '-' && !(at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
      at++;
      if (++depth > MAX_DEPTH) {
        throw error("nests deeper than " + MAX_DEPTH + " levels");
      }
      try {
        return new Expr.Unary("neg", unary(), pos);
      } finally {
        depth--;
      }
    }
    return primary();
  }

  private Expr primary() {
    if (++depth > MAX_DEPTH) {
      throw error("nests deeper than " + MAX_DEPTH + " levels");
    }
    try {
      return primaryInner();
    } finally {
      depth--;
    }
  }

  private Expr primaryInner() {
    int pos = mark();
    if (at >= text.length()) {
      throw error("expected an operand but the expression ended");
    }
    char ch = text.charAt(at);
    if (ch == '(') {
      at++;
      Expr e = or();
      expect(')');
      return e;
    }
    if (ch == '\'') {
      return new Expr.Text(quoted(), pos);
    }
    if (ch == '-' || Character.isDigit(ch)) {
      return numberOrTime(pos);
    }
    Matcher m = NAME.matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      throw error("unexpected '" + preview() + "'");
    }
    String name = m.group();
    at = m.end();
    String lower = name.toLowerCase(Locale.ROOT);
    if (at < text.length() && text.charAt(at) == '\'' && lower.equals("geometry")) {
      return geometry(pos);
    }
    switch (lower) {
      case "true":
        return new Expr.Bool(true, pos);
      case "false":
        return new Expr.Bool(false, pos);
      case "null":
        return new Expr.Null(pos);
      default:
        break;
    }
    skipSpace();
    if (at < text.length() && text.charAt(at) == '(') {
      at++;
      List<Expr> args = new ArrayList<>();
      skipSpace();
      if (at < text.length() && text.charAt(at) == ')') {
        at++;
        return new Expr.Call(lower, args, pos);
      }
      do {
        args.add(or());
        skipSpace();
      } while (at < text.length() && text.charAt(at) == ',' && at++ >= 0);
      expect(')');
      return new Expr.Call(lower, args, pos);
    }
    List<String> segments = new ArrayList<>();
    segments.add(name);
    while (at < text.length() && text.charAt(at) == '/') {
      at++;
      Matcher s = NAME.matcher(text).region(at, text.length());
      if (!s.lookingAt()) {
        throw error("expected a property name after '/'");
      }
      segments.add(s.group());
      at = s.end();
    }
    return new Expr.Path(segments, pos);
  }

  private Expr numberOrTime(int pos) {
    Matcher dt = DATE_TIME.matcher(text).region(at, text.length());
    if (dt.lookingAt() && dt.group().length() >= 10) {
      String s = dt.group();
      try {
        Instant t = s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
            : OffsetDateTime.parse(s).toInstant();
        at = dt.end();
        return new Expr.Time(t, pos);
      } catch (DateTimeParseException e) {
        throw error("'" + s + "' is not a valid date-time");
      }
    }
    boolean negative = text.charAt(at) == '-';
    int start = at;
    if (negative) {
      at++;
    }
    Matcher m = NUMBER.matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      at = start;
      throw error("expected a number");
    }
    at = m.end();
    String s = text.substring(start, at);
    if (m.group(1) == null && m.group(2) == null) {
      try {
        return new Expr.Num(Long.parseLong(s), pos);
      } catch (NumberFormatException e) {
        // too long for a long: a double below
      }
    }
    return new Expr.Num(Double.parseDouble(s), pos);
  }

  private Expr geometry(int pos) {
    String wkt = quoted();
    try {
      new WKTReader().read(wkt);
    } catch (ParseException | RuntimeException e) {
      at = pos;
      throw error("geometry'" + wkt + "' is not valid WKT");
    }
    return new Expr.Geometry(wkt, pos);
  }

  /** A single-quoted string starting at {@code at}; {@code ''} stands for one quote. */
  private String quoted() {
    int start = at;
    at++;
    StringBuilder sb = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '\'') {
        if (at < text.length() && text.charAt(at) == '\'') {
          sb.append('\'');
          at++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
    at = start;
    throw error("unterminated string");
  }

  /** Consumes a keyword followed by a non-name character. */
  private boolean keyword(String word) {
    skipSpace();
    int end = at + word.length();
    if (end <= text.length() && text.regionMatches(true, at, word, 0, word.length())
        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_'
            && text.charAt(end) != '/' && text.charAt(end) != '.')) {
      // "not(" and "and(" are keywords; "name" is not "not"
      at = end;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    skipSpace();
    if (at >= text.length() || text.charAt(at) != c) {
      throw error("expected '" + c + "'" + (at >= text.length() ? " but the expression ended" : ""));
    }
    at++;
  }

  private int mark() {
    skipSpace();
    return at;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private String preview() {
    int end = Math.min(text.length(), at + 12);
    return text.substring(at, end);
  }

  private ApiException error(String what) {
    return ApiException.invalidParameter(option, option + ": " + what + " at position " + at);
  }
}
