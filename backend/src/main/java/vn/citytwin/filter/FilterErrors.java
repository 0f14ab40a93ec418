package vn.citytwin.filter;

import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/** The errors of this package: always INVALID_PARAMETER with locator {@code filter}. */
final class FilterErrors {
  static final String LOCATOR = "filter";
  /** Message of the safety net; tests assert it is never reached. */
  static final String UNEXPECTED = "The filter could not be processed";

  private FilterErrors() {}

  static ApiException invalid(String message) {
    return ApiException.invalidParameter(LOCATOR, message);
  }

  /** An error in filter text at a 0-based offset, reported as a 1-based column. */
  static ApiException atColumn(int offset, String message) {
    return invalid("Invalid filter at column " + (offset + 1) + ": " + message);
  }

  /**
   * The last line of defence: an unexpected exception (a bug, or a stack overflow the depth limits did not
   * prevent) still reaches the client as a 400 with a safe message; the cause is kept for the log.
   */
  static ApiException unexpected(Throwable cause) {
    return unexpected(cause, LOCATOR, UNEXPECTED);
  }

  /** {@link #unexpected(Throwable)} for another parameter and subject. */
  static ApiException unexpected(Throwable cause, String locator, String message) {
    return new ApiException(ErrorKind.INVALID_PARAMETER, null, locator, message, cause);
  }

  /** Quotes user text for a message, shortened so a huge literal cannot flood logs or responses. */
  static String quote(String text) {
    String t = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "'" + t + "'";
  }
}
