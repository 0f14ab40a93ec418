package vn.citytwin.planning.simulation.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.planning.simulation.Progress;
import vn.citytwin.planning.simulation.SqlTemplate;

/** Executes the accessibility queries with every statement registered for cancellation. */
final class Sqls {
  private final Connection c;
  private final Progress progress;

  Sqls(Connection c, Progress progress) {
    this.c = c;
    this.progress = progress;
  }

  /** A fixed statement (no parameters, no user text). */
  void exec(String sql) throws SQLException {
    try (Statement s = progress.track(c.createStatement())) {
      s.execute(sql);
    }
  }

  int update(SqlTemplate t, Map<String, SqlStatement> sources, List<?> values) throws SQLException {
    SqlStatement st = t.render(sources, values);
    try (PreparedStatement ps = progress.track(st.prepare(c))) {
      return ps.executeUpdate();
    }
  }

  /** A query; the caller closes the result set, which closes its statement. */
  ResultSet query(SqlTemplate t, Map<String, SqlStatement> sources, List<?> values) throws SQLException {
    PreparedStatement ps = progress.track(t.render(sources, values).prepare(c));
    ps.closeOnCompletion();
    return ps.executeQuery();
  }

  ResultSet query(String sql) throws SQLException {
    Statement s = progress.track(c.createStatement());
    s.closeOnCompletion();
    return s.executeQuery(sql);
  }
}
