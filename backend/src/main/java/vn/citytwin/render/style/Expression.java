package vn.citytwin.render.style;

import java.util.Set;
import java.util.function.Function;

/**
 * A value computed per feature: a literal, a property, a concatenation (SLD mixed content), an arithmetic
 * operation or a function. Immutable and safe to evaluate from several threads.
 */
public sealed interface Expression
    permits Literal, PropertyName, Concatenation, Arithmetic, FunctionCall {

  /**
   * The value for one feature.
   *
   * @param properties the feature's attributes by column name; returns null for a missing or null value
   * @return a String, Number, Boolean or other attribute value; null when the value is missing
   */
  Object evaluate(Function<String, Object> properties);

  /** Adds the names of the properties this expression reads to {@code out}. */
  void collectProperties(Set<String> out);

  /** True when the value does not depend on the feature (so it can be computed once). */
  boolean isConstant();
}
