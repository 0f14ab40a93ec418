package vn.citytwin.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.config.ConfigSource;

/** Starts the real server on a free loopback port over a test database. */
public final class TestServer {
  private TestServer() {}

  public static CityTwinServer start(TestDatabase db) {
    return start(db.jdbcUrl(), Map.of());
  }

  public static CityTwinServer start(String jdbcUrl, Map<String, String> extra) {
    int port = freePort();
    Map<String, String> values = new HashMap<>();
    values.put("http.port", Integer.toString(port));
    values.put("http.host", "127.0.0.1");
    values.put("db.url", jdbcUrl);
    values.put("db.pool.size", "4");
    values.put("db.connect.timeout.ms", "2000");
    // No MQTT unless a test asks for it (with its own client id and topic prefix): test servers sharing the broker
    // under the default client id would take each other's session.
    values.put("sensors.mqtt.enabled", "false");
    values.putAll(extra);
    return CityTwinServer.start(CityTwinConfig.from(ConfigSource.of(values)));
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
