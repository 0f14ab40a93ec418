package vn.citytwin.catalog;

import java.util.List;

/**
 * Each capability that serves layers says where: the links it contributes to {@code /api/layers/{id}}.
 * The composition root collects them, so the catalog never needs to know which protocols exist.
 */
@FunctionalInterface
public interface LayerLinks {
  /** @param baseUrl the server's public base URL without trailing slash */
  List<Link> linksFor(Layer layer, String baseUrl);

  /** The JSON form of a link, for code that has no {@link Link} at hand. */
  static io.vertx.core.json.JsonObject link(String rel, String type, String title, String href) {
    return new Link(rel, type, title, href).toJson();
  }

  /** A web link (RFC 8288 style, as OGC API uses it). */
  record Link(String rel, String type, String title, String href) {
    /** The JSON form every API of ours uses: {@code {"rel","type","title","href"}}. */
    public io.vertx.core.json.JsonObject toJson() {
      return new io.vertx.core.json.JsonObject().put("rel", rel).put("type", type).put("title", title)
          .put("href", href);
    }
  }
}
