package vn.citytwin.ogc;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.core.xml.SecureXml;

/**
 * The classic OGC service endpoint: {@code /ows} dispatches each request to an {@link OwsProtocol} by its
 * {@code SERVICE} parameter (KVP) or the {@code service} attribute of the XML root (POST); {@code /wfs},
 * {@code /wms}, … (one per registered service) do the same but default to their own service. Requests come as GET
 * with KVP, POST with {@code application/x-www-form-urlencoded} KVP, or POST with an XML document (XXE-safe).
 *
 * <p>Errors: before a service is chosen, an OWS 1.1 ExceptionReport ({@code MissingParameterValue} or
 * {@code InvalidParameterValue} with locator {@code service}); afterwards the chosen service renders them.
 */
public final class OwsRoutes implements Mountable {
  private static final Logger LOG = LoggerFactory.getLogger(OwsRoutes.class);
  private static final String SERVICE_KEY = "citytwin.ows.service";

  private final Router router;
  private final Map<String, OwsProtocol> services = new LinkedHashMap<>();
  private final long maxBodyBytes;

  /** @param maxBodyBytes the largest POST body accepted (transactions carry whole features) */
  public OwsRoutes(Vertx vertx, List<OwsProtocol> services, long maxBodyBytes) {
    services.forEach(s -> this.services.put(s.name().toUpperCase(Locale.ROOT), s));
    this.maxBodyBytes = maxBodyBytes;
    router = Router.router(vertx);
    router.get("/").handler(this::get);
    router.post("/").handler(ctx -> readBody(ctx).onSuccess(body -> {
      try {
        post(ctx, body);
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    }).onFailure(ctx::fail));
    router.route().failureHandler(this::failure);
  }

  @Override
  public List<String> mountPaths() {
    List<String> paths = new ArrayList<>();
    paths.add("/ows");
    services.keySet().forEach(n -> paths.add("/" + n.toLowerCase(Locale.ROOT)));
    return paths;
  }

  @Override
  public Router router() {
    return router;
  }

  private void get(RoutingContext ctx) {
    KvpParams params = KvpParams.of(ctx.queryParams());
    choose(ctx, params.get("SERVICE").orElse(null)).handle(ctx, params);
  }

  /**
   * POST: a form-encoded body is KVP; anything else is XML. A form content type with a body starting with
   * {@code <} is XML too ({@code curl --data} sends XML that way).
   */
  private void post(RoutingContext ctx, String body) {
    String type = ctx.request().getHeader("Content-Type");
    boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    if (form && !body.stripLeading().startsWith("<")) {
      MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams());
      new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
          .forEach((k, values) -> values.forEach(v -> all.add(k, v)));
      KvpParams params = KvpParams.of(all);
      choose(ctx, params.get("SERVICE").orElse(null)).handle(ctx, params);
      return;
    }
    if (body.isBlank()) {
      throw ApiException.missingParameter("request");
    }
    KvpParams query = KvpParams.of(ctx.queryParams());
    Document doc = SecureXml.parse(body, "request");
    String service = doc.getDocumentElement().getAttribute("service");
    if (service.isBlank()) {
      service = query.get("SERVICE").orElse(null);
    }
    choose(ctx, service).handle(ctx, doc, query);
  }

  /** The whole body as UTF-8 text, refusing more than the configured size (413) without buffering it. */
  private Future<String> readBody(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String length = request.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
      return Future.failedFuture(tooLarge());
    }
    Promise<String> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      if (promise.future().isComplete()) {
        return; // already refused: drain the rest
      }
      if (body.length() + chunk.length() > maxBodyBytes) {
        promise.tryFail(tooLarge());
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> promise.tryComplete(body.toString(StandardCharsets.UTF_8)));
    request.exceptionHandler(promise::tryFail);
    request.resume();
    return promise.future();
  }

  private ApiException tooLarge() {
    return new ApiException(ErrorKind.TOO_LARGE, "OperationProcessingFailed", "request",
        "The request body is larger than " + (maxBodyBytes / (1024 * 1024)) + " MB", null);
  }

  private OwsProtocol choose(RoutingContext ctx, String requested) {
    String name = requested;
    if (name == null || name.isBlank()) {
      String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint();
      name = mount.startsWith("/") ? mount.substring(1) : mount;
      if (name.isEmpty() || name.equalsIgnoreCase("ows")) {
        throw ApiException.missingParameter("service");
      }
    }
    OwsProtocol s = services.get(name.trim().toUpperCase(Locale.ROOT));
    if (s == null) {
      throw ApiException.invalidParameter("service", "Unknown service '" + ErrorText.abbreviate(name.trim())
          + "'; this endpoint offers " + String.join(", ", services.keySet()));
    }
    ctx.put(SERVICE_KEY, s);
    return s;
  }

  /** The service a request names (SERVICE, else the mount path), or null when it names none we offer. */
  private OwsProtocol serviceOf(RoutingContext ctx) {
    try {
      return choose(ctx, KvpParams.of(ctx.queryParams()).get("SERVICE").orElse(null));
    } catch (ApiException e) {
      return null;
    }
  }

  private void failure(RoutingContext ctx) {
    ApiException error = JsonErrors.toApiException(ctx.failure(), ctx.statusCode());
    if (error.httpStatus() >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().uri(),
          error.getCause() != null ? error.getCause() : error);
    }
    if (ctx.response().headWritten()) {
      // A stream failed half-way: the only honest signal left is to cut the connection.
      ctx.response().reset();
      return;
    }
    vn.citytwin.core.http.HttpCaching.forgetValidators(ctx.response());
    OwsProtocol service = ctx.get(SERVICE_KEY);
    if (service == null) {
      service = serviceOf(ctx); // failed before dispatch (e.g. a too-long GET): still answer in its form
    }
    if (service != null) {
      service.fail(ctx, error);
    } else {
      OwsExceptionReport.send(ctx, error, OwsExceptionReport.Flavour.OWS_1_1, "2.0.0");
    }
  }
}
