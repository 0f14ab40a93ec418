package vn.citytwin.filter;

import java.util.Objects;

/**
 * A layer field as the SQL writer sees it. {@code sqlExpression} is trusted SQL (an already quoted column such as
 * {@code t."height"}) from the catalog, never from a request. Geometry fields are stored in EPSG:4326.
 */
public record FieldRef(String name, String sqlExpression, FieldType type) {
  public FieldRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sqlExpression, "sqlExpression");
    Objects.requireNonNull(type, "type");
  }
}
