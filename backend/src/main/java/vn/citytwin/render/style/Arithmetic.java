package vn.citytwin.render.style;

import java.util.Set;
import java.util.function.Function;

/** {@code ogc:Add}, {@code ogc:Sub}, {@code ogc:Mul}, {@code ogc:Div}; null when an operand is not numeric. */
public record Arithmetic(Operator operator, Expression left, Expression right) implements Expression {

  /** The four binary operators of Filter Encoding. */
  public enum Operator { ADD, SUB, MUL, DIV }

  @Override
  public Object evaluate(Function<String, Object> properties) {
    Double a = Values.toNumber(left.evaluate(properties));
    Double b = Values.toNumber(right.evaluate(properties));
    if (a == null || b == null) {
      return null;
    }
    return switch (operator) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> b == 0 ? null : a / b;
    };
  }

  @Override
  public void collectProperties(Set<String> out) {
    left.collectProperties(out);
    right.collectProperties(out);
  }

  @Override
  public boolean isConstant() {
    return left.isConstant() && right.isConstant();
  }
}
