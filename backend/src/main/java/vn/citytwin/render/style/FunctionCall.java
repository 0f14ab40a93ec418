package vn.citytwin.render.style;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One of the few {@code ogc:Function}s the renderer understands (GeoServer names). Unknown names are rejected by
 * the parser with a warning, so a FunctionCall is always evaluable.
 */
public record FunctionCall(Kind kind, List<Expression> args) implements Expression {

  /** Supported functions, by their GeoServer name. */
  public enum Kind {
    CONCATENATE("Concatenate"), STR_CONCAT("strConcat"), STR_TO_UPPER_CASE("strToUpperCase"),
    STR_TO_LOWER_CASE("strToLowerCase"), STR_TRIM("strTrim"), RECODE("Recode"), CATEGORIZE("Categorize"),
    NUMBER_FORMAT("numberFormat");

    private final String functionName;

    Kind(String functionName) {
      this.functionName = functionName;
    }

    public String functionName() {
      return functionName;
    }

    /** The kind for a function name (case-insensitive), or null when unsupported. */
    public static Kind byName(String name) {
      for (Kind k : values()) {
        if (k.functionName.equalsIgnoreCase(name)) {
          return k;
        }
      }
      return null;
    }
  }

  public FunctionCall {
    args = List.copyOf(args);
  }

  @Override
  public Object evaluate(Function<String, Object> properties) {
    return switch (kind) {
      case CONCATENATE, STR_CONCAT -> {
        StringBuilder sb = new StringBuilder();
        for (Expression a : args) {
          Object v = a.evaluate(properties);
          if (v != null) {
            sb.append(Values.toText(v));
          }
        }
        yield sb.toString();
      }
      case STR_TO_UPPER_CASE -> mapText(properties, s -> s.toUpperCase(Locale.ROOT));
      case STR_TO_LOWER_CASE -> mapText(properties, s -> s.toLowerCase(Locale.ROOT));
      case STR_TRIM -> mapText(properties, String::trim);
      case RECODE -> recode(properties);
      case CATEGORIZE -> categorize(properties);
      case NUMBER_FORMAT -> numberFormat(properties);
    };
  }

  private Object mapText(Function<String, Object> properties, java.util.function.UnaryOperator<String> f) {
    Object v = args.isEmpty() ? null : args.get(0).evaluate(properties);
    return v == null ? null : f.apply(Values.toText(v));
  }

  /** Recode(input, key1, value1, key2, value2, ...): the value paired with the first key equal to the input. */
  private Object recode(Function<String, Object> properties) {
    if (args.isEmpty()) {
      return null;
    }
    Object input = args.get(0).evaluate(properties);
    for (int i = 1; i + 1 < args.size(); i += 2) {
      if (Values.looselyEqual(input, args.get(i).evaluate(properties))) {
        return args.get(i + 1).evaluate(properties);
      }
    }
    return null;
  }

  /**
   * Categorize(input, value0, threshold1, value1, ..., thresholdN, valueN): value0 below threshold1, valueK for
   * thresholdK &lt;= input &lt; thresholdK+1 (SE 1.1 "succeeding" semantics). A trailing "preceding"/"succeeding"
   * literal is accepted.
   */
  private Object categorize(Function<String, Object> properties) {
    int n = args.size();
    if (n < 2) {
      return null;
    }
    boolean preceding = false;
    if (n % 2 == 1 && args.get(n - 1) instanceof Literal l && l.value() instanceof String s
        && (s.equalsIgnoreCase("preceding") || s.equalsIgnoreCase("succeeding"))) {
      preceding = s.equalsIgnoreCase("preceding");
      n--;
    }
    Double x = Values.toNumber(args.get(0).evaluate(properties));
    if (x == null) {
      return null;
    }
    Object result = args.get(1).evaluate(properties);
    for (int i = 2; i + 1 < n; i += 2) {
      Double t = Values.toNumber(args.get(i).evaluate(properties));
      if (t == null || (preceding ? x <= t : x < t)) {
        break;
      }
      result = args.get(i + 1).evaluate(properties);
    }
    return result;
  }

  /** numberFormat(pattern, number[, language]) with java.text.DecimalFormat patterns. */
  private Object numberFormat(Function<String, Object> properties) {
    if (args.size() < 2) {
      return null;
    }
    Object pattern = args.get(0).evaluate(properties);
    Double x = Values.toNumber(args.get(1).evaluate(properties));
    if (pattern == null || x == null) {
      return null;
    }
    Locale locale = args.size() > 2 ? Locale.forLanguageTag(Values.toText(args.get(2).evaluate(properties)))
        : Locale.ROOT;
    try {
      // DecimalFormat is not thread-safe: a new one per call
      return new DecimalFormat(Values.toText(pattern), DecimalFormatSymbols.getInstance(locale)).format(x);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public void collectProperties(Set<String> out) {
    args.forEach(a -> a.collectProperties(out));
  }

  @Override
  public boolean isConstant() {
    return args.stream().allMatch(Expression::isConstant);
  }
}
