package vn.citytwin.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * SQL text with JDBC {@code ?} placeholders and the values to bind, in order. The text holds only code and
 * quoted catalog identifiers; every value a request supplied is in {@link #params()}.
 */
public record SqlStatement(String sql, List<Object> params) {

  public SqlStatement {
    params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
  }

  /** Prepares the statement on {@code c} and binds every parameter. */
  public PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      bind(c, ps, params, 1);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /**
   * Binds values starting at {@code firstIndex}: arrays of Long, String and Double become bigint[], text[] and
   * float8[], instants become timestamptz, everything else goes through {@code setObject}.
   */
  public static int bind(Connection c, PreparedStatement ps, List<Object> values, int firstIndex) throws SQLException {
    int i = firstIndex;
    for (Object v : values) {
      if (v instanceof Long[] longs) {
        ps.setArray(i, c.createArrayOf("bigint", longs));
      } else if (v instanceof String[] strings) {
        ps.setArray(i, c.createArrayOf("text", strings));
      } else if (v instanceof Double[] doubles) {
        ps.setArray(i, c.createArrayOf("float8", doubles));
      } else if (v instanceof Instant instant) {
        ps.setObject(i, OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
      } else if (v instanceof Timestamp ts) {
        ps.setTimestamp(i, ts);
      } else {
        ps.setObject(i, v);
      }
      i++;
    }
    return i;
  }
}
