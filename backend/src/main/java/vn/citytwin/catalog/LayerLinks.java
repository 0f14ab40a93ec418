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

  /** A web link (RFC 8288 style, as OGC API uses it). */
  record Link(String rel, String type, String title, String href) {}
}
