package vn.citytwin.access;

import io.vertx.core.Vertx;
import java.util.List;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;
import vn.citytwin.core.http.Mountable;

/** Access control assembled once for the server: rules, credentials, the request handler, the audit log, routes. */
public final class AccessService {
  private final AccessRules rules;
  private final Credentials credentials;
  private final Authenticator authenticator;
  private final Audit audit;
  private final List<Mountable> routes;

  public AccessService(Vertx vertx, Database db, CityTwinConfig.Access config) {
    this.rules = new AccessRules(db);
    this.credentials = new Credentials(vertx, db, config);
    LoginThrottle throttle = new LoginThrottle(config.loginMaxFailures(), config.loginWindowSeconds());
    this.authenticator = new Authenticator(credentials, rules, throttle);
    this.audit = new Audit(db);
    this.routes = new AccessRoutes(vertx, db, credentials, throttle, audit).mounts();
  }

  public void listen(Notifications notifications) {
    rules.listen(notifications);
    credentials.listen(notifications);
  }

  public AccessRules rules() {
    return rules;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public Audit audit() {
    return audit;
  }

  public List<Mountable> routes() {
    return routes;
  }
}
