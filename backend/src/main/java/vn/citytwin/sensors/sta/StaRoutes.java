package vn.citytwin.sensors.sta;

import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.config.SensorSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.sensors.ObservationStore;
import vn.citytwin.sensors.StoredObservation;
import vn.citytwin.sensors.sta.query.EntityType;
import vn.citytwin.sensors.sta.query.QueryOptions;

/**
 * OGC SensorThings API 1.1 at {@code /sta/v1.1}: the root document, GET of every resource path with the query
 * options, POST (deep insert), PATCH, DELETE and {@code CreateObservations}. Requests are parsed on the event loop;
 * each one's SQL runs in one transaction on the database workers. Errors are SensorThings JSON ({@link StaErrors}).
 */
public final class StaRoutes implements Mountable {
  public static final String PATH = "/sta/v1.1";
  private static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
  private static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates");

  private final Database db;
  private final ObservationStore store;
  private final SensorSettings settings;
  private final StaLinks links;
  private final List<String> mqttEndpoints;
  private final Router router;

  /**
   * @param publicUrl the server's base URL as clients see it (no trailing slash)
   * @param mqttEndpoints broker URLs announced in the root document ({@code mqtt://host:1883}); empty: none
   */
  public StaRoutes(Vertx vertx, Database db, ObservationStore store, String publicUrl, List<String> mqttEndpoints) {
    this.db = db;
    this.store = store;
    this.settings = store.settings();
    this.links = new StaLinks(publicUrl + PATH);
    this.mqttEndpoints = List.copyOf(mqttEndpoints);
    router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.get("/*").handler(this::get);
    router.post("/*").handler(this::post);
    router.patch("/*").handler(this::patch);
    router.delete("/*").handler(this::delete);
    router.route("/*").handler(ctx -> ctx.fail(ApiException.notSupported(null,
        ctx.request().method() + " is not supported here; use GET, POST, PATCH or DELETE")));
    router.route().failureHandler(new StaErrors());
  }

  /** The broker URL announced in the root document, or none when MQTT is off. */
  public static List<String> mqttEndpoints(vn.citytwin.core.config.SensorsLiveSettings.Mqtt mqtt) {
    return mqtt == null || !mqtt.enabled() ? List.of() : List.of("mqtt://" + mqtt.host() + ":" + mqtt.port());
  }

  @Override
  public List<String> mountPaths() {
    return List.of(PATH);
  }

  @Override
  public Router router() {
    return router;
  }

  /** The path below {@code /sta/v1.1}, e.g. {@code /Things(1)/Datastreams}; empty for the root. */
  private static String subPath(RoutingContext ctx) {
    String p = ctx.normalizedPath();
    String mount = ctx.mountPoint() == null ? PATH : ctx.mountPoint();
    String rest = p.startsWith(mount) ? p.substring(mount.length()) : p;
    return rest.equals("/") ? "" : rest;
  }

  /** Query options from the raw query string: split on {@code &} only, so {@code ;} inside $expand survives. */
  static Map<String, String> options(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (out.containsKey(k)) {
        throw ApiException.invalidParameter(k, "Query option " + k + " is given twice");
      }
      out.put(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(null, "Malformed percent-encoding in the query string");
    }
  }

  private void get(RoutingContext ctx) {
    String sub = subPath(ctx);
    if (sub.isEmpty()) {
      json(ctx, 200, root());
      return;
    }
    ResourcePath path = ResourcePath.parse(sub);
    QueryOptions options = QueryOptions.parse(options(ctx.request().query()), path.type(), settings);
    db.withConnection(c -> {
      c.setReadOnly(true);
      try {
        return new StaReader(c, links, settings.maxTop()).get(path, options, sub);
      } finally {
        c.setReadOnly(false);
      }
    }).onSuccess(a -> {
      if (path.value()) {
        if (a.rawValue() == null) {
          ctx.response().setStatusCode(204).end();
        } else {
          ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(a.rawValue());
        }
      } else {
        json(ctx, 200, a.json());
      }
    }).onFailure(ctx::fail);
  }

  private JsonObject root() {
    JsonArray value = new JsonArray();
    for (EntityType t : EntityType.values()) {
      value.add(new JsonObject().put("name", t.plural()).put("url", links.set(t)));
    }
    JsonObject server = new JsonObject().put("conformance", new JsonArray(new ArrayList<>(CONFORMANCE)));
    if (!mqttEndpoints.isEmpty()) {
      server.put("http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation",
          new JsonObject().put("endpoints", new JsonArray(new ArrayList<>(mqttEndpoints))));
      server.put("http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates",
          new JsonObject().put("endpoints", new JsonArray(new ArrayList<>(mqttEndpoints))));
    }
    return new JsonObject().put("value", value).put("serverSettings", server);
  }

  private void post(RoutingContext ctx) {
    String sub = subPath(ctx);
    Object body = body(ctx);
    if (sub.equals("/CreateObservations")) {
      write((c, created) -> new Written(CreateObservations.run(c, store, links, body, created)))
          .onSuccess(w -> json(ctx, 201, w.json())).onFailure(ctx::fail);
      return;
    }
    ResourcePath path = ResourcePath.parse(sub);
    if (!path.collection() || path.ref() || path.property() != null) {
      throw ApiException.invalidParameter(null, "POST goes to an entity set or a navigation collection, e.g. "
          + "/Things or /Things(1)/Datastreams");
    }
    if (!(body instanceof JsonObject entity)) {
      throw ApiException.invalidParameter(null, "The body must be a JSON object");
    }
    EntityType type = path.type();
    write((c, created) -> {
      StaWriter.ParentLink parent = null;
      if (path.steps().size() > 1) {
        parent = new StaWriter.ParentLink(path.last().nav(), new StaReader(c, links, settings.maxTop()).resolveOwner(path));
      }
      long id = new StaWriter(c, store, created).create(type, entity, parent);
      return new Written(read(c, type, id));
    }).onSuccess(w -> {
      ctx.response().putHeader("Location", ((JsonObject) w.json()).getString("@iot.selfLink"));
      json(ctx, 201, w.json());
    }).onFailure(ctx::fail);
  }

  private void patch(RoutingContext ctx) {
    ResourcePath path = singleEntity(subPath(ctx), "PATCH");
    if (!(body(ctx) instanceof JsonObject entity)) {
      throw ApiException.invalidParameter(null, "The body must be a JSON object");
    }
    write((c, created) -> {
      new StaWriter(c, store, created).update(path.type(), path.last().id(), entity);
      return new Written(read(c, path.type(), path.last().id()));
    }).onSuccess(w -> json(ctx, 200, w.json())).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    ResourcePath path = singleEntity(subPath(ctx), "DELETE");
    write((c, created) -> {
      new StaWriter(c, store, created).delete(path.type(), path.last().id());
      return new Written(null);
    }).onSuccess(w -> ctx.response().setStatusCode(200).end()).onFailure(ctx::fail);
  }

  private static ResourcePath singleEntity(String sub, String method) {
    ResourcePath path = ResourcePath.parse(sub);
    if (path.steps().size() != 1 || path.last().id() == null || path.ref() || path.property() != null) {
      throw ApiException.invalidParameter(null, method + " goes to one entity by id, e.g. /Things(1)");
    }
    return path;
  }

  /** What a write answers; {@code created} collects the observations it stored, for the listeners. */
  private record Written(Object json) {}

  private interface Work {
    Written apply(Connection c, List<StoredObservation> created) throws SQLException;
  }

  /** Runs a write in one transaction; the store's listeners hear about new observations after commit. */
  private io.vertx.core.Future<Written> write(Work work) {
    List<StoredObservation> created = new ArrayList<>();
    return db.inTransaction(c -> work.apply(c, created)).map(w -> {
      store.committed(created);
      return w;
    });
  }

  private JsonObject read(Connection c, EntityType type, long id) throws SQLException {
    StaReader.Answer a = new StaReader(c, links, settings.maxTop()).get(ResourcePath.parse("/" + type.plural() + "(" + id + ")"),
        QueryOptions.none(type, settings), "/" + type.plural() + "(" + id + ")");
    return (JsonObject) a.json();
  }

  private static Object body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiException.invalidParameter(null, "The request has no body");
    }
    try {
      return Json.decodeValue(text);
    } catch (io.vertx.core.json.DecodeException e) {
      throw ApiException.invalidParameter(null, "The body is not valid JSON");
    }
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Json.encode(body));
  }
}
