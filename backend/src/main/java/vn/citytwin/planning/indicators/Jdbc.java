package vn.citytwin.planning.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import vn.citytwin.core.db.SqlStatement;

/** Small helpers for the temporary-table steps of the indicator queries. */
final class Jdbc {
  private Jdbc() {}

  /** A statement without parameters (DDL on temporary tables). */
  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** A statement with bound parameters; returns the update count. */
  static int update(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c)) {
      return ps.executeUpdate();
    }
  }
}
