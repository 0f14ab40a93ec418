package vn.citytwin.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection, dispatched to subscribers by channel. Writes by any
 * server node, tool or psql session reach every node this way. After a (re)connect every subscriber is called with
 * a null payload, because notifications sent while we were not listening are lost: subscribers then re-read.
 * Callbacks run on the listener thread and must be short.
 */
public final class Notifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final String url;
  private final String user;
  private final String password;
  private final Map<String, Consumer<String>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean running;
  private Thread thread;

  public Notifications(vn.citytwin.core.config.CityTwinConfig.Database config) {
    this.url = config.url();
    this.user = config.user();
    this.password = config.password();
  }

  /** Subscribes before {@link #start()}; the channel name is a code constant, never user input. */
  public void subscribe(String channel, Consumer<String> onPayload) {
    if (!Sql.isPlain(channel)) {
      throw new IllegalArgumentException("channel must be a plain identifier: " + channel);
    }
    subscribers.put(channel, onPayload);
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "citytwin-notifications");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        for (String channel : subscribers.keySet()) {
          s.execute("LISTEN " + channel);
        }
        subscribers.values().forEach(cb -> safely(cb, null));
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(1000);
          if (notes == null) {
            continue;
          }
          for (PGNotification n : notes) {
            Consumer<String> cb = subscribers.get(n.getName());
            if (cb != null) {
              safely(cb, n.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.warn("notification listener lost its connection ({}); retrying in 2 s", e.getMessage());
          try {
            Thread.sleep(2000);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  private static void safely(Consumer<String> cb, String payload) {
    try {
      cb.accept(payload);
    } catch (RuntimeException e) {
      LOG.warn("notification subscriber failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
