package vn.citytwin.access;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;

/**
 * The HTTP face of access control: {@code /api/auth} (login → short-lived JWT + refresh token, refresh, me),
 * {@code /api/tokens} (admins create, list and revoke API tokens), {@code /api/users} (admins create users) and
 * {@code /api/audit} (admins read the audit log). Errors are JSON; logins and every admin write are audited.
 */
public final class AccessRoutes {
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final Database db;
  private final Credentials credentials;
  private final LoginThrottle throttle;
  private final Audit audit;

  public AccessRoutes(Vertx vertx, Database db, Credentials credentials, LoginThrottle throttle, Audit audit) {
    this.vertx = vertx;
    this.db = db;
    this.credentials = credentials;
    this.throttle = throttle;
    this.audit = audit;
  }

  public List<Mountable> mounts() {
    Router auth = router();
    auth.post("/login").handler(this::login);
    auth.post("/refresh").handler(this::refresh);
    auth.get("/me").handler(ctx -> json(ctx, 200, principalJson(AccessView.of(ctx).principal())));
    Router tokens = router();
    tokens.route().handler(ctx -> requireAdmin(ctx));
    tokens.post("/").handler(this::createToken);
    tokens.get("/").handler(this::listTokens);
    tokens.delete("/:id").handler(this::revokeToken);
    Router users = router();
    users.route().handler(ctx -> requireAdmin(ctx));
    users.post("/").handler(this::createUser);
    Router auditLog = router();
    auditLog.route().handler(ctx -> requireAdmin(ctx));
    auditLog.get("/").handler(ctx -> audit.latest(Math.min(1000, intParam(ctx, "limit", 100)))
        .onSuccess(a -> json(ctx, 200, new JsonObject().put("entries", a))).onFailure(ctx::fail));
    return List.of(mount("/api/auth", auth), mount("/api/tokens", tokens), mount("/api/users", users),
        mount("/api/audit", auditLog));
  }

  private Router router() {
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    r.route().failureHandler(new JsonErrors());
    return r;
  }

  private static Mountable mount(String path, Router router) {
    return new Mountable() {
      @Override
      public List<String> mountPaths() {
        return List.of(path);
      }

      @Override
      public Router router() {
        return router;
      }
    };
  }

  private static void requireAdmin(RoutingContext ctx) {
    Principal p = AccessView.of(ctx).principal();
    if (p.isAnonymous()) {
      ctx.response().putHeader("WWW-Authenticate", Authenticator.CHALLENGE);
      ctx.fail(ApiException.unauthorized("Sign in as an admin"));
    } else if (!p.may(Role.ADMIN)) {
      ctx.fail(ApiException.forbidden("Only admins may do this"));
    } else {
      ctx.next();
    }
  }

  /** {@code {"username": …, "password": …}} → {@code {access_token, token_type, expires_in, refresh_token}}. */
  private void login(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String user = text(body, "username", 100);
    String password = text(body, "password", 1000);
    String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    long wait = throttle.retryAfterSeconds(user, address);
    if (wait > 0) {
      audit.record(user, "login", null, address, "throttled");
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
      ctx.fail(ApiException.tooManyRequests("Too many failed logins; try again in " + wait + " s"));
      return;
    }
    credentials.password(user, password).compose(p -> credentials.issueRefresh(p.userId()).map(refresh -> {
      throttle.succeeded(user, address);
      audit.record(p.name(), "login", null, address, "ok");
      return tokenAnswer(p, refresh);
    })).onSuccess(a -> json(ctx, 200, a)).onFailure(e -> {
      if (e instanceof ApiException api && api.httpStatus() == 401) {
        throttle.failed(user, address);
        audit.record(user, "login", null, address, "failed");
      }
      ctx.fail(e);
    });
  }

  private void refresh(RoutingContext ctx) {
    String secret = text(body(ctx), "refresh_token", 200);
    credentials.refresh(secret).compose(p -> credentials.issueRefresh(p.userId()).map(r -> tokenAnswer(p, r)))
        .onSuccess(a -> json(ctx, 200, a)).onFailure(ctx::fail);
  }

  private JsonObject tokenAnswer(Principal p, String refresh) {
    return new JsonObject().put("access_token", credentials.issueJwt(p)).put("token_type", "Bearer")
        .put("expires_in", credentials.jwtTtlSeconds()).put("refresh_token", refresh)
        .put("user", principalJson(p));
  }

  /** {@code {"name": …, "roles": ["planner"], "user": optional, "expiresInDays": optional}} → the token, once. */
  private void createToken(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String name = text(body, "name", 100);
    String user = body.getValue("user") == null ? name : text(body, "user", 100);
    Set<Role> roles = roles(body.getValue("roles"));
    Integer days = body.getValue("expiresInDays") instanceof Number n ? n.intValue() : null;
    if (days != null && (days < 1 || days > 3650)) {
      throw ApiException.invalidParameter("expiresInDays", "expiresInDays must be between 1 and 3650");
    }
    Instant expires = days == null ? null : Instant.now().plus(days, ChronoUnit.DAYS);
    db.inTransaction(c -> {
      long uid = IdentityStore.upsertUser(c, user, null, roles);
      return IdentityStore.createToken(c, uid, name, expires);
    }).onSuccess(t -> {
      written(ctx, "token.create", name + " for " + user);
      json(ctx, 201, new JsonObject().put("id", t.id()).put("name", name).put("user", user)
          .put("roles", roleNames(roles)).put("token", t.secret())
          .put("expiresAt", expires == null ? null : expires.toString()));
    }).onFailure(ctx::fail);
  }

  private void listTokens(RoutingContext ctx) {
    db.withConnection(IdentityStore::tokens).onSuccess(list -> {
      JsonArray a = new JsonArray();
      list.forEach(t -> a.add(new JsonObject().put("id", t.id()).put("name", t.name()).put("user", t.user())
          .put("roles", roleNames(t.roles())).put("createdAt", String.valueOf(t.createdAt()))
          .put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString()).put("revoked", t.revoked())
          .put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString())));
      json(ctx, 200, new JsonObject().put("tokens", a));
    }).onFailure(ctx::fail);
  }

  private void revokeToken(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("id", "id must be a token id (an integer)");
    }
    db.withConnection(c -> IdentityStore.revokeToken(c, id)).onSuccess(found -> {
      if (!found) {
        ctx.fail(ApiException.notFound("id", "Unknown token " + id));
        return;
      }
      credentials.forget();
      written(ctx, "token.revoke", Long.toString(id));
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  /** {@code {"name": …, "password": …, "roles": [...]}}: a user who can sign in (and use HTTP Basic). */
  private void createUser(RoutingContext ctx) {
    JsonObject body = body(ctx);
    String name = text(body, "name", 100);
    String password = text(body, "password", 1000);
    if (password.length() < 12 || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > Passwords.MAX_BYTES) {
      throw ApiException.invalidParameter("password", "password must be 12 to 72 bytes long");
    }
    Set<Role> roles = roles(body.getValue("roles"));
    vertx.executeBlocking(() -> Passwords.hash(password), false)
        .compose(hash -> db.inTransaction(c -> IdentityStore.upsertUser(c, name, hash, roles)))
        .onSuccess(id -> {
          credentials.forget();
          written(ctx, "user.create", name);
          json(ctx, 201, new JsonObject().put("id", id).put("name", name).put("roles", roleNames(roles)));
        }).onFailure(ctx::fail);
  }

  private void written(RoutingContext ctx, String action, String target) {
    String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    audit.record(AccessView.of(ctx).principal().name(), action, target, address, "ok");
  }

  static JsonObject principalJson(Principal p) {
    return new JsonObject().put("name", p.name()).put("anonymous", p.isAnonymous()).put("roles", roleNames(p.roles()));
  }

  private static JsonArray roleNames(Set<Role> roles) {
    JsonArray a = new JsonArray();
    roles.stream().sorted().forEach(r -> a.add(r.wireName()));
    return a;
  }

  private static Set<Role> roles(Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw ApiException.invalidParameter("roles", "roles must be a non-empty array of role names");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object o : array) {
      roles.add(Role.parse(o instanceof String s ? s : null).orElseThrow(() -> ApiException.invalidParameter("roles",
          "Unknown role '" + ErrorText.abbreviate(String.valueOf(o)) + "'")));
    }
    return roles;
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      if (o == null) {
        throw ApiException.invalidParameter("body", "The body must be a JSON object");
      }
      return o;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw ApiException.invalidParameter("body", "The body must be a JSON object");
    }
  }

  private static String text(JsonObject body, String member, int max) {
    Object v = body.getValue(member);
    if (!(v instanceof String s) || s.isBlank()) {
      throw ApiException.invalidParameter(member, member + " is required (a string)");
    }
    if (s.length() > max) {
      throw ApiException.invalidParameter(member, member + " is longer than " + max + " characters");
    }
    return s;
  }

  private static int intParam(RoutingContext ctx, String name, int dflt) {
    String v = ctx.request().getParam(name);
    try {
      return v == null ? dflt : Math.max(1, Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name, name + " must be an integer");
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
