package vn.citytwin.core.db;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/** Translates SQLSTATEs into the server's error kinds, once. Driver text goes to the log, never to clients. */
public final class SqlErrors {
  private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

  private SqlErrors() {}

  public static ApiException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("57014")) {
      return new ApiException(ErrorKind.TIMEOUT, null, null,
          "The request took longer than the configured statement timeout", e);
    }
    if (state.equals("23505")) {
      return new ApiException(ErrorKind.CONFLICT, null, null, "A feature with that identifier already exists", e);
    }
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
      return new ApiException(ErrorKind.UNAVAILABLE, null, null, "The database is not reachable right now", e);
    }
    if (state.startsWith("22") || state.startsWith("23")) {
      return new ApiException(ErrorKind.INVALID_PARAMETER, null, null,
          "The database rejected a value: " + firstLine(e.getMessage()), e);
    }
    LOG.error("unexpected database error (SQLSTATE {})", state, e);
    return new ApiException(ErrorKind.INTERNAL, null, null, "Internal database error", e);
  }

  /** The first line of a PostgreSQL data error names the bad value and no SQL: safe to show. */
  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    String line = message.split("\n", 2)[0];
    return line.startsWith("ERROR: ") ? line.substring(7) : line;
  }
}
