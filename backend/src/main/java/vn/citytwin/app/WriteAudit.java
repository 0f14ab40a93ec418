package vn.citytwin.app;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.access.AccessView;
import vn.citytwin.access.Audit;

/**
 * Records every request that may write (POST, PUT, PATCH, DELETE) in the audit log when its answer has been sent:
 * who, what (method and path), from where, the HTTP status. Logins are recorded by the login route itself.
 */
final class WriteAudit implements Handler<RoutingContext> {
  private final Audit audit;

  WriteAudit(Audit audit) {
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    String path = ctx.request().path();
    if ((m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.PATCH || m == HttpMethod.DELETE)
        && !path.startsWith("/api/auth/")) {
      String who = AccessView.of(ctx).principal().name();
      String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
      ctx.addEndHandler(done -> audit.record(who, m.name() + " " + path, ctx.request().query(), address,
          Integer.toString(ctx.response().getStatusCode())));
    }
    ctx.next();
  }
}
