package vn.citytwin.render.style;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Mixed content such as {@code <Label><ogc:PropertyName>name</ogc:PropertyName> (<ogc:PropertyName>code
 * </ogc:PropertyName>)</Label>}: the parts' string values joined. A null part contributes nothing.
 */
public record Concatenation(List<Expression> parts) implements Expression {
  public Concatenation {
    parts = List.copyOf(parts);
  }

  @Override
  public Object evaluate(Function<String, Object> properties) {
    StringBuilder sb = new StringBuilder();
    for (Expression part : parts) {
      Object v = part.evaluate(properties);
      if (v != null) {
        sb.append(Values.toText(v));
      }
    }
    return sb.toString();
  }

  @Override
  public void collectProperties(Set<String> out) {
    parts.forEach(p -> p.collectProperties(out));
  }

  @Override
  public boolean isConstant() {
    return parts.stream().allMatch(Expression::isConstant);
  }
}
