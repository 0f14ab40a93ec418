package vn.citytwin.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.ResponseTimeHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.citytwin.core.config.AccessLogSettings;
import vn.citytwin.access.AccessService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.http.AccessLog;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.core.http.RequestIds;
import vn.citytwin.core.http.RequestLineLimit;

/**
 * The HTTP server: mounts every capability's router at its paths, plus the viewer (static, from the classpath),
 * the styles, /metrics, access logging, CORS (public map services are read cross-origin) and request ids.
 */
final class ServerVerticle extends VerticleBase {
  private final CityTwinConfig.Server config;
  private final List<Mountable> capabilities;
  private final AccessLog accessLog;
  private final AccessService access;
  private final List<String> corsOrigins;
  private HttpServer server;

  ServerVerticle(CityTwinConfig.Server config, AccessLogSettings accessLog, List<Mountable> capabilities,
                 AccessService access, List<String> corsOrigins) {
    this.config = config;
    this.capabilities = capabilities;
    this.accessLog = new AccessLog(accessLog);
    this.access = access;
    this.corsOrigins = corsOrigins;
  }

  @Override
  public Future<?> start() {
    Router root = Router.router(vertx);
    root.route().handler(new RequestIds());
    root.route().handler(accessLog);
    root.route().handler(ResponseTimeHandler.create());
    CorsHandler cors = CorsHandler.create();
    boolean anyOrigin = corsOrigins.contains("*");
    java.util.Set<String> origins = new java.util.HashSet<>(corsOrigins);
    origins.add(originOf(config.publicUrl())); // the viewer's own origin
    if (!anyOrigin) {
      cors.addOrigins(List.copyOf(origins)); // the configured allow-list (http.cors.origins)
    }
    // An origin off the list gets no CORS headers (the browser then refuses the answer); non-browser clients and
    // same-origin pages are served as before.
    root.route().handler(ctx -> {
      String origin = ctx.request().getHeader("Origin");
      if (anyOrigin || origin != null && origins.contains(origin)) {
        cors.handle(ctx);
      } else {
        ctx.next();
      }
    });
    cors.allowedMethod(io.vertx.core.http.HttpMethod.GET)
        .allowedMethod(io.vertx.core.http.HttpMethod.POST).allowedMethod(io.vertx.core.http.HttpMethod.PUT)
        .allowedMethod(io.vertx.core.http.HttpMethod.PATCH).allowedMethod(io.vertx.core.http.HttpMethod.DELETE)
        .allowedHeader("Content-Type").allowedHeader("If-None-Match").allowedHeader("Authorization")
        .exposedHeader("ETag").exposedHeader(RequestIds.HEADER).exposedHeader("Retry-After");
    // After CORS (preflights carry no credentials), before every route: the request's principal, once.
    root.route().handler(access.authenticator());
    root.route().handler(new WriteAudit(access.audit()));
    root.get("/metrics").handler(PrometheusScrapingHandler.create());
    RequestLineLimit lineLimit = new RequestLineLimit(config.maxRequestLineBytes());
    // on each capability's own router, so a too-long GET is refused in that protocol's error form
    java.util.Set<Router> limited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Mountable m : capabilities) {
      if (limited.add(m.router())) {
        m.router().route().order(-1).handler(lineLimit);
      }
    }
    for (Mountable m : capabilities) {
      for (String path : m.mountPaths()) {
        root.route(path + "*").subRouter(m.router());
      }
    }
    root.route().handler(lineLimit); // the rest (viewer, styles) answers in JSON
    root.get("/styles/*").handler(StaticHandler.create("styles").setCachingEnabled(true).setMaxAgeSeconds(300));
    root.get("/*").handler(StaticHandler.create("viewer").setIndexPage("index.html")
        .setCachingEnabled(true).setMaxAgeSeconds(300).setDefaultContentEncoding("UTF-8"));
    root.route().last().failureHandler(new JsonErrors());
    // Unmatched routes: JSON 404 instead of Vert.x's plain-text page.
    root.errorHandler(404, new JsonErrors());
    root.errorHandler(405, new JsonErrors());

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host()).setPort(config.port())
        // No cleartext HTTP/2 upgrade: no map client uses h2c, and an upgraded JDK client stalled on a body here.
        .setHttp2ClearTextEnabled(false)
        .setCompressionSupported(true)
        .setDecompressionSupported(true)
        .setMaxInitialLineLength(lineLimit.decoderLimit());
    return vertx.createHttpServer(options).requestHandler(root)
        .invalidRequestHandler(lineLimit.invalidRequestHandler()).listen().onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    // Graceful: stop accepting, let in-flight requests finish within the grace period.
    Future<?> down = server == null ? Future.succeededFuture()
        : server.shutdown(config.shutdownGraceSeconds(), TimeUnit.SECONDS);
    return down.andThen(done -> accessLog.close());
  }

  private static String originOf(String url) {
    java.net.URI u = java.net.URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  int actualPort() {
    return server == null ? -1 : server.actualPort();
  }
}
