package vn.citytwin.core.http;

import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * The request-line limit ({@code http.max.request.line}), in two layers. The HTTP decoder accepts lines up to
 * {@link #decoderLimit()} (twice the limit), so a GET between the limit and that still reaches its capability's
 * router, where this handler fails it with a 414 {@link ApiException} that the protocol renders in its own error
 * form (OWS or WMS exception report, JSON). A line beyond the decoder limit never becomes a request (the path is
 * unknown): {@link #invalidRequestHandler} answers it with a JSON 414 and closes the connection.
 */
public final class RequestLineLimit implements Handler<RoutingContext> {
  /** " HTTP/1.1" after the URI. */
  private static final int VERSION_PART = 9;

  private final int maxBytes;

  /** @param maxBytes the longest request line answered normally, in bytes */
  public RequestLineLimit(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The HTTP decoder's own limit (Vert.x {@code maxInitialLineLength}). */
  public int decoderLimit() {
    return 2 * maxBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest r = ctx.request();
    // the URI as sent (percent-encoded ASCII), so its length in chars is its length in bytes
    long length = r.method().name().length() + 1L + r.uri().length() + VERSION_PART;
    if (length > maxBytes) {
      ctx.fail(tooLong(length));
      return;
    }
    ctx.next();
  }

  private ApiException tooLong(long length) {
    return new ApiException(ErrorKind.URI_TOO_LONG, null, "request", message(length), null);
  }

  private String message(long length) {
    return "The request line is " + (length < 0 ? "longer than " + decoderLimit() : length) + " bytes; this"
        + " server accepts up to " + maxBytes + " (setting http.max.request.line). Send long parameters such as"
        + " SLD_BODY, FILTER or CQL_FILTER in a POST body (form-encoded KVP or XML).";
  }

  /**
   * For {@code HttpServer.invalidRequestHandler}: a line longer than the decoder limit gets a JSON 414 (the same
   * shape as {@link JsonErrors}); any other malformed request Vert.x's default answer.
   */
  public Handler<HttpServerRequest> invalidRequestHandler() {
    return request -> {
      Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
      if (cause instanceof TooLongHttpLineException) {
        JsonObject body = new JsonObject().put("code", ErrorKind.URI_TOO_LONG.defaultCode())
            .put("description", message(-1)).put("status", 414);
        request.response().setStatusCode(414).putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Connection", "close").end(body.encode());
        return;
      }
      HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    };
  }
}
