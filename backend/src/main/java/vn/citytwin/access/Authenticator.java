package vn.citytwin.access;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import vn.citytwin.core.error.ApiException;

/**
 * The one handler, installed before every route, that turns a request's credentials into its {@link AccessView}:
 * {@code Authorization: Bearer <API token | login JWT>}, {@code Authorization: Basic} (QGIS and GDAL send WMS/WFS
 * credentials that way) or none (the public). Wrong credentials are a 401 with a Basic challenge — never a silent
 * downgrade to anonymous, which would make a typo look like missing data.
 */
public final class Authenticator implements Handler<RoutingContext> {
  /** The realm desktop GIS clients show when they ask for a password. */
  public static final String CHALLENGE = "Basic realm=\"CityTwin\", charset=\"UTF-8\"";

  private final Credentials credentials;
  private final AccessRules rules;
  private final LoginThrottle throttle;

  public Authenticator(Credentials credentials, AccessRules rules, LoginThrottle throttle) {
    this.credentials = credentials;
    this.rules = rules;
    this.throttle = throttle;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    boolean signedIn = header != null && !header.isBlank();
    // Answers differ by credentials: shared caches must key on them, and never keep a signed-in answer.
    ctx.addHeadersEndHandler(v -> {
      ctx.response().headers().add("Vary", "Authorization");
      if (ctx.response().getStatusCode() == 401 && !ctx.response().headers().contains("WWW-Authenticate")) {
        ctx.response().headers().set("WWW-Authenticate", CHALLENGE); // desktop clients then ask for a password
      }
      String cc = ctx.response().headers().get("Cache-Control");
      if (signedIn && cc != null && cc.contains("public")) {
        ctx.response().headers().set("Cache-Control", cc.replace("public", "private"));
      } else if (signedIn && cc != null && cc.contains("max-age") && !cc.contains("private")) {
        ctx.response().headers().set("Cache-Control", "private, " + cc); // no-cache answers revalidate anyway
      }
    });
    Future<Principal> principal;
    try {
      principal = header == null || header.isBlank() ? Future.succeededFuture(Principal.ANONYMOUS)
          : resolve(header, address(ctx));
    } catch (ThrottledException e) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds));
      principal = Future.failedFuture(ApiException.tooManyRequests("Too many failed logins; try again in "
          + e.seconds + " s"));
    } catch (ApiException e) {
      principal = Future.failedFuture(e);
    } catch (RuntimeException e) {
      principal = Future.failedFuture(ApiException.unauthorized("Invalid credentials")); // e.g. a malformed JWT
    }
    boolean async = !principal.isComplete();
    if (async) {
      ctx.request().pause(); // keep the body for the body handlers behind us while the database answers
    }
    principal.onSuccess(p -> {
      ctx.put(AccessView.KEY, new AccessView(p, rules.snapshot()));
      ctx.next();
      if (async) {
        ctx.request().resume(); // body handlers resumed it already; routes without one must not stay paused
      }
    }).onFailure(e -> {
      ApiException error = e instanceof ApiException api && api.httpStatus() < 500 ? api
          : ApiException.unauthorized("Invalid credentials");
      if (error.httpStatus() == 401) {
        ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
      }
      ctx.fail(error);
    });
  }

  private static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
  }

  private Future<Principal> resolve(String header, String address) {
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String value = space < 0 ? "" : header.substring(space + 1).trim();
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "bearer" -> {
        if (value.isEmpty() || value.length() > 4096) {
          throw ApiException.unauthorized("Invalid token");
        }
        return value.startsWith(Secrets.TOKEN_PREFIX) ? credentials.apiToken(value) : credentials.jwt(value);
      }
      case "basic" -> {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw ApiException.unauthorized("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
          throw ApiException.unauthorized("Malformed Basic credentials");
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        // A token as the password (user "token") lets clients that only speak Basic use API tokens.
        if (password.startsWith(Secrets.TOKEN_PREFIX)) {
          return credentials.apiToken(password);
        }
        // Basic is a login on every request: the same throttle as /api/auth/login.
        long wait = throttle.retryAfterSeconds(user, address);
        if (wait > 0) {
          throw new ThrottledException(wait);
        }
        return credentials.password(user, password)
            .onSuccess(p -> throttle.succeeded(user, address))
            .onFailure(e -> throttle.failed(user, address));
      }
      default -> throw ApiException.unauthorized("Unsupported authorization scheme");
    }
  }

  private static final class ThrottledException extends RuntimeException {
    final long seconds;

    ThrottledException(long seconds) {
      super(null, null, false, false);
      this.seconds = seconds;
    }
  }
}
