package vn.citytwin.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * Large responses stream from a cursor with back-pressure: a complete stream is intact across chunk boundaries
 * (multi-byte UTF-8 in every feature), a client that stops reading holds the stream (the server waits instead of
 * buffering the rest), and clients that disconnect mid-stream give their database connections back.
 */
class StreamingIT {
  static final int N = 60_000;
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("stream");
    server = TestServer.start(db.jdbcUrl(), Map.of("features.max.limit", "100000"));
    http = new Http(server.port());
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, geom) SELECT g,"
          + " 'Nhà số ' || g || ' đường Thùy Vân', 'shophouse', 3, 10.5,"
          + " ST_MakeEnvelope(107.0 + (g % 300) * 0.0003, 10.3 + (g / 300) * 0.0003,"
          + "   107.0 + (g % 300) * 0.0003 + 0.0002, 10.3 + (g / 300) * 0.0003 + 0.0002, 4326)"
          + " FROM generate_series(1, " + N + ") g");
    }
    server.catalog().versions().refresh();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static String request(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  }

  @Test
  void aLargeStreamArrivesWhole() {
    JsonObject all = http.getJson("/ogc/collections/buildings/items?limit=100000");
    assertThat(all.getJsonArray("features")).hasSize(N);
    assertThat(all.getInteger("numberMatched")).isEqualTo(N);
    assertThat(all.getJsonArray("features").getJsonObject(N - 1).getJsonObject("properties").getString("name"))
        .endsWith(" đường Thùy Vân");
    String gml = http.getText("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=citytwin:buildings"
        + "&count=100000");
    assertThat(gml.split("<wfs:member>", -1)).hasSize(N + 1);
    assertThat(gml).endsWith("</wfs:FeatureCollection>\n");
  }

  @Test
  void aClientThatStopsReadingHoldsTheStreamInsteadOfBeingBuffered() throws Exception {
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(8 * 1024);
      s.connect(new InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = s.getOutputStream();
      out.write(request("/ogc/collections/buildings/items?limit=100000").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] head = in.readNBytes(4096);
      assertThat(new String(head, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
      // The client reads nothing more: the server must be waiting for it, its cursor still open.
      Thread.sleep(2000);
      assertThat(server.database().pool().getActiveConnections()).isEqualTo(1);
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      in.transferTo(rest);
      String body = new String(head, StandardCharsets.UTF_8) + rest.toString(StandardCharsets.UTF_8);
      assertThat(body).contains("\"numberReturned\":" + N);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> server.database().pool().getActiveConnections() == 0);
  }

  @Test
  void clientsThatDisconnectGiveTheirConnectionsBack() throws Exception {
    for (int i = 0; i < 10; i++) { // more than the pool holds
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        s.getOutputStream().write(request("/wfs?service=WFS&version=2.0.0&request=GetFeature"
            + "&typeNames=citytwin:buildings&count=100000").getBytes(StandardCharsets.US_ASCII));
        s.getInputStream().readNBytes(32 * 1024);
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.database().pool().getActiveConnections() == 0);
    JsonObject after = http.getJson("/ogc/collections/buildings/items?limit=5");
    assertThat(after.getJsonArray("features")).hasSize(5);
  }
}
