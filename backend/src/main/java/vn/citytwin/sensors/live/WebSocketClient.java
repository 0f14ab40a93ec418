package vn.citytwin.sensors.live;

import io.vertx.core.http.ServerWebSocket;

/** A live client on a WebSocket: one text frame per message. */
final class WebSocketClient extends LiveClient {
  private final ServerWebSocket ws;

  WebSocketClient(ServerWebSocket ws, int queueBytes, Runnable onSkip) {
    super(null, onSkip);
    this.ws = ws;
    ws.setWriteQueueMaxSize(queueBytes);
  }

  @Override
  boolean isFull() {
    return ws.writeQueueFull();
  }

  @Override
  void write(String type, String json) {
    ws.writeTextMessage(json);
  }

  @Override
  void whenDrained(Runnable action) {
    ws.drainHandler(v -> action.run());
  }

  @Override
  void close() {
    ws.close((short) 1001, "server stopping");
  }
}
