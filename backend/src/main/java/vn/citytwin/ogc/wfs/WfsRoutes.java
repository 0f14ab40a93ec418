package vn.citytwin.ogc.wfs;

import vn.citytwin.access.Role;
import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerStats;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.edit.ValueSyntax;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.ogc.OwsExceptionReport;
import vn.citytwin.ogc.OwsProtocol;
import vn.citytwin.features.FeatureEditService;
import vn.citytwin.features.FeatureService;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * OGC WFS 2.0.0, 1.1.0 and 1.0.0 over the catalog's public layers: GetCapabilities (with version negotiation),
 * DescribeFeatureType, GetFeature, GetPropertyValue (2.0), ListStoredQueries, DescribeStoredQueries and (when
 * enabled in the configuration) Transaction, as KVP (GET or form POST) or XML POST. Errors are OWS ExceptionReports
 * in the request's version (1.0.0: an OGC ServiceExceptionReport). Locking is not offered.
 */
public final class WfsRoutes implements OwsProtocol {
  private static final String VERSION_KEY = "citytwin.wfs.version";

  private final Catalog catalog;
  private final LayerStatsService stats;
  private final ScenarioRegistry scenarios;
  private final GetFeatureHandler getFeature;
  private final FeatureEditService edits;
  private final CityTwinConfig config;

  public WfsRoutes(Catalog catalog, LayerStatsService stats, ScenarioRegistry scenarios, FeatureService features,
                    FeatureEditService edits, CityTwinConfig config) {
    this.catalog = catalog;
    this.stats = stats;
    this.scenarios = scenarios;
    this.getFeature = new GetFeatureHandler(features, config.features().maxLimit());
    this.edits = edits;
    this.config = config;
  }

  @Override
  public String name() {
    return "WFS";
  }

  @Override
  public void handle(RoutingContext ctx, KvpParams p) {
    String request = p.require("REQUEST");
    if (request.equalsIgnoreCase("GetCapabilities")) {
      WfsVersion v = WfsVersion.negotiate(p.get("ACCEPTVERSIONS").orElse(null), p.get("VERSION").orElse(null));
      ctx.put(VERSION_KEY, v);
      capabilities(ctx, v);
      return;
    }
    WfsVersion v = WfsVersion.parse(p.get("VERSION").orElse("2.0.0"));
    ctx.put(VERSION_KEY, v);
    int max = config.features().maxLimit();
    switch (request.toLowerCase(Locale.ROOT)) {
      case "describefeaturetype" -> {
        List<String> types = new ArrayList<>();
        p.get("TYPENAMES").or(() -> p.get("TYPENAME")).ifPresent(t -> types.addAll(KvpLists.items(t
            .replace("(", "").replace(")", ","))));
        describe(ctx, v, types, p.get("OUTPUTFORMAT").orElse(null));
      }
      case "getfeature" -> getFeature.handle(ctx, kvpParser(ctx).parse(p, v, false, max), endpoint(ctx));
      case "getpropertyvalue" -> getFeature.handle(ctx, propertyValue(v, kvpParser(ctx).parse(p, v, true, max)),
          endpoint(ctx));
      case "liststoredqueries" -> xml(ctx, "application/xml; charset=utf-8",
          StoredQueries.list(names(ctx).all()));
      case "describestoredqueries" -> xml(ctx, "application/xml; charset=utf-8", StoredQueries.describe(
          KvpLists.items(p.get("STOREDQUERY_ID").orElse(null)), names(ctx).all()));
      case "transaction" -> throw ApiException.notSupported("request",
          "Transaction is accepted as XML POST only");
      default -> throw ApiException.notSupported("request", "Operation '" + ErrorText.abbreviate(request)
          + "' is not offered");
    }
  }

  @Override
  public void handle(RoutingContext ctx, Document request, KvpParams query) {
    Element root = request.getDocumentElement();
    String op = XmlElements.local(root);
    if (op.equals("GetCapabilities")) {
      Element accept = XmlElements.child(root, "AcceptVersions");
      String versions = accept == null ? null : String.join(",", XmlElements.children(accept, "Version").stream()
          .map(XmlElements::text).toList());
      WfsVersion v = WfsVersion.negotiate(versions, XmlElements.attr(root, "version"));
      ctx.put(VERSION_KEY, v);
      capabilities(ctx, v);
      return;
    }
    WfsVersion v = WfsVersion.parse(root.getAttribute("version").isBlank() ? "2.0.0" : root.getAttribute("version"));
    ctx.put(VERSION_KEY, v);
    int max = config.features().maxLimit();
    switch (op) {
      case "DescribeFeatureType" -> describe(ctx, v, WfsXmlRequests.describeTypeNames(root),
          XmlElements.attr(root, "outputFormat"));
      case "GetFeature" -> getFeature.handle(ctx, xmlParser(ctx).getFeature(root, v, query, false, max), endpoint(ctx));
      case "GetPropertyValue" -> getFeature.handle(ctx, propertyValue(v, xmlParser(ctx).getFeature(root, v, query, true,
          max)), endpoint(ctx));
      case "ListStoredQueries" -> xml(ctx, "application/xml; charset=utf-8",
          StoredQueries.list(names(ctx).all()));
      case "DescribeStoredQueries" -> xml(ctx, "application/xml; charset=utf-8", StoredQueries.describe(
          XmlElements.children(root, "StoredQueryId").stream().map(XmlElements::text).toList(),
          names(ctx).all()));
      case "Transaction" -> transaction(ctx, root, v, query);
      case "LockFeature", "GetFeatureWithLock" -> throw ApiException.notSupported("request",
          "Locking is not offered by this server");
      default -> throw ApiException.notSupported("request", "Operation '" + op + "' is not offered");
    }
  }

  @Override
  public void fail(RoutingContext ctx, ApiException error) {
    WfsVersion v = ctx.get(VERSION_KEY);
    if (v == null) {
      v = requestedVersion(ctx); // failed before the request was read (e.g. a too-long GET)
    }
    if (v == WfsVersion.V1_0_0) {
      ServiceExceptionReport10.send(ctx, error);
      return;
    }
    OwsExceptionReport.send(ctx, error, v.ows(), v.text());
  }

  /** The VERSION of a KVP request when it names a served one, else 2.0.0. */
  private static WfsVersion requestedVersion(RoutingContext ctx) {
    try {
      return WfsVersion.parse(KvpParams.of(ctx.queryParams()).get("VERSION").orElse("2.0.0"));
    } catch (ApiException e) {
      return WfsVersion.V2_0_0;
    }
  }

  /** The feature types the request's principal may see (hidden layers are unknown types, as nonexistent ones). */
  private WfsNames names(RoutingContext ctx) {
    return new WfsNames(VisibleLayers.of(catalog, AccessView.of(ctx)).all());
  }

  private GetFeatureKvp kvpParser(RoutingContext ctx) {
    return new GetFeatureKvp(names(ctx), scenarios, AccessView.of(ctx));
  }

  private WfsXmlRequests xmlParser(RoutingContext ctx) {
    return new WfsXmlRequests(names(ctx), scenarios, AccessView.of(ctx));
  }

  private static GetFeatureRequest propertyValue(WfsVersion v, GetFeatureRequest r) {
    if (v != WfsVersion.V2_0_0) {
      throw ApiException.notSupported("request", "GetPropertyValue is a WFS 2.0 operation");
    }
    return r;
  }

  private void capabilities(RoutingContext ctx, WfsVersion v) {
    List<Layer> layers = names(ctx).all();
    List<Future<LayerStats>> all = layers.stream().map(stats::stats).toList();
    Future.join(all).onComplete(done -> {
      Map<String, LayerStats> byId = new HashMap<>();
      for (int i = 0; i < layers.size(); i++) {
        if (all.get(i).succeeded()) {
          byId.put(layers.get(i).id(), all.get(i).result());
        }
      }
      CapabilitiesInput in = new CapabilitiesInput(endpoint(ctx), config.service(), layers, byId,
          config.wfs().transactionsEnabled(), config.features().maxLimit());
      String doc = switch (v) {
        case V2_0_0 -> Capabilities20Writer.write(in);
        case V1_1_0 -> Capabilities11Writer.write(in);
        case V1_0_0 -> Capabilities10Writer.write(in);
      };
      xml(ctx, "application/xml; charset=utf-8", doc);
    });
  }

  private void describe(RoutingContext ctx, WfsVersion v, List<String> typeNames, String outputFormat) {
    List<Layer> layers = new ArrayList<>();
    for (String t : typeNames) {
      Layer l = names(ctx).layer(t, "typeNames");
      if (!layers.contains(l)) {
        layers.add(l);
      }
    }
    if (layers.isEmpty()) {
      layers.addAll(names(ctx).all());
    }
    GmlVersion gml = v.gml();
    if (outputFormat != null && !outputFormat.equalsIgnoreCase("XMLSCHEMA")) {
      WfsOutputFormat f = WfsOutputFormat.parse(outputFormat, v);
      if (f.gml() == null) {
        throw ApiException.invalidParameter("outputFormat", "DescribeFeatureType answers with XML Schema for GML");
      }
      gml = f.gml();
    }
    xml(ctx, gml.mimeType(), FeatureTypeSchemaWriter.write(layers, gml));
  }

  private void transaction(RoutingContext ctx, Element root, WfsVersion v, KvpParams query) {
    if (!config.wfs().transactionsEnabled()) {
      throw new ApiException(ErrorKind.FORBIDDEN, "OperationNotSupported", "Transaction",
          "Transactions are disabled on this server (setting wfs.transactions.enabled)", null);
    }
    if (query.has("scenario")) {
      throw ApiException.notSupported("scenario", "Transactions edit the base city; edit scenarios through the"
          + " planning API");
    }
    AccessView.of(ctx).require(Role.GIS_ADMIN, "Transaction");
    var parsed = new TransactionParser(names(ctx)).parse(root, v);
    edits.apply(parsed, ValueSyntax.TEXT).onSuccess(result -> xml(ctx, "application/xml; charset=utf-8",
        TransactionResponseWriter.write(result, v))).onFailure(ctx::fail);
  }

  /** The URL clients call this endpoint at: the public base URL and the path the request came in on. */
  private String endpoint(RoutingContext ctx) {
    String mount = ctx.mountPoint() == null ? "/ows" : ctx.mountPoint();
    if (mount.endsWith("/")) {
      mount = mount.substring(0, mount.length() - 1);
    }
    return config.server().publicUrl() + mount;
  }

  private static void xml(RoutingContext ctx, String type, String body) {
    ctx.response().putHeader("Content-Type", type).end(body);
  }
}
