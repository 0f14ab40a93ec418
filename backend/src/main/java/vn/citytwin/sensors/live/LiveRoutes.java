package vn.citytwin.sensors.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;

/**
 * {@code GET /live} (WebSocket) and {@code GET /live/sse} (Server-Sent Events): committed observations and
 * alerts as they happen, filtered per client by datastream ids, observed property and bbox.
 *
 * <p>WebSocket: the client sends {@code {"type":"subscribe", …}} (see {@link LiveFilter#fromJson}) and receives
 * {@code {"type":"subscribed","filter":{…}}}, then one text frame per event ({@code "type":"observation"} or
 * {@code "alert"}); a bad message gets {@code {"type":"error","code","locator","description"}} and the previous
 * subscription stays. Query parameters on the upgrade request (as for SSE) subscribe at once.
 * SSE: the filter is in the query ({@link LiveFilter#fromQuery}); a bad value is a JSON 400 before the stream opens.
 */
public final class LiveRoutes implements Mountable {
  private final Vertx vertx;
  private final Router router;
  private final LiveHub hub;
  private final int queueBytes;
  private final long keepAliveMs;

  public LiveRoutes(Vertx vertx, LiveHub hub, int queueKb, int keepAliveSeconds) {
    this.vertx = vertx;
    this.hub = hub;
    this.queueBytes = queueKb * 1024;
    this.keepAliveMs = keepAliveSeconds * 1000L;
    router = Router.router(vertx);
    router.get("/sse").handler(this::sse);
    router.get("/").handler(this::webSocket);
    router.route().failureHandler(new JsonErrors());
  }

  private void webSocket(RoutingContext ctx) {
    String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      ctx.fail(ApiException.invalidParameter("Upgrade",
          "/live is a WebSocket endpoint (Upgrade: websocket); use /live/sse for Server-Sent Events"));
      return;
    }
    // Parse before the upgrade, so a bad query is a plain JSON 400 rather than a closed socket.
    LiveFilter initial = ctx.request().params().isEmpty() ? null : LiveFilter.fromQuery(ctx.request().params());
    ctx.request().toWebSocket().onSuccess(ws -> accept(ws, initial)).onFailure(ctx::fail);
  }

  private void accept(ServerWebSocket ws, LiveFilter initial) {
    WebSocketClient client = new WebSocketClient(ws, queueBytes, hub.skipCounter());
    if (!hub.add(client)) {
      ws.close((short) 1013, "too many live clients");
      return;
    }
    if (initial != null) {
      client.filter(initial);
      ws.writeTextMessage(subscribed(initial));
    }
    ws.textMessageHandler(text -> {
      try {
        JsonObject msg = new JsonObject(text);
        if (!"subscribe".equals(msg.getString("type"))) {
          throw ApiException.invalidParameter("type", "the only message a client sends is {\"type\":\"subscribe\",…}");
        }
        LiveFilter filter = LiveFilter.fromJson(msg);
        client.filter(filter);
        ws.writeTextMessage(subscribed(filter));
      } catch (DecodeException | ClassCastException e) {
        ws.writeTextMessage(error(ApiException.invalidParameter(null, "the message is not a JSON object")));
      } catch (ApiException e) {
        ws.writeTextMessage(error(e));
      }
    });
    ws.closeHandler(v -> hub.remove(client));
    ws.exceptionHandler(e -> hub.remove(client));
  }

  private void sse(RoutingContext ctx) {
    LiveFilter filter = LiveFilter.fromQuery(ctx.request().params());
    HttpServerResponse response = ctx.response();
    SseClient client = new SseClient(response, filter, queueBytes, hub.skipCounter());
    if (!hub.add(client)) {
      ctx.fail(new ApiException(ErrorKind.UNAVAILABLE, null, null, "too many live clients", null));
      return;
    }
    response.setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        // No gzip: a compressor buffers, and events must leave at once.
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
        // nginx and similar proxies must pass events through at once.
        .putHeader("X-Accel-Buffering", "no");
    response.write(": subscribed " + filter.toJson().encode() + "\n\n");
    long timer = vertx.setPeriodic(keepAliveMs, id -> client.keepAlive());
    Runnable gone = () -> {
      vertx.cancelTimer(timer);
      hub.remove(client);
    };
    response.closeHandler(v -> gone.run());
    response.exceptionHandler(e -> gone.run());
  }

  private static String subscribed(LiveFilter filter) {
    return new JsonObject().put("type", "subscribed").put("filter", filter.toJson()).encode();
  }

  private static String error(ApiException e) {
    JsonObject o = new JsonObject().put("type", "error").put("code", e.code()).put("description", e.getMessage());
    if (e.locator() != null) {
      o.put("locator", e.locator());
    }
    return o.encode();
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/live");
  }

  @Override
  public Router router() {
    return router;
  }
}
