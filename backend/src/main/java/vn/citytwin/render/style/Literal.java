package vn.citytwin.render.style;

import java.awt.Color;
import java.util.Set;
import java.util.function.Function;

/**
 * A constant. Its text is parsed once, at construction, as a number and as a colour, so that evaluating
 * style parameters per feature costs nothing for the usual literal values.
 */
public final class Literal implements Expression {
  private final Object value;
  private final Double number;
  private final Color color;

  public Literal(Object value) {
    this.value = value;
    this.number = Values.toNumber(value);
    this.color = value instanceof String s ? Values.parseColor(s) : null;
  }

  public static Literal of(Object value) {
    return new Literal(value);
  }

  public Object value() {
    return value;
  }

  /** The value as a number, or null when it is not numeric. */
  public Double number() {
    return number;
  }

  /** The value as a colour ({@code #rrggbb}, {@code #rgb} or {@code #aarrggbb}), or null. */
  public Color color() {
    return color;
  }

  @Override
  public Object evaluate(Function<String, Object> properties) {
    return value;
  }

  @Override
  public void collectProperties(Set<String> out) {
    // a literal reads no property
  }

  @Override
  public boolean isConstant() {
    return true;
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
