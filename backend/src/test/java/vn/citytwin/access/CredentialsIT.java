package vn.citytwin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.testing.Identities.basic;
import static vn.citytwin.testing.Identities.bearer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * Credentials end to end against the real server and database: API tokens (created by the admin API, revoked with
 * immediate effect), login JWTs (expiry, foreign signatures, {@code alg: none}), refresh rotation, HTTP Basic,
 * wrong passwords, login throttling with 429 + Retry-After, SQL-injection strings in every credential, the audit
 * log, and the CORS allow-list.
 */
class CredentialsIT {
  static final String ADMIN_TOKEN = "ctk_admin-token-configured-for-this-test-0123456789";
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() {
    db = TestDatabase.create("credentials");
    server = TestServer.start(db.jdbcUrl(), Map.of("access.admin.token", ADMIN_TOKEN, "access.jwt.ttl.seconds", "2",
        "access.login.max.failures", "3", "access.login.window.seconds", "60",
        "http.cors.origins", "https://portal.example"));
    http = new Http(server.port());
    Identities.user(db, "lan", "mat-khau-dung-1234", Role.PLANNER);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static JsonObject me(String authorization) {
    HttpResponse<byte[]> r = authorization == null ? http.get("/api/auth/me")
        : http.get("/api/auth/me", "Authorization", authorization);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    return Http.json(r);
  }

  static HttpResponse<byte[]> post(String path, String authorization, String json) {
    return send("POST", path, authorization, json);
  }

  static HttpResponse<byte[]> send(String method, String path, String authorization, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anonymousIsThePublic() {
    assertThat(me(null).getBoolean("anonymous")).isTrue();
    assertThat(me(null).getJsonArray("roles")).containsExactly("public");
  }

  @Test
  void adminCreatesTokenThatWorksAtOnceAndStopsAtOnceWhenRevoked() {
    HttpResponse<byte[]> created = post("/api/tokens", bearer(ADMIN_TOKEN),
        "{\"name\":\"qgis-minh\",\"roles\":[\"viewer\"]}");
    assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(201);
    String token = Http.json(created).getString("token");
    long id = Http.json(created).getLong("id");
    assertThat(token).startsWith("ctk_").hasSizeGreaterThan(40);
    assertThat(me(bearer(token)).getJsonArray("roles")).containsExactly("public", "viewer");
    // The list shows the token but never its secret.
    HttpResponse<byte[]> list = http.get("/api/tokens", "Authorization", bearer(ADMIN_TOKEN));
    assertThat(Http.text(list)).contains("qgis-minh").doesNotContain(token);
    // Only its hash is stored.
    assertThat(dbText("SELECT string_agg(encode(token_hash, 'escape'), ',') FROM access.api_token"))
        .doesNotContain(token.substring(4));

    assertThat(send("DELETE", "/api/tokens/" + id, bearer(ADMIN_TOKEN), null).statusCode()).isEqualTo(204);
    HttpResponse<byte[]> after = http.get("/api/auth/me", "Authorization", bearer(token));
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void revocationByAnotherNodeReachesThisOneThroughNotify() throws Exception {
    String token = Identities.token(db, "tram-do", Role.OPERATOR);
    assertThat(me(bearer(token)).getJsonArray("roles")).contains("operator"); // now cached
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE access.api_token SET revoked = true WHERE name = 'tram-do test token'");
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
        http.get("/api/auth/me", "Authorization", bearer(token)).statusCode() == 401);
  }

  @Test
  void onlyAdminsManageTokens() {
    String planner = Identities.token(db, "hoa", Role.PLANNER);
    assertThat(post("/api/tokens", bearer(planner), "{\"name\":\"x\",\"roles\":[\"admin\"]}").statusCode())
        .isEqualTo(403);
    assertThat(post("/api/tokens", null, "{\"name\":\"x\",\"roles\":[\"admin\"]}").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/tokens", "Authorization", bearer(planner)).statusCode()).isEqualTo(403);
    assertThat(dbText("SELECT count(*) FROM access.app_user WHERE name = 'x'")).isEqualTo("0");
  }

  @Test
  void loginGivesShortLivedJwtAndRotatingRefresh() throws Exception {
    HttpResponse<byte[]> r = post("/api/auth/login", null, "{\"username\":\"lan\",\"password\":\"mat-khau-dung-1234\"}");
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    JsonObject answer = Http.json(r);
    String jwt = answer.getString("access_token");
    assertThat(me(bearer(jwt)).getString("name")).isEqualTo("lan");
    assertThat(me(bearer(jwt)).getJsonArray("roles")).contains("planner");

    // Expired after its two seconds.
    Thread.sleep(3100);
    assertThat(http.get("/api/auth/me", "Authorization", bearer(jwt)).statusCode()).isEqualTo(401);

    // The refresh token works once.
    String refresh = answer.getString("refresh_token");
    HttpResponse<byte[]> renewed = post("/api/auth/refresh", null, new JsonObject().put("refresh_token", refresh).encode());
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(me(bearer(Http.json(renewed).getString("access_token"))).getString("name")).isEqualTo("lan");
    assertThat(post("/api/auth/refresh", null, new JsonObject().put("refresh_token", refresh).encode()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void forgedJwtsAreRefused() {
    String b64 = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0"; // {"alg":"none","typ":"JWT"}
    String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"sub\":\"admin\",\"uid\":1,\"exp\":9999999999}".getBytes());
    assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + b64 + "." + payload + ".").statusCode())
        .isEqualTo(401);
    String hs = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + hs + "." + payload + ".c2lnbmF0dXJl").statusCode())
        .isEqualTo(401);
  }

  @Test
  void basicAuthSignsInDesktopClients() {
    assertThat(me(basic("lan", "mat-khau-dung-1234")).getString("name")).isEqualTo("lan");
    HttpResponse<byte[]> wrong = http.get("/api/auth/me", "Authorization", basic("lan", "sai-mat-khau"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(Http.text(wrong)).doesNotContain("sai-mat-khau");
    // An API token as the password, for clients that only speak Basic.
    String token = Identities.token(db, "gdal-client", Role.VIEWER);
    assertThat(me(basic("token", token)).getString("name")).isEqualTo("gdal-client");
  }

  @Test
  void injectionStringsInCredentialsAreJustWrongCredentials() {
    for (String evil : new String[] {"' OR '1'='1", "admin'--", "x\"; DROP TABLE access.app_user; --",
        "ctk_' OR 1=1 --", "\u0000", "lan' OR name <> '"}) {
      assertThat(http.get("/api/auth/me", "Authorization", basic(evil, evil)).statusCode()).as(evil).isEqualTo(401);
      assertThat(http.get("/api/auth/me", "Authorization", bearer(evil.replace("\u0000", "z"))).statusCode())
          .as(evil).isEqualTo(401);
      HttpResponse<byte[]> login = post("/api/auth/login", null,
          new JsonObject().put("username", evil + "-login").put("password", evil).encode());
      assertThat(login.statusCode()).as(evil).isEqualTo(401);
    }
    assertThat(dbText("SELECT count(*) FROM access.app_user WHERE name = 'lan'")).isEqualTo("1");
    assertThat(dbText("SELECT count(*) FROM access.audit WHERE action = 'login' AND who = 'admin''---login'"
        + " AND outcome = 'failed'")).isEqualTo("1");
  }

  @Test
  void repeatedWrongPasswordsAreThrottledPerUserAndAddress() {
    Identities.user(db, "minh", "mat-khau-cua-minh", Role.VIEWER);
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/auth/login", null, "{\"username\":\"minh\",\"password\":\"doan-" + i + "\"}").statusCode())
          .isEqualTo(401);
    }
    HttpResponse<byte[]> throttled = post("/api/auth/login", null,
        "{\"username\":\"minh\",\"password\":\"mat-khau-cua-minh\"}");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
        s -> assertThat(s).isBetween(1L, 60L));
    // Basic shares the throttle: guessing through WMS requests is no way around it.
    assertThat(http.get("/api/auth/me", "Authorization", basic("minh", "mat-khau-cua-minh")).statusCode())
        .isEqualTo(429);
    // Other users are not locked out.
    assertThat(me(basic("lan", "mat-khau-dung-1234")).getString("name")).isEqualTo("lan");
  }

  @Test
  void adminReadsAuditOfLoginsAndWrites() {
    post("/api/auth/login", null, "{\"username\":\"lan\",\"password\":\"mat-khau-dung-1234\"}");
    post("/api/tokens", bearer(ADMIN_TOKEN), "{\"name\":\"audited\",\"roles\":[\"viewer\"]}");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
      JsonArray entries = Http.json(http.get("/api/audit", "Authorization", bearer(ADMIN_TOKEN))).getJsonArray("entries");
      String all = entries.encode();
      return all.contains("\"who\":\"lan\",\"action\":\"login\"") && all.contains("token.create")
          && all.contains("\"action\":\"POST /api/tokens\"") && all.contains("127.0.0.1");
    });
    assertThat(http.get("/api/audit", "Authorization", basic("lan", "mat-khau-dung-1234")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void corsAllowsOnlyConfiguredOrigins() {
    HttpResponse<byte[]> ok = http.get("/api/layers", "Origin", "https://portal.example");
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example");
    HttpResponse<byte[]> other = http.get("/api/layers", "Origin", "https://evil.example");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void cliCreatesTokensThatWorkAndRevokesThem() {
    String token = cli("token", "create", "--role", "planner,viewer", "--name", "cli-qgis", "--user", "tu");
    assertThat(token).startsWith("ctk_");
    assertThat(me(bearer(token)).getString("name")).isEqualTo("tu");
    assertThat(me(bearer(token)).getJsonArray("roles")).contains("planner", "viewer");
    String id = dbText("SELECT id FROM access.api_token WHERE name = 'cli-qgis'");
    cli("token", "revoke", "--id", id);
    assertThat(http.get("/api/auth/me", "Authorization", bearer(token)).statusCode()).isEqualTo(401);
    assertThat(cliExit("token", "create", "--role", "emperor", "--name", "x")).isNotZero();
  }

  /** Runs the real command line in-process against the test database; its stdout. */
  static String cli(String... args) {
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setProperty("citytwin.db.url", db.jdbcUrl());
    System.setProperty("citytwin.db.user", db.config().user());
    System.setProperty("citytwin.db.password", db.config().password());
    try {
      System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      int code = new picocli.CommandLine(new vn.citytwin.app.Main()).execute(args);
      assertThat(code).isZero();
    } finally {
      System.setOut(out);
      System.clearProperty("citytwin.db.url");
      System.clearProperty("citytwin.db.user");
      System.clearProperty("citytwin.db.password");
    }
    return captured.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
  }

  static int cliExit(String... args) {
    System.setProperty("citytwin.db.url", db.jdbcUrl());
    try {
      return new picocli.CommandLine(new vn.citytwin.app.Main()).execute(args);
    } finally {
      System.clearProperty("citytwin.db.url");
    }
  }

  static String dbText(String sql) {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
