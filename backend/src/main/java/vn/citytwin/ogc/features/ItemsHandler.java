package vn.citytwin.ogc.features;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks.Link;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.Language;
import vn.citytwin.features.CsvEncoder;
import vn.citytwin.features.FeatureEncoder;
import vn.citytwin.features.FeatureService;
import vn.citytwin.features.GeoJsonEncoder;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.StreamPlan;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.Filter;
import vn.citytwin.ogc.HtmlPage;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.ogc.UrlPaths;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.query.ReadParameters;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * {@code GET /collections/{id}/items} and {@code /items/{featureId}}: GeoJSON streamed from a cursor (the first
 * page counted for numberMatched, later pages reading one ahead for the next link), CSV with {@code f=csv}, and HTML
 * pages for browsers. Output coordinates follow the requested CRS's axis order (Part 2) and the response names it
 * in {@code Content-Crs}.
 */
final class ItemsHandler {
  /** HTML pages are for people: at most this many rows. */
  static final int HTML_MAX = 1000;

  private final FeatureService features;
  private final Catalog catalog;
  private final ScenarioRegistry scenarios;
  private final CityTwinConfig config;

  ItemsHandler(FeatureService features, Catalog catalog, ScenarioRegistry scenarios, CityTwinConfig config) {
    this.features = features;
    this.catalog = catalog;
    this.scenarios = scenarios;
    this.config = config;
  }

  void items(RoutingContext ctx) {
    Layer layer = VisibleLayers.of(catalog, AccessView.of(ctx)).require(ctx.pathParam("collectionId"), "collectionId");
    String format = format(ctx, List.of("json", "geojson", "html", "csv"));
    ItemsRequest r = ItemsRequest.parse(layer, ctx.queryParams(), scenarios, AccessView.of(ctx), config.features().defaultLimit(),
        config.features().maxLimit());
    StreamPart part = StreamPart.of(r.query(), r.crs(), r.withGeometry());
    String self = self(ctx);
    ctx.response().putHeader("Content-Crs", "<" + r.crsUri() + ">");
    if (format.equals("html")) {
      int limit = Math.min(r.limit(), HTML_MAX);
      features.count(r.query()).compose(matched -> features.fetch(part, limit, r.offset()).onSuccess(page -> {
        String next = r.offset() + page.size() < matched ? pageUrl(self, r.offset() + limit, limit) : null;
        String previous = r.offset() > 0 ? pageUrl(self, Math.max(0, r.offset() - limit), limit) : null;
        ctx.response().putHeader("Content-Type", HtmlPage.MEDIA_TYPE).end(FeatureHtml.items(lang(ctx),
            config.service().title(), base(), part, page, matched, r.offset(), self, next, previous));
      })).onFailure(ctx::fail);
      return;
    }
    FeatureEncoder encoder;
    if (format.equals("csv")) {
      encoder = new CsvEncoder(part);
    } else {
      encoder = new GeoJsonEncoder(GeoJsonEncoder.MEDIA_TYPE, false, summary -> {
        List<Link> links = new ArrayList<>();
        links.add(new Link("self", GeoJsonEncoder.MEDIA_TYPE, "This page", self));
        links.add(new Link("alternate", "text/html", "This page as HTML", FeatureHtml.withF(self, "html")));
        links.add(new Link("collection", "application/json", layer.meta().title(lang(ctx)),
            UrlPaths.collection(base(), layer.id())));
        if (summary.more()) {
          links.add(new Link("next", GeoJsonEncoder.MEDIA_TYPE, "Next page",
              pageUrl(self, r.offset() + summary.numberReturned(), r.limit())));
        }
        if (r.offset() > 0) {
          links.add(new Link("prev", GeoJsonEncoder.MEDIA_TYPE, "Previous page",
              pageUrl(self, Math.max(0, r.offset() - r.limit()), r.limit())));
        }
        return links;
      });
    }
    // Pages read one feature ahead to know whether there is a next one. numberMatched: on the first page, counted
    // for a filtered query, taken from the layer's cached count for an unfiltered one; later pages leave it out.
    boolean unfiltered = r.query().bbox() == null && r.query().filter() == null && r.query().time() == null;
    StreamPlan.Matched matched = r.offset() > 0 ? StreamPlan.Matched.NONE
        : unfiltered ? StreamPlan.Matched.CHEAP : StreamPlan.Matched.EXACT;
    StreamPlan plan = StreamPlan.lookahead(part, r.offset(), r.limit(), matched);
    features.stream(ctx.response(), plan, encoder).onFailure(ctx::fail);
  }

  void item(RoutingContext ctx) {
    Layer layer = VisibleLayers.of(catalog, AccessView.of(ctx)).require(ctx.pathParam("collectionId"), "collectionId");
    String format = format(ctx, List.of("json", "geojson", "html"));
    if (layer.idColumn() == null) {
      throw ApiException.notFound("featureId", "Layer '" + layer.id() + "' has no feature ids");
    }
    String fid = ctx.pathParam("featureId");
    ReadParameters read = ReadParameters.parse(KvpParams.of(ctx.queryParams()), scenarios, AccessView.of(ctx));
    String crsUri = ctx.request().getParam("crs") == null ? SupportedCrs.CRS84_URI : ctx.request().getParam("crs");
    CrsName crs = SupportedCrs.parse(crsUri, "crs");
    LayerQuery q = LayerQuery.of(layer).scenario(read.scenario()).filter(new Filter.ResourceId(List.of(fid)))
        .build();
    StreamPart part = StreamPart.of(q, crs, true);
    String self = self(ctx);
    features.fetch(part, 1, 0).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(ApiException.notFound("featureId", "No feature '" + ErrorText.abbreviate(fid, 40) + "' in '" + layer.id() + "'"));
        return;
      }
      ctx.response().putHeader("Content-Crs", "<" + crsUri + ">");
      if (format.equals("html")) {
        ctx.response().putHeader("Content-Type", HtmlPage.MEDIA_TYPE).end(FeatureHtml.item(lang(ctx),
            config.service().title(), base(), part, found.get(0), self));
        return;
      }
      List<Link> links = List.of(
          new Link("self", GeoJsonEncoder.MEDIA_TYPE, "This feature", self),
          new Link("alternate", "text/html", "This feature as HTML", FeatureHtml.withF(self, "html")),
          new Link("collection", "application/json", layer.meta().title(lang(ctx)),
              UrlPaths.collection(base(), layer.id())));
      ctx.response().putHeader("Content-Type", GeoJsonEncoder.MEDIA_TYPE)
          .end(GeoJsonEncoder.feature(part, found.get(0), false, links));
    }).onFailure(ctx::fail);
  }

  /** {@code f} if given (one of {@code allowed}), else HTML for browsers, else JSON. */
  static String format(RoutingContext ctx, List<String> allowed) {
    String f = ctx.request().getParam("f");
    if (f != null) {
      String v = f.toLowerCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw ApiException.invalidParameter("f", "f must be one of " + String.join(", ", allowed));
      }
      return v.equals("geojson") ? "json" : v;
    }
    return HtmlPage.wanted(ctx) ? "html" : "json";
  }

  private String self(RoutingContext ctx) {
    String query = ctx.request().query();
    // the path as the client sent it (still percent-encoded), under the public base URL
    return base() + ctx.request().path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /** {@code url} with offset and limit replaced. */
  static String pageUrl(String url, long offset, int limit) {
    int q = url.indexOf('?');
    StringBuilder sb = new StringBuilder(q < 0 ? url : url.substring(0, q)).append('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        if (!pair.isEmpty() && !key.equalsIgnoreCase("offset") && !key.equalsIgnoreCase("limit")) {
          sb.append(pair).append('&');
        }
      }
    }
    return sb.append("offset=").append(offset).append("&limit=").append(limit).toString();
  }

  private String base() {
    return config.server().publicUrl();
  }

  private String lang(RoutingContext ctx) {
    return Language.of(ctx.request(), config.service().defaultLanguage());
  }

}
