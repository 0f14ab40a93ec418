package vn.citytwin.sensors.series;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.sensors.StaTime;

/**
 * {@code GET /api/sensors/{datastream}/series?from&to&step=5m&agg=avg,min,max,count[&f=csv]}: a datastream's
 * observations aggregated into fixed time buckets (see {@link SeriesStore}). JSON
 * {@code {"datastream","observedProperty","unit","from","to","step","stepSeconds","aggregates",
 * "buckets":[{"time", "<agg>": value…}]}} or CSV {@code time,<agg>,…}. Errors are the JSON error body with the
 * offending parameter as locator; the answer may be cached briefly (new readings change the last bucket).
 */
public final class SeriesRoutes implements Mountable {
  private final Router router;
  private final SeriesStore store;
  private final int maxBuckets;

  public SeriesRoutes(Vertx vertx, SeriesStore store, int maxBuckets) {
    this.store = store;
    this.maxBuckets = maxBuckets;
    router = Router.router(vertx);
    router.get("/:datastream/series").handler(this::series);
    router.route().failureHandler(new JsonErrors());
  }

  private void series(RoutingContext ctx) {
    SeriesRequest r = SeriesRequest.parse(ctx.pathParam("datastream"), ctx.queryParams(),
        ctx.request().getHeader("Accept"), maxBuckets);
    store.series(r).onSuccess(s -> {
      ctx.response().putHeader("Cache-Control", "public, max-age=5");
      if (r.csv()) {
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(csv(s));
      } else {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(json(s).encode());
      }
    }).onFailure(ctx::fail);
  }

  static JsonObject json(SeriesStore.Series s) {
    SeriesRequest r = s.request();
    JsonArray buckets = new JsonArray();
    for (SeriesStore.Bucket b : s.buckets()) {
      JsonObject o = new JsonObject().put("time", StaTime.format(b.start()));
      for (int i = 0; i < r.aggregates().size(); i++) {
        o.put(r.aggregates().get(i).key(), b.values().get(i));
      }
      buckets.add(o);
    }
    return new JsonObject()
        .put("datastream", r.datastream())
        .put("observedProperty", s.observedProperty())
        .put("unit", s.unit())
        .put("from", StaTime.format(r.from()))
        .put("to", StaTime.format(r.to()))
        .put("step", r.step().toString())
        .put("stepSeconds", r.step().getSeconds())
        .put("aggregates", new JsonArray(r.aggregates().stream().map(a -> (Object) a.key()).toList()))
        .put("buckets", buckets);
  }

  static String csv(SeriesStore.Series s) {
    SeriesRequest r = s.request();
    StringBuilder out = new StringBuilder("time");
    r.aggregates().forEach(a -> out.append(',').append(a.key()));
    out.append('\n');
    for (SeriesStore.Bucket b : s.buckets()) {
      out.append(StaTime.format(b.start()));
      for (Number v : b.values()) {
        out.append(',');
        if (v != null) {
          out.append(v);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/api/sensors");
  }

  @Override
  public Router router() {
    return router;
  }
}
