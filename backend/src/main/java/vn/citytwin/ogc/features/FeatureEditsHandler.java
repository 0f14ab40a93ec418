package vn.citytwin.ogc.features;

import vn.citytwin.access.Role;
import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.features.FeatureEdit;
import vn.citytwin.features.FeatureEditService;
import vn.citytwin.features.GeoJsonFeatureReader;
import vn.citytwin.edit.ValueSyntax;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.Filter;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.ogc.UrlPaths;

/**
 * OGC API – Features Part 4: {@code POST /items} (a Feature or FeatureCollection; 201 with Location of the first
 * new feature), {@code PUT /items/{id}} (replace), {@code PATCH /items/{id}} (JSON merge patch of properties and
 * geometry) and {@code DELETE /items/{id}}, each one all-or-nothing through {@link FeatureEditService}. Refused
 * (403) unless transactions are enabled in the configuration; scenarios are edited through the planning API.
 */
final class FeatureEditsHandler {
  private final FeatureEditService edits;
  private final Catalog catalog;
  private final CityTwinConfig config;

  FeatureEditsHandler(FeatureEditService edits, Catalog catalog, CityTwinConfig config) {
    this.edits = edits;
    this.catalog = catalog;
    this.config = config;
  }

  void create(RoutingContext ctx) {
    Layer layer = writable(ctx);
    List<FeatureEdit.NewFeature> features = GeoJsonFeatureReader.read(body(ctx), layer, contentCrs(ctx));
    edits.apply(List.of(new FeatureEdit.Insert(layer, features, null)), ValueSyntax.JSON).onSuccess(r -> {
      if (!r.inserted().isEmpty() && r.inserted().get(0).id() != null) {
        ctx.response().putHeader("Location", UrlPaths.collection(config.server().publicUrl(), layer.id())
            + "/items/" + r.inserted().get(0).id());
      }
      ctx.response().setStatusCode(201).end();
    }).onFailure(ctx::fail);
  }

  void replace(RoutingContext ctx) {
    Layer layer = writable(ctx);
    List<FeatureEdit.NewFeature> features = GeoJsonFeatureReader.read(body(ctx), layer, contentCrs(ctx));
    if (features.size() != 1) {
      throw ApiException.invalidParameter("body", "PUT takes one Feature");
    }
    String id = ctx.pathParam("featureId");
    edits.apply(List.of(new FeatureEdit.Replace(layer, id, features.get(0), null)), ValueSyntax.JSON)
        .onSuccess(r -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  void patch(RoutingContext ctx) {
    Layer layer = writable(ctx);
    FeatureEdit.NewFeature patch = GeoJsonFeatureReader.feature(new io.vertx.core.json.JsonObject(body(ctx)), layer,
        contentCrs(ctx));
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(patch.values());
    if (patch.geometry() != null) {
      values.put(layer.geometryColumn(), patch.geometry());
    }
    String id = ctx.pathParam("featureId");
    edits.apply(List.of(new FeatureEdit.Update(layer, values, new Filter.ResourceId(List.of(id)), null)), ValueSyntax.JSON)
        .onSuccess(r -> {
          if (r.totalUpdated() == 0) {
            ctx.fail(ApiException.notFound("featureId", "No feature '" + id + "' in '" + layer.id() + "'"));
          } else {
            ctx.response().setStatusCode(204).end();
          }
        }).onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    Layer layer = writable(ctx);
    String id = ctx.pathParam("featureId");
    edits.apply(List.of(new FeatureEdit.Delete(layer, new Filter.ResourceId(List.of(id)), null)), ValueSyntax.JSON).onSuccess(r -> {
      if (r.totalDeleted() == 0) {
        ctx.fail(ApiException.notFound("featureId", "No feature '" + id + "' in '" + layer.id() + "'"));
      } else {
        ctx.response().setStatusCode(204).end();
      }
    }).onFailure(ctx::fail);
  }

  private Layer writable(RoutingContext ctx) {
    if (!config.wfs().transactionsEnabled()) {
      throw new ApiException(ErrorKind.FORBIDDEN, null, null,
          "Editing is disabled on this server (setting wfs.transactions.enabled)", null);
    }
    AccessView access = AccessView.of(ctx);
    access.require(Role.GIS_ADMIN, "Editing features");
    if (ctx.request().getParam("scenario") != null) {
      throw ApiException.notSupported("scenario", "Edits apply to the base city; edit scenarios through the"
          + " planning API");
    }
    return VisibleLayers.of(catalog, access).require(ctx.pathParam("collectionId"), "collectionId");
  }

  private static CrsName contentCrs(RoutingContext ctx) {
    String h = ctx.request().getHeader("Content-Crs");
    if (h == null || h.isBlank()) {
      return CrsName.CRS84;
    }
    String uri = h.trim();
    if (uri.startsWith("<") && uri.endsWith(">")) {
      uri = uri.substring(1, uri.length() - 1);
    }
    return SupportedCrs.parse(uri, "Content-Crs");
  }

  private static String body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiException.missingParameter("body");
    }
    return ctx.body().asString("UTF-8");
  }
}
