package vn.citytwin.ogc;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.filter.SecureXml;

/**
 * The classic OGC service endpoint: {@code /ows} dispatches each request to an {@link OwsService} by its
 * {@code SERVICE} parameter (KVP) or the {@code service} attribute of the XML root (POST); {@code /wfs},
 * {@code /wms}, … (one per registered service) do the same but default to their own service. Requests come as GET
 * with KVP, POST with {@code application/x-www-form-urlencoded} KVP, or POST with an XML document (XXE-safe).
 *
 * <p>Errors: before a service is chosen, an OWS 1.1 ExceptionReport ({@code MissingParameterValue} or
 * {@code InvalidParameterValue} with locator {@code service}); afterwards the chosen service renders them.
 */
public final class OwsEndpoint implements Mountable {
  private static final Logger LOG = LoggerFactory.getLogger(OwsEndpoint.class);
  private static final String SERVICE_KEY = "citytwin.ows.service";

  private final Router router;
  private final Map<String, OwsService> services = new LinkedHashMap<>();

  /** @param maxBodyBytes the largest POST body accepted (transactions carry whole features) */
  public OwsEndpoint(Vertx vertx, List<OwsService> services, long maxBodyBytes) {
    services.forEach(s -> this.services.put(s.name().toUpperCase(Locale.ROOT), s));
    router = Router.router(vertx);
    router.route(HttpMethod.POST, "/").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.get("/").handler(this::get);
    router.post("/").handler(this::post);
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

  private void post(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      var all = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams())
          .addAll(ctx.request().formAttributes());
      KvpParams params = KvpParams.of(all);
      choose(ctx, params.get("SERVICE").orElse(null)).handle(ctx, params);
      return;
    }
    String body = ctx.body() == null ? null : ctx.body().asString("UTF-8");
    if (body == null || body.isBlank()) {
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

  private OwsService choose(RoutingContext ctx, String requested) {
    String name = requested;
    if (name == null || name.isBlank()) {
      String mount = ctx.mountPoint() == null ? "" : ctx.mountPoint();
      name = mount.startsWith("/") ? mount.substring(1) : mount;
      if (name.isEmpty() || name.equalsIgnoreCase("ows")) {
        throw ApiException.missingParameter("service");
      }
    }
    OwsService s = services.get(name.trim().toUpperCase(Locale.ROOT));
    if (s == null) {
      throw ApiException.invalidParameter("service", "Unknown service '" + KvpParams.abbreviate(name.trim())
          + "'; this endpoint offers " + String.join(", ", services.keySet()));
    }
    ctx.put(SERVICE_KEY, s);
    return s;
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
    OwsService service = ctx.get(SERVICE_KEY);
    if (service != null) {
      service.fail(ctx, error);
    } else {
      OwsExceptionReport.send(ctx, error, OwsExceptionReport.Flavour.OWS_1_1, "2.0.0");
    }
  }
}
