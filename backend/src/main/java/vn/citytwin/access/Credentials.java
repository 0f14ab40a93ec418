package vn.citytwin.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;
import vn.citytwin.core.error.ApiException;

/**
 * Credentials → principal: API tokens, login JWTs (HS256) and user name + password (login and HTTP Basic). Verified
 * principals are cached for a few seconds by the hash of the credential; any change to tokens, users or roles
 * (NOTIFY {@code citytwin_access}, from any node) empties the cache, so a revoked token stops working at once.
 * Unknown credentials are never cached, so a new token works at once too.
 */
public final class Credentials {
  private static final String JWT_KEY = "jwt.hs256";

  private final Database db;
  private final CityTwinConfig.Access config;
  private final JWTAuth jwt;
  private final Cache<String, Principal> verified;

  public Credentials(Vertx vertx, Database db, CityTwinConfig.Access config) {
    this.db = db;
    this.config = config;
    String key = config.jwtSecret() != null ? config.jwtSecret()
        : db.inConnection(c -> IdentityStore.secret(c, JWT_KEY, () -> Secrets.random(48)));
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
    this.verified = Caffeine.newBuilder().maximumSize(10_000)
        .expireAfterWrite(Duration.ofSeconds(config.tokenCacheSeconds())).build();
  }

  public void listen(Notifications notifications) {
    notifications.subscribe(AccessRules.CHANNEL, payload -> verified.invalidateAll());
  }

  /** Forgets every verified credential now (this node; other nodes follow the NOTIFY). */
  public void forget() {
    verified.invalidateAll();
  }

  /** The principal of an API token, or UNAUTHORIZED. */
  public Future<Principal> apiToken(String token) {
    String cacheKey = "t:" + Secrets.sha256Hex(token);
    Principal hit = verified.getIfPresent(cacheKey);
    if (hit != null) {
      return Future.succeededFuture(hit);
    }
    return db.withConnection(c -> IdentityStore.byToken(c, Secrets.sha256(token)))
        .map(p -> remember(cacheKey, p.orElseThrow(() -> ApiException.unauthorized("Invalid or revoked token"))));
  }

  /** The principal of a login JWT (signature, expiry, and a user that still exists and is enabled). */
  public Future<Principal> jwt(String token) {
    Future<io.vertx.ext.auth.User> checked;
    try {
      checked = jwt.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      checked = Future.failedFuture(e);
    }
    return checked
        .recover(e -> Future.failedFuture(ApiException.unauthorized("Invalid or expired token")))
        .compose(user -> {
          Long uid = user.principal().getLong("uid");
          if (uid == null) {
            return Future.failedFuture(ApiException.unauthorized("Invalid or expired token"));
          }
          String cacheKey = "u:" + uid;
          Principal hit = verified.getIfPresent(cacheKey);
          if (hit != null) {
            return Future.succeededFuture(hit);
          }
          return db.withConnection(c -> IdentityStore.principal(c, uid)).map(p -> remember(cacheKey,
              p.orElseThrow(() -> ApiException.unauthorized("Invalid or expired token"))));
        });
  }

  /** The principal of a user name and password (bcrypt on a database worker), or UNAUTHORIZED. */
  public Future<Principal> password(String name, String password) {
    if (name.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
      return Future.failedFuture(ApiException.unauthorized("Wrong user name or password")); // PostgreSQL text has no NUL
    }
    String cacheKey = "b:" + Secrets.sha256Hex(name + '\u0000' + password);
    Principal hit = verified.getIfPresent(cacheKey);
    if (hit != null) {
      return Future.succeededFuture(hit);
    }
    return db.withConnection(c -> {
      Optional<IdentityStore.Login> login = IdentityStore.login(c, name);
      // A wrong name costs one bcrypt check too, so timing does not tell which names exist.
      boolean ok = Passwords.matches(login.map(IdentityStore.Login::passwordHash).orElse(Passwords.DUMMY), password)
          && login.isPresent() && login.get().passwordHash() != null;
      return ok ? IdentityStore.principal(c, login.get().id()) : Optional.<Principal>empty();
    }).map(p -> remember(cacheKey, p.orElseThrow(() -> ApiException.unauthorized("Wrong user name or password"))));
  }

  /** A signed JWT for the principal, valid for the configured lifetime. */
  public String issueJwt(Principal p) {
    return jwt.generateToken(new JsonObject().put("sub", p.name()).put("uid", p.userId()),
        new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(config.jwtTtlSeconds()));
  }

  /** A new refresh token for the user (stored hashed), valid for the configured lifetime. */
  public Future<String> issueRefresh(long userId) {
    String secret = Secrets.random(32);
    Instant expires = Instant.now().plusSeconds(config.refreshTtlSeconds());
    return db.withConnection(c -> {
      IdentityStore.insertRefresh(c, userId, secret, expires);
      return secret;
    });
  }

  /** Uses up a refresh token: the principal it was issued to, or UNAUTHORIZED. */
  public Future<Principal> refresh(String secret) {
    return db.inTransaction(c -> {
      Optional<Long> uid = IdentityStore.useRefresh(c, secret);
      return uid.isEmpty() ? Optional.<Principal>empty() : IdentityStore.principal(c, uid.get());
    }).map(p -> p.orElseThrow(() -> ApiException.unauthorized("Invalid or expired refresh token")));
  }

  public int jwtTtlSeconds() {
    return config.jwtTtlSeconds();
  }

  private Principal remember(String key, Principal p) {
    if (config.tokenCacheSeconds() > 0) {
      verified.put(key, p);
    }
    return p;
  }
}
