package vn.citytwin.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.AccessLogSettings;

/** The access log on a real Vert.x server: which requests it writes, and in which form. */
class AccessLogTest {
  private final Vertx vertx = Vertx.vertx();
  private final BlockingQueue<String> written = new LinkedBlockingQueue<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private AccessLog log;
  private HttpServer server;

  @AfterEach
  void stop() {
    if (log != null) {
      log.close();
    }
    vertx.close().await();
  }

  private int serve(AccessLogSettings settings) {
    log = new AccessLog(settings, written::add);
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds());
    router.route().handler(log);
    router.get("/fast").handler(ctx -> ctx.response().end("ok"));
    router.get("/slow").handler(ctx -> vertx.setTimer(120, t -> ctx.response().end("late")));
    router.get("/broken").handler(ctx -> ctx.response().setStatusCode(503).end("down"));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    return server.actualPort();
  }

  private void get(int port, String path) throws Exception {
    client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("User-Agent", "QGIS/3.34 \"quoted\"").header("X-Request-Id", "req-" + path.substring(1)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> lines(int expected) throws InterruptedException {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < expected; i++) {
      String line = written.poll(5, TimeUnit.SECONDS);
      if (line != null) {
        out.add(line);
      }
    }
    // nothing more arrives
    String extra = written.poll(300, TimeUnit.MILLISECONDS);
    if (extra != null) {
      out.add(extra);
    }
    return out;
  }

  @Test
  void slowModeWritesOnlySlowRequestsAndServerErrors() throws Exception {
    int port = serve(new AccessLogSettings("slow", 0, 100, "combined", 100));
    get(port, "/fast");
    get(port, "/slow");
    get(port, "/broken");
    List<String> lines = lines(2);
    assertThat(lines).hasSize(2);
    assertThat(lines).anyMatch(l -> l.contains("\"GET /slow HTTP/1.1\" 200 4 ") && l.contains(" req-slow "));
    assertThat(lines).anyMatch(l -> l.contains("\"GET /broken HTTP/1.1\" 503 4 ") && l.contains(" req-broken "));
    // the client's quotes cannot break the combined format
    assertThat(lines.get(0)).startsWith("127.0.0.1 - - [").contains("\"QGIS/3.34 \\\"quoted\\\"\"");
  }

  @Test
  void fullModeWritesEveryRequestAsJsonLines() throws Exception {
    int port = serve(new AccessLogSettings("full", 0, 100_000, "json", 100));
    get(port, "/fast");
    List<String> lines = lines(1);
    assertThat(lines).hasSize(1);
    JsonObject line = new JsonObject(lines.get(0));
    assertThat(line.getString("id")).isEqualTo("req-fast");
    assertThat(line.getString("uri")).isEqualTo("/fast");
    assertThat(line.getInteger("status")).isEqualTo(200);
    assertThat(line.getLong("bytes")).isEqualTo(2);
    assertThat(line.getString("agent")).isEqualTo("QGIS/3.34 \"quoted\"");
  }

  @Test
  void offWritesNothing() throws Exception {
    int port = serve(new AccessLogSettings("off", 1, 0, "combined", 100));
    get(port, "/broken");
    assertThat(lines(0)).isEmpty();
  }

  @Test
  void samplingKeepsItsShareAndAlwaysTheSlowAndFailed() {
    AccessLogSettings s = new AccessLogSettings("sampled", 0.25, 500, "combined", 1);
    assertThat(AccessLog.selects(s, 200, 3, 0.10)).isTrue();
    assertThat(AccessLog.selects(s, 200, 3, 0.40)).isFalse();
    assertThat(AccessLog.selects(s, 200, 800, 0.99)).isTrue();
    assertThat(AccessLog.selects(s, 500, 3, 0.99)).isTrue();
  }

  @Test
  void aFullQueueDropsLinesAndSaysSo() throws Exception {
    // one slot, and a writer that holds the first line: the queue fills, the rest are dropped and counted
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    log = new AccessLog(new AccessLogSettings("full", 0, 0, "combined", 1), line -> {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      written.add(line);
    });
    Router router = Router.router(vertx);
    router.route().handler(log);
    router.get("/fast").handler(ctx -> ctx.response().end("ok"));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    for (int i = 0; i < 6; i++) {
      get(server.actualPort(), "/fast");
    }
    assertThat(log.dropped()).isGreaterThan(0);
    release.countDown();
    List<String> lines = lines(3);
    assertThat(lines).anyMatch(l -> l.startsWith("access log: ") && l.contains("lines dropped"));
  }
}
