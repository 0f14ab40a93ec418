package vn.citytwin.sensors.live;

import io.vertx.core.http.HttpServerResponse;

/** A live client on Server-Sent Events: {@code event: <type>} and one {@code data:} line (compact JSON) each. */
final class SseClient extends LiveClient {
  private final HttpServerResponse response;

  SseClient(HttpServerResponse response, LiveFilter filter, int queueBytes, Runnable onSkip) {
    super(filter, onSkip);
    this.response = response;
    response.setWriteQueueMaxSize(queueBytes);
  }

  @Override
  boolean isFull() {
    return response.writeQueueFull();
  }

  @Override
  void write(String type, String json) {
    response.write("event: " + type + "\ndata: " + json + "\n\n");
  }

  /** A comment line: keeps proxies from closing an idle stream. */
  void keepAlive() {
    if (!response.writeQueueFull()) {
      response.write(": keep-alive\n\n");
    }
  }

  @Override
  void whenDrained(Runnable action) {
    response.drainHandler(v -> action.run());
  }

  @Override
  void close() {
    response.end();
  }
}
