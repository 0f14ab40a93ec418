package vn.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TcpProxy;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** Readiness follows the real database: cut the connection, 503; restore it, 200 again without a restart. */
class HealthIT {

  @Test
  void readinessGoesDownWithTheDatabaseAndComesBackByItself() {
    try (TestDatabase db = TestDatabase.create("health");
         TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name();
      try (var server = TestServer.start(url, Map.of())) {
        Http http = new Http(server.port());
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

        proxy.cut();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health/ready").statusCode() == 503);
        assertThat(Http.json(http.get("/health/ready")).getString("status")).isEqualTo("DOWN");
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200); // the process itself is fine

        proxy.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health/ready").statusCode() == 200);
        assertThat(http.get("/api/layers").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void metricsArePrometheusTextWithRequestCountsPerRouteAndPoolGauges() {
    try (TestDatabase db = TestDatabase.create("metrics"); var server = TestServer.start(db)) {
      Http http = new Http(server.port());
      http.get("/api/layers");
      http.get("/api/layers/buildings");
      String metrics = http.getText("/metrics");
      assertThat(metrics).contains("vertx_http_server_requests_total");
      assertThat(metrics).contains("route=\"/api>/layers/:id\"");
      assertThat(metrics).contains("vertx_http_server_response_time_seconds");
      assertThat(metrics).contains("hikaricp_connections_active");
    }
  }

  @Test
  void aServerThatCannotReachItsDatabaseFailsToStartWithAClearMessage() {
    int closedPort = TestServer.freePort();
    var error = org.assertj.core.api.Assertions.catchThrowable(() ->
        TestServer.start("jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing", Map.of()));
    assertThat(error).isInstanceOf(vn.citytwin.core.config.ConfigException.class)
        .hasMessageContaining("is not reachable").hasMessageContaining("CITYTWIN_DB_URL");
  }
}
