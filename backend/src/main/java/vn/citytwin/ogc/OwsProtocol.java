package vn.citytwin.ogc;

import io.vertx.ext.web.RoutingContext;
import org.w3c.dom.Document;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;

/**
 * One classic OGC web service (WFS, WMS, …) behind {@link OwsRoutes}. The endpoint parses the transport (GET
 * query, form POST or XML POST), picks the service by its {@link #name()} and hands the request over; the service
 * answers on {@code ctx} or fails it with an {@link ApiException}, which the endpoint passes back to
 * {@link #fail} so each service reports errors in its own exception format.
 */
public interface OwsProtocol {
  /** The SERVICE value, upper case (e.g. {@code WFS}); also the default service at {@code /<name lower case>}. */
  String name();

  /** Handles a key-value-pair request (GET query or form POST). */
  void handle(RoutingContext ctx, KvpParams params);

  /**
   * Handles an XML POST request.
   *
   * @param request a namespace-aware DOM parsed safely (no DOCTYPE, bounded depth)
   * @param query the URL query parameters that came with the POST (e.g. {@code scenario})
   */
  void handle(RoutingContext ctx, Document request, KvpParams query);

  /** Writes {@code error} as this service's exception report; the response head is not written yet. */
  void fail(RoutingContext ctx, ApiException error);
}
