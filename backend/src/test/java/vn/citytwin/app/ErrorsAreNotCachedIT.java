package vn.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TcpProxy;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * A tile's ETag and max-age are set before PostgreSQL is asked; when the database then fails, the error must not
 * carry them, or a CDN or browser could keep the error in place of the tile.
 */
class ErrorsAreNotCachedIT {

  @Test
  void aTileThatFailsAfterItsEtagWasSetIsAnUncacheableError() {
    try (TestDatabase db = TestDatabase.create("errcache");
         TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name();
      try (var server = TestServer.start(url, Map.of("db.connect.timeout.ms", "1000"))) {
        Http http = new Http(server.port());
        var ok = http.get("/tiles/roads/14/13067/7715.mvt");
        assertThat(ok.statusCode()).isIn(200, 204);
        assertThat(ok.headers().firstValue("ETag")).isPresent();
        assertThat(ok.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");

        proxy.cut();
        var failed = http.get("/tiles/roads/14/13068/7715.mvt");
        assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(Http.json(failed).getInteger("status")).isEqualTo(failed.statusCode());
        assertThat(failed.headers().firstValue("ETag")).isEmpty();
        assertThat(failed.headers().firstValue("Cache-Control")).hasValue("no-store");

        var wms = http.get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads&STYLES=&CRS=EPSG:4326"
            + "&BBOX=10.3,107.0,10.4,107.1&WIDTH=64&HEIGHT=64&FORMAT=image/png");
        assertThat(Http.text(wms)).contains("ServiceExceptionReport");
        assertThat(wms.headers().firstValue("ETag")).isEmpty();
        assertThat(wms.headers().firstValue("Cache-Control")).hasValue("no-store");
        proxy.restore();
      }
    }
  }
}
