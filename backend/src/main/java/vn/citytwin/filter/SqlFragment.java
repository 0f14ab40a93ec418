package vn.citytwin.filter;

import java.util.List;

/**
 * A boolean SQL expression with JDBC {@code ?} placeholders and their values in order. Values are {@link Long},
 * {@link Double}, {@link Integer} (SRIDs), {@link String}, {@link Boolean}, {@link java.sql.Date},
 * {@link java.time.OffsetDateTime} (UTC) and {@code byte[]} (WKB); bind them with {@code setObject}.
 */
public record SqlFragment(String sql, List<Object> params) {
  public SqlFragment {
    java.util.Objects.requireNonNull(sql, "sql");
    params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
  }
}
