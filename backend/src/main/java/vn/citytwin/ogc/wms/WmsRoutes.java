package vn.citytwin.ogc.wms;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.HttpCaching;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.Language;
import vn.citytwin.ogc.OwsProtocol;
import org.w3c.dom.Document;
import vn.citytwin.render.MapRenderer;
import vn.citytwin.render.legend.LegendRenderer;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * The WMS behind the OWS endpoint ({@code /ows?SERVICE=WMS} and {@code /wms}; key-value requests by GET or form
 * POST, parameter names case-insensitive): GetCapabilities, GetMap, GetFeatureInfo and GetLegendGraphic in WMS
 * 1.1.1 and 1.3.0. Each handler parses into a request record on the event loop, calls its service (database and
 * drawing work run on worker pools) and writes the bytes; errors are rendered by {@link WmsExceptionReports}.
 */
public final class WmsRoutes implements OwsProtocol, LayerLinks {
  public static final String PATH = "/wms";
  private static final String PARAMS_KEY = "citytwin.wms.params";

  private final Catalog catalog;
  private final CityTwinConfig config;
  private final MapRequestParser mapParser;
  private final FeatureInfoParser infoParser;
  private final MapService maps;
  private final FeatureInfoService infos;
  private final LegendService legends;
  private final CapabilitiesService capabilities;

  private WmsRoutes(Catalog catalog, CityTwinConfig config, MapRequestParser mapParser,
      FeatureInfoParser infoParser, MapService maps, FeatureInfoService infos, LegendService legends,
      CapabilitiesService capabilities) {
    this.catalog = catalog;
    this.config = config;
    this.mapParser = mapParser;
    this.infoParser = infoParser;
    this.maps = maps;
    this.infos = infos;
    this.legends = legends;
    this.capabilities = capabilities;
  }

  /**
   * Builds the WMS over the shared services: styles from the classpath {@code styles/}, rendering on a worker
   * pool of one thread per core.
   */
  public static WmsRoutes create(Vertx vertx, Database db, Catalog catalog, ScenarioRegistry scenarios,
      LayerStatsService stats, CityTwinConfig config) {
    StyleLibrary styles = StyleLibrary.fromClasspath();
    WorkerExecutor renderers = vertx.createSharedWorkerExecutor("citytwin-wms",
        Math.max(2, Runtime.getRuntime().availableProcessors()));
    MapRequestParser mapParser = new MapRequestParser(styles, scenarios, config.wms());
    LegendRenderer legendRenderer = new LegendRenderer();
    String endpoint = config.server().publicUrl() + PATH;
    return new WmsRoutes(catalog, config, mapParser, new FeatureInfoParser(mapParser, scenarios),
        new MapService(db, renderers, new MapRenderer(), config.wms()), new FeatureInfoService(db, config.wms()),
        new LegendService(styles, legendRenderer, renderers),
        new CapabilitiesService(db, catalog, stats, styles, legendRenderer, config, endpoint));
  }

  @Override
  public String name() {
    return "WMS";
  }

  /** Answers one WMS key-value request; failures go to {@code ctx.fail}, then to {@link #fail}. */
  @Override
  public void handle(RoutingContext ctx, KvpParams p) {
    ctx.put(PARAMS_KEY, p);
    try {
      String service = p.get("SERVICE").orElse("WMS");
      if (!service.equalsIgnoreCase("WMS")) {
        throw ApiException.invalidParameter("SERVICE", "SERVICE must be WMS here, got '"
            + ErrorText.abbreviate(service) + "'");
      }
      String request = p.require("REQUEST").toLowerCase(Locale.ROOT);
      switch (request) {
        case "getcapabilities", "capabilities" -> getCapabilities(ctx, p);
        case "getmap", "map" -> getMap(ctx, p);
        case "getfeatureinfo", "feature_info" -> getFeatureInfo(ctx, p);
        case "getlegendgraphic" -> getLegendGraphic(ctx, p);
        default -> throw ApiException.notSupported("REQUEST", "Request '" + ErrorText.abbreviate(p.require(
            "REQUEST")) + "' is not supported: use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic")
            .withCode(WmsErrors.OPERATION_NOT_SUPPORTED);
      }
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  /** WMS has no XML request encoding here (the SLD GetMap XML form is not supported). */
  @Override
  public void handle(RoutingContext ctx, Document request, KvpParams query) {
    ctx.put(PARAMS_KEY, query);
    ctx.fail(ApiException.notSupported("REQUEST", "This WMS takes key-value requests (GET, or POST as "
        + "application/x-www-form-urlencoded), not XML documents").withCode(WmsErrors.OPERATION_NOT_SUPPORTED));
  }

  @Override
  public void fail(RoutingContext ctx, ApiException error) {
    KvpParams p = ctx.get(PARAMS_KEY);
    WmsExceptionReports.send(ctx, error, p != null ? p : KvpParams.of(ctx.queryParams()), config.wms());
  }

  /** The layers (and groups) the request's principal may see. */
  private WmsLayers layers(RoutingContext ctx) {
    return new WmsLayers(VisibleLayers.of(catalog, AccessView.of(ctx)));
  }

  private void getCapabilities(RoutingContext ctx, KvpParams p) {
    WmsVersion version = WmsVersion.negotiate(p.get("VERSION").or(() -> p.get("WMTVER")).orElse(null));
    String language = language(p);
    checkUpdateSequence(p, layers(ctx));
    capabilities.capabilities(version, language, layers(ctx)).onSuccess(doc -> ctx.response()
        .putHeader("Content-Type", version == WmsVersion.V1_3_0 ? "text/xml; charset=utf-8"
            : "application/vnd.ogc.wms_xml; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(doc)).onFailure(ctx::fail);
  }

  /** UPDATESEQUENCE equal to the current one: CurrentUpdateSequence; greater: InvalidUpdateSequence. */
  private void checkUpdateSequence(KvpParams p, WmsLayers layers) {
    String s = p.get("UPDATESEQUENCE").orElse(null);
    if (s == null) {
      return;
    }
    long current = capabilities.updateSequence(layers);
    long asked;
    try {
      asked = Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("UPDATESEQUENCE", "UPDATESEQUENCE must be a number")
          .withCode(WmsErrors.INVALID_UPDATE_SEQUENCE);
    }
    if (asked == current) {
      throw ApiException.invalidParameter("UPDATESEQUENCE", "The capabilities have not changed since update "
          + "sequence " + current).withCode(WmsErrors.CURRENT_UPDATE_SEQUENCE);
    }
    if (asked > current) {
      throw ApiException.invalidParameter("UPDATESEQUENCE", "Update sequence " + asked + " is ahead of the "
          + "server's " + current).withCode(WmsErrors.INVALID_UPDATE_SEQUENCE);
    }
  }

  private String language(KvpParams p) {
    return Language.parameter(p.get("language").orElse(null), config.service().defaultLanguage(), "LANGUAGE");
  }

  private void getMap(RoutingContext ctx, KvpParams p) {
    GetMapRequest r = mapParser.getMap(p, layers(ctx));
    StringBuilder versions = new StringBuilder();
    r.layers().forEach(l -> versions.append(l.layer().id()).append('@')
        .append(catalog.versions().of(l.layer().id())).append(';'));
    String etag = HttpCaching.etag("wms", versions, r.scenario().cacheKey(), r.cacheKey());
    if (HttpCaching.notModified(ctx, etag, 0)) {
      return;
    }
    maps.getMap(r).onSuccess(img -> sendImage(ctx, img)).onFailure(ctx::fail);
  }

  private void getFeatureInfo(RoutingContext ctx, KvpParams p) {
    FeatureInfoRequest r = infoParser.parse(p, layers(ctx));
    infos.getFeatureInfo(r).onSuccess(found -> ctx.response()
        .putHeader("Content-Type", r.format().contentType())
        .putHeader("Cache-Control", "no-cache")
        .end(FeatureInfoWriter.write(r.format(), found, r.view()))).onFailure(ctx::fail);
  }

  private void getLegendGraphic(RoutingContext ctx, KvpParams p) {
    Future<MapImage> legend = legends.legend(p, language(p), layers(ctx));
    legend.onSuccess(img -> {
      ctx.response().putHeader("Cache-Control", "public, max-age=300");
      sendImage(ctx, img);
    }).onFailure(ctx::fail);
  }

  private static void sendImage(RoutingContext ctx, MapImage img) {
    ctx.response().putHeader("Content-Type", img.contentType())
        .putHeader("Server-Timing", img.serverTiming())
        .end(Buffer.buffer(img.bytes()));
  }

  @Override
  public List<Link> linksFor(Layer layer, String baseUrl) {
    String wms = baseUrl + PATH;
    String name = URLEncoder.encode(layer.id(), StandardCharsets.UTF_8);
    return List.of(
        new Link("capabilities", "text/xml", "WMS 1.3.0 capabilities",
            wms + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"),
        new Link("map", "image/png", "WMS GetMap (add BBOX, WIDTH, HEIGHT)",
            wms + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + name
                + "&STYLES=&CRS=EPSG:3857&FORMAT=image/png&TRANSPARENT=TRUE"),
        new Link("legend", "image/png", "WMS legend",
            wms + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=" + name));
  }
}
