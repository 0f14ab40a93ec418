package vn.citytwin.core.error;

/**
 * The one error type of the server. It carries a {@link ErrorKind}, an optional protocol code (for example the
 * WMS code {@code LayerNotDefined}), a locator (the offending parameter's name) and a message fit for the client.
 * The cause is kept for the log only: renderers never show it, nor any SQL or driver text.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String code;
  private final String locator;

  public ApiException(ErrorKind kind, String code, String locator, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code != null ? code : kind.defaultCode();
    this.locator = locator;
  }

  public static ApiException invalidParameter(String locator, String message) {
    return new ApiException(ErrorKind.INVALID_PARAMETER, null, locator, message, null);
  }

  public static ApiException missingParameter(String locator) {
    return new ApiException(ErrorKind.MISSING_PARAMETER, null, locator,
        "Missing required parameter '" + locator + "'", null);
  }

  public static ApiException notFound(String locator, String message) {
    return new ApiException(ErrorKind.NOT_FOUND, null, locator, message, null);
  }

  public static ApiException notSupported(String locator, String message) {
    return new ApiException(ErrorKind.OPERATION_NOT_SUPPORTED, null, locator, message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(ErrorKind.CONFLICT, null, null, message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(ErrorKind.FORBIDDEN, null, null, message, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(ErrorKind.UNAUTHORIZED, null, null, message, null);
  }

  public static ApiException tooManyRequests(String message) {
    return new ApiException(ErrorKind.TOO_MANY_REQUESTS, null, null, message, null);
  }

  public static ApiException internal(String message, Throwable cause) {
    return new ApiException(ErrorKind.INTERNAL, null, null, message, cause);
  }

  /** The same error with a protocol-specific code (e.g. {@code InvalidCRS}); kind, locator and message kept. */
  public ApiException withCode(String protocolCode) {
    return new ApiException(kind, protocolCode, locator, getMessage(), getCause());
  }

  public ErrorKind kind() {
    return kind;
  }

  /** Protocol code; never null (falls back to the kind's default code). */
  public String code() {
    return code;
  }

  /** Name of the offending parameter, or null. */
  public String locator() {
    return locator;
  }

  public int httpStatus() {
    return kind.httpStatus();
  }
}
