package vn.citytwin.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A literal value: {@link String}, {@link Long}, {@link Double} (finite), {@link Boolean}, {@link LocalDate} or
 * {@link Instant}. FES literals are always strings; they are coerced to the compared property's type later.
 */
public record Literal(Object value) implements Expression {
  public Literal {
    Objects.requireNonNull(value, "value");
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException("literal number is not finite");
    }
    if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
        || value instanceof LocalDate || value instanceof Instant)) {
      throw new IllegalArgumentException("unsupported literal type " + value.getClass().getName());
    }
  }
}
