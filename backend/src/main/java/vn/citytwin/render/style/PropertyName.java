package vn.citytwin.render.style;

import java.util.Set;
import java.util.function.Function;

/** The value of one feature attribute ({@code ogc:PropertyName} / {@code fes:ValueReference}). */
public record PropertyName(String name) implements Expression {
  @Override
  public Object evaluate(Function<String, Object> properties) {
    return properties.apply(name);
  }

  @Override
  public void collectProperties(Set<String> out) {
    out.add(name);
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
