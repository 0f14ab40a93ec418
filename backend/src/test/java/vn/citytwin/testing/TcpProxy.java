package vn.citytwin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder to a real server, that a test can cut (close every connection, refuse new ones) and
 * restore: the way to take a real database away from the server under test and give it back.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private volatile boolean closed;

  public TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = TestServer.freePort();
    restore();
  }

  public int port() {
    return port;
  }

  /** Closes every forwarded connection and stops accepting: the target looks down. */
  public synchronized void cut() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // already closed
    }
    server = null;
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    open.clear();
  }

  /** Accepts and forwards again. */
  public synchronized void restore() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket ss = new ServerSocket();
      ss.setReuseAddress(true);
      ss.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = ss;
      Thread t = new Thread(() -> acceptLoop(ss), "tcp-proxy-accept");
      t.setDaemon(true);
      t.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void acceptLoop(ServerSocket ss) {
    while (!closed && !ss.isClosed()) {
      try {
        Socket client = ss.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        open.add(client);
        open.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // one side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }, "tcp-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    closed = true;
    cut();
  }
}
