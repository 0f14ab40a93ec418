package vn.citytwin.planning;

import vn.citytwin.access.AccessView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.HttpCaching;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.planning.compare.ComparisonService;
import vn.citytwin.planning.compare.CsvReport;
import vn.citytwin.planning.compare.HtmlReport;
import vn.citytwin.planning.compare.WmsMapUrl;
import vn.citytwin.planning.indicators.IndicatorService;
import vn.citytwin.planning.indicators.Scope;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Indicators and comparisons: {@code GET /{id|base}/indicators[?by=ward|zone | ?area=<WKT or GeoJSON>]} and
 * {@code GET /compare?a=<id|base>&b=<id|base>[&area=…][&f=json|csv|html]} (b defaults to the base city). Both
 * answer with an ETag ({@link AnswerEtags}) and {@code Cache-Control: no-cache}: a client keeps its copy but
 * revalidates every time, since any scenario edit changes the answer; a matching If-None-Match gets 304 without
 * computing anything.
 */
final class IndicatorRoutes {
  private static final int MAP_WIDTH = 900;
  private static final String REVALIDATE = "no-cache";

  private final IndicatorService indicators;
  private final ComparisonService comparisons;
  private final ScenarioRegistry registry;
  private final PlanningJson json;
  private final AnswerEtags etags;
  private final String baseUrl;

  IndicatorRoutes(IndicatorService indicators, ComparisonService comparisons, ScenarioRegistry registry,
                  PlanningJson json, AnswerEtags etags, String baseUrl) {
    this.indicators = indicators;
    this.comparisons = comparisons;
    this.registry = registry;
    this.json = json;
    this.etags = etags;
    this.baseUrl = baseUrl;
  }

  /** Mounts {@code /compare}; call before the {@code /:id} routes so that it is not taken for an id. */
  void mountCompare(Router r) {
    r.get("/compare").handler(this::compare);
  }

  void mount(Router r) {
    r.get("/:id/indicators").handler(this::indicators);
  }

  private void indicators(RoutingContext ctx) {
    ScenarioRef ref = PlanningParams.city(registry, ctx.pathParam("id"), "id", AccessView.of(ctx));
    Scope scope = PlanningParams.scope(KvpParams.of(ctx.queryParams()));
    String self = json.scenarioUrl(ref.isBase() ? "base" : ref.id()) + "/indicators"
        + (ctx.request().query() == null ? "" : "?" + ctx.request().query());
    if (HttpCaching.notModified(ctx, etags.indicators(ref, scope, self), REVALIDATE)) {
      return;
    }
    indicators.report(ref, scope)
        .onSuccess(r -> send(ctx, "application/json", json.report(r, indicators.settings(), self).encode()))
        .onFailure(ctx::fail);
  }

  private void compare(RoutingContext ctx) {
    KvpParams p = KvpParams.of(ctx.queryParams());
    ScenarioRef a = PlanningParams.city(registry, p.require("a"), "a", AccessView.of(ctx));
    ScenarioRef b = PlanningParams.city(registry, p.get("b").orElse("base"), "b", AccessView.of(ctx));
    Scope scope = PlanningParams.scope(p);
    if (!(scope instanceof Scope.City) && !(scope instanceof Scope.Area)) {
      throw ApiException.invalidParameter("by", "A comparison is for the whole city or a drawn area (area=)");
    }
    String format = p.getOr("f", "json");
    String aRef = a.isBase() ? "base" : Long.toString(a.id());
    String bRef = b.isBase() ? "base" : Long.toString(b.id());
    String diffUrl = json.scenarioUrl(aRef) + "/diff?against=" + bRef;
    String self = baseUrl + "/api/scenarios/compare?a=" + aRef + "&b=" + bRef
        + p.get("area").map(v -> "&area=" + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
        .orElse("");
    if (!List.of("json", "csv", "html").contains(format)) {
      throw ApiException.invalidParameter("f", "f must be json, csv or html");
    }
    if (HttpCaching.notModified(ctx, etags.comparison(a, b, scope, format, self), REVALIDATE)) {
      return;
    }
    switch (format) {
      case "json" -> comparisons.compare(a, b, scope)
          .onSuccess(c -> send(ctx, "application/json; charset=utf-8", json.comparison(c, diffUrl, self).encode()))
          .onFailure(ctx::fail);
      case "csv" -> comparisons.compare(a, b, scope)
          .onSuccess(c -> {
            ctx.response().putHeader("Content-Disposition", "attachment; filename=\"compare-" + aRef + "-" + bRef
                + ".csv\"");
            send(ctx, "text/csv; charset=utf-8", CsvReport.render(c));
          })
          .onFailure(ctx::fail);
      case "html" -> comparisons.compare(a, b, scope)
          .compose(c -> comparisons.mapExtent(a, b, scope).map(box -> HtmlReport.render(c,
              WmsMapUrl.of(baseUrl, box, comparisons.mapLayers(), aRef, MAP_WIDTH), diffUrl, Instant.now())))
          .onSuccess(html -> send(ctx, "text/html; charset=utf-8", html))
          .onFailure(ctx::fail);
      default -> throw new IllegalStateException(format); // checked above
    }
  }

  private static void send(RoutingContext ctx, String type, String body) {
    ctx.response().putHeader("Content-Type", type).end(body);
  }
}
