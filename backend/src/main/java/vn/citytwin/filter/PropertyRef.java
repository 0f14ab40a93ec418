package vn.citytwin.filter;

/** A property of the feature, by name as written in the filter (never blank). */
public record PropertyRef(String name) implements Expression {
  public PropertyRef {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("property name is blank");
    }
  }
}
