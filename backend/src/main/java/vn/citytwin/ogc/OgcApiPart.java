package vn.citytwin.ogc;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;

/**
 * One part of the OGC API at {@code /ogc} (Features, Tiles, …). The OGC API root owns the landing page,
 * {@code /conformance}, {@code /api} and {@code /collections}; each part adds its routes, its conformance classes,
 * its landing-page links and its links (and members) on each collection. The root merges them, so a new part never
 * edits another's code (after pygeoapi's per-API CONFORMANCE_CLASSES and OpenAPI fragments).
 */
public interface OgcApiPart {
  /** Conformance class URIs this part implements. */
  List<String> conformanceClasses();

  /** Adds this part's routes to the {@code /ogc} router (paths relative to {@code /ogc}). */
  void addRoutes(Router ogcRouter);

  /** Links for the landing page. @param baseUrl public base URL without trailing slash */
  default List<LayerLinks.Link> landingLinks(String baseUrl) {
    return List.of();
  }

  /** Links for one collection's description. */
  default List<LayerLinks.Link> collectionLinks(Layer layer, String baseUrl) {
    return List.of();
  }

  /**
   * Adds this part's members to one collection's description (e.g. the CRS list of Features Part 2); called after
   * the root has filled in id, titles, extent and links.
   */
  default void describeCollection(Layer layer, JsonObject collection) {}

  /** OpenAPI 3.0 path items this part serves for the layers the reader may see, keyed by path (relative to /ogc). */
  default JsonObject openApiPaths(vn.citytwin.query.VisibleLayers layers) {
    return new JsonObject();
  }
}
