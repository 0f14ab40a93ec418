package vn.citytwin.core.error;

/**
 * What went wrong, independent of protocol. Each protocol's renderer maps a kind to its own form: an HTTP status
 * for JSON APIs, an exception code for OGC services.
 */
public enum ErrorKind {
  NOT_FOUND(404, "NotFound"),
  INVALID_PARAMETER(400, "InvalidParameterValue"),
  MISSING_PARAMETER(400, "MissingParameterValue"),
  OPERATION_NOT_SUPPORTED(400, "OperationNotSupported"),
  UNAUTHORIZED(401, "Unauthorized"),
  FORBIDDEN(403, "Forbidden"),
  CONFLICT(409, "Conflict"),
  TOO_LARGE(413, "ResponseTooLarge"),
  /** The request line (method, URI, version) is longer than the server accepts. */
  URI_TOO_LONG(414, "URITooLong"),
  TOO_MANY_REQUESTS(429, "TooManyRequests"),
  TIMEOUT(503, "Timeout"),
  UNAVAILABLE(503, "ServiceUnavailable"),
  INTERNAL(500, "NoApplicableCode");

  private final int httpStatus;
  private final String defaultCode;

  ErrorKind(int httpStatus, String defaultCode) {
    this.httpStatus = httpStatus;
    this.defaultCode = defaultCode;
  }

  /** The HTTP status a JSON API answers with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The OGC/OWS exception code used when the thrower named no more specific one. */
  public String defaultCode() {
    return defaultCode;
  }
}
