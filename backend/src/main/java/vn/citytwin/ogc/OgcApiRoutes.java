package vn.citytwin.ogc;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Language;
import vn.citytwin.core.http.Mountable;

/**
 * The OGC API root at {@code /ogc}: landing page, {@code /conformance}, {@code /api} (OpenAPI 3.0) and the
 * collections list/description, merged from every {@link OgcApiPart} (Features, Tiles, …), which add their own
 * routes below. JSON here; parts may offer HTML for their resources.
 */
public final class OgcApiRoutes implements Mountable {
  public static final String CORE = "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core";
  public static final String COLLECTIONS = "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections";
  public static final String JSON = "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json";
  public static final String OAS30 = "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/oas30";

  private final Router router;
  private final Catalog catalog;
  private final LayerStatsService stats;
  private final List<OgcApiPart> parts;
  private final CityTwinConfig.Service service;
  private final String base;

  public OgcApiRoutes(Vertx vertx, Catalog catalog, LayerStatsService stats, List<OgcApiPart> parts,
                CityTwinConfig config) {
    this.catalog = catalog;
    this.stats = stats;
    this.parts = List.copyOf(parts);
    this.service = config.service();
    this.base = config.server().publicUrl();
    this.router = Router.router(vertx);
    router.get("/").handler(this::landing);
    router.get("/conformance").handler(this::conformance);
    router.get("/api").handler(this::openApi);
    router.get("/collections").handler(this::collections);
    router.get("/collections/:collectionId").handler(this::collection);
    for (OgcApiPart part : parts) {
      part.addRoutes(router);
    }
    router.route().failureHandler(new JsonErrors());
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/ogc");
  }

  @Override
  public Router router() {
    return router;
  }

  /** Every conformance class of the root and its parts, in a stable order. */
  public Set<String> conformanceClasses() {
    Set<String> all = new LinkedHashSet<>(List.of(CORE, COLLECTIONS, JSON, OAS30));
    parts.forEach(p -> all.addAll(p.conformanceClasses()));
    return all;
  }

  private void landing(RoutingContext ctx) {
    String lang = language(ctx);
    JsonArray links = new JsonArray()
        .add(LayerLinks.link("self", "application/json", "This document", base + "/ogc"))
        .add(LayerLinks.link("service-desc", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI definition",
            base + "/ogc/api"))
        .add(LayerLinks.link("conformance", "application/json", "Conformance classes", base + "/ogc/conformance"))
        .add(LayerLinks.link("data", "application/json", "Collections", base + "/ogc/collections"));
    for (OgcApiPart p : parts) {
      p.landingLinks(base).forEach(l -> links.add(l.toJson()));
    }
    if (HtmlPage.wanted(ctx)) {
      List<LayerLinks.Link> items = new ArrayList<>();
      items.add(new LayerLinks.Link("data", "text/html", "Collections", base + "/ogc/collections?f=html"));
      items.add(new LayerLinks.Link("conformance", "text/html", "Conformance classes",
          base + "/ogc/conformance?f=html"));
      items.add(new LayerLinks.Link("service-desc", "application/vnd.oai.openapi+json;version=3.0",
          "OpenAPI definition", base + "/ogc/api"));
      new HtmlPage(lang, service.title(), service.title(), List.of(new LayerLinks.Link("home", null,
          service.title(), base + "/ogc")), base + "/ogc?f=json")
          .paragraph(service.abstractText()).links(items).send(ctx);
      return;
    }
    json(ctx, new JsonObject().put("title", service.title()).put("description", service.abstractText())
        .put("language", lang).put("links", links));
  }

  private void conformance(RoutingContext ctx) {
    if (HtmlPage.wanted(ctx)) {
      StringBuilder list = new StringBuilder("<ul>");
      conformanceClasses().forEach(c -> list.append("<li><code>").append(HtmlPage.esc(c)).append("</code></li>"));
      new HtmlPage(language(ctx), service.title(), "Conformance", List.of(
          new LayerLinks.Link("home", null, service.title(), base + "/ogc?f=html"),
          new LayerLinks.Link("self", null, "Conformance", base + "/ogc/conformance")),
          base + "/ogc/conformance?f=json").raw(list.append("</ul>").toString()).send(ctx);
      return;
    }
    json(ctx, new JsonObject().put("conformsTo", new JsonArray(new ArrayList<>(conformanceClasses()))));
  }

  private void openApi(RoutingContext ctx) {
    JsonObject paths = new JsonObject()
        .put("/", pathItem("Landing page"))
        .put("/conformance", pathItem("Conformance classes"))
        .put("/collections", pathItem("Collections"))
        .put("/collections/{collectionId}", pathItem("One collection"));
    VisibleLayers visible = VisibleLayers.of(catalog, AccessView.of(ctx));
    parts.forEach(p -> paths.mergeIn(p.openApiPaths(visible)));
    JsonObject doc = new JsonObject().put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", service.title()).put("version", "1.0")
            .put("description", service.abstractText())
            .put("contact", new JsonObject().put("email", service.contactEmail())))
        .put("servers", new JsonArray().add(new JsonObject().put("url", base + "/ogc")))
        .put("paths", paths);
    ctx.response().putHeader("Content-Type", "application/vnd.oai.openapi+json;version=3.0").end(doc.encode());
  }

  private static JsonObject pathItem(String summary) {
    return new JsonObject().put("get", new JsonObject().put("summary", summary)
        .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))));
  }

  private void collections(RoutingContext ctx) {
    String lang = language(ctx);
    List<Layer> layers = VisibleLayers.of(catalog, AccessView.of(ctx)).all();
    JsonArray items = new JsonArray();
    for (Layer l : layers) {
      items.add(describe(l, lang));
    }
    if (HtmlPage.wanted(ctx)) {
      StringBuilder table = new StringBuilder("<table><tr><th>Collection</th><th>Description</th><th>Extent</th></tr>");
      for (int i = 0; i < layers.size(); i++) {
        JsonObject c = items.getJsonObject(i);
        table.append("<tr><td><a href=\"").append(HtmlPage.esc(UrlPaths.collection(base, layers.get(i).id())
            + "?f=html")).append("\">").append(HtmlPage.esc(c.getString("title"))).append("</a></td><td>")
            .append(HtmlPage.esc(c.getString("description"))).append("</td><td class=\"muted\">")
            .append(HtmlPage.esc(String.valueOf(c.getJsonObject("extent").getJsonObject("spatial")
                .getValue("bbox", "")))).append("</td></tr>");
      }
      new HtmlPage(lang, service.title(), "Collections", List.of(
          new LayerLinks.Link("home", null, service.title(), base + "/ogc?f=html"),
          new LayerLinks.Link("self", null, "Collections", base + "/ogc/collections")),
          base + "/ogc/collections?f=json").raw(table.append("</table>").toString()).send(ctx);
      return;
    }
    json(ctx, new JsonObject()
        .put("links", new JsonArray().add(LayerLinks.link("self", "application/json", "Collections", base + "/ogc/collections")))
        .put("collections", items));
  }

  private void collection(RoutingContext ctx) {
    Layer layer = VisibleLayers.of(catalog, AccessView.of(ctx)).require(ctx.pathParam("collectionId"), "collectionId");
    String lang = language(ctx);
    JsonObject c = describe(layer, lang);
    if (HtmlPage.wanted(ctx)) {
      List<LayerLinks.Link> links = new ArrayList<>();
      for (Object o : c.getJsonArray("links")) {
        JsonObject l = (JsonObject) o;
        if (!"self".equals(l.getString("rel"))) {
          links.add(new LayerLinks.Link(l.getString("rel"), l.getString("type"), l.getString("title"),
              l.getString("href")));
        }
      }
      new HtmlPage(lang, service.title(), c.getString("title"), List.of(
          new LayerLinks.Link("home", null, service.title(), base + "/ogc?f=html"),
          new LayerLinks.Link("data", null, "Collections", base + "/ogc/collections?f=html"),
          new LayerLinks.Link("self", null, c.getString("title"), "")),
          UrlPaths.collection(base, layer.id()) + "?f=json")
          .paragraph(c.getString("description")).links(links).send(ctx);
      return;
    }
    json(ctx, c);
  }

  /** A collection description: id, titles, extent (spatial from cached stats, temporal if time-enabled), links. */
  public JsonObject describe(Layer layer, String lang) {
    var s = stats.statsNowIfCached(layer);
    JsonObject spatial = new JsonObject().put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    if (s != null && s.bbox() != null) {
      spatial.put("bbox", new JsonArray().add(new JsonArray().add(s.bbox()[0]).add(s.bbox()[1]).add(s.bbox()[2])
          .add(s.bbox()[3])));
    }
    JsonArray links = new JsonArray()
        .add(LayerLinks.link("self", "application/json", layer.meta().title(lang), UrlPaths.collection(base, layer.id())));
    for (OgcApiPart p : parts) {
      p.collectionLinks(layer, base).forEach(l -> links.add(l.toJson()));
    }
    JsonObject c = new JsonObject().put("id", layer.id()).put("title", layer.meta().title(lang))
        .put("description", layer.meta().abstractText(lang))
        .put("extent", new JsonObject().put("spatial", spatial))
        .put("itemType", "feature")
        .put("crs", new JsonArray().add("http://www.opengis.net/def/crs/OGC/1.3/CRS84"))
        .put("links", links);
    if (layer.meta().attribution() != null) {
      c.put("attribution", layer.meta().attribution());
    }
    parts.forEach(p -> p.describeCollection(layer, c));
    return c;
  }

  private String language(RoutingContext ctx) {
    return Language.of(ctx.request(), service.defaultLanguage());
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

}
