package vn.citytwin.ogc.wms;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.features.FeatureRows;
import vn.citytwin.features.MapSql;
import vn.citytwin.query.BBox;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.render.LayerDraw;
import vn.citytwin.render.MapExtent;
import vn.citytwin.render.MapRenderer;
import vn.citytwin.render.RenderFeature;

/**
 * GetMap: fetches each layer's features from PostGIS (transformed, clipped and simplified there) on the database
 * workers, then draws and encodes on the render workers, never on the event loop. Layers whose style has no rule
 * at the map's scale cost no query. Limits from {@link CityTwinConfig.Wms}: at most {@code maxFeatures} features
 * per map, and the whole request within {@code timeoutMs} (statement timeouts and the renderer's deadline).
 */
public final class MapService {
  /** Features beyond the image edge still matter (symbols and labels reaching in): the query box margin. */
  static final double MARGIN_PX = 48;

  private final Database db;
  private final WorkerExecutor renderers;
  private final MapRenderer renderer;
  private final CityTwinConfig.Wms limits;

  public MapService(Database db, WorkerExecutor renderers, MapRenderer renderer, CityTwinConfig.Wms limits) {
    this.db = db;
    this.renderers = renderers;
    this.renderer = renderer;
    this.limits = limits;
  }

  public Future<MapImage> getMap(GetMapRequest r) {
    long deadline = System.nanoTime() + limits.timeoutMs() * 1_000_000L;
    MapExtent extent = r.view().extent();
    double scale = extent.scaleDenominator();
    List<MapLayer> visible = r.layers().stream().filter(l -> l.style().style().hasRulesAt(scale)).toList();
    long t0 = System.nanoTime();
    FeatureRows rows = new FeatureRows();
    Future<List<LayerDraw>> fetched = visible.isEmpty() ? Future.succeededFuture(List.of())
        : db.withConnection(c -> {
          List<LayerDraw> draws = new ArrayList<>();
          int budget = limits.maxFeatures();
          for (MapLayer ml : visible) {
            LayerQuery q = query(ml, r);
            var sql = MapSql.draw(q, r.view().crs().srid(), r.view().grownBy(MARGIN_PX),
                simplifyTolerance(r.view()), budget + 1);
            List<RenderFeature> features = rows.draw(c, sql, q, remainingSeconds(deadline));
            budget -= features.size();
            if (budget < 0) {
              throw tooManyFeatures();
            }
            draws.add(new LayerDraw(ml.style().style(), features));
          }
          return draws;
        });
    return fetched.compose(draws -> {
      double fetchMs = (System.nanoTime() - t0) / 1e6;
      double decodeMs = rows.decodeNanos() / 1e6;
      int count = draws.stream().mapToInt(d -> ((List<?>) d.features()).size()).sum();
      return renderers.executeBlocking(() -> {
        long t1 = System.nanoTime();
        BufferedImage image = renderer.render(extent, r.background(), r.transparentImage(), draws, deadline);
        long t2 = System.nanoTime();
        byte[] bytes = r.format().encode(image, r.background());
        long t3 = System.nanoTime();
        return new MapImage(bytes, r.format().contentType(), Math.max(0, fetchMs - decodeMs), decodeMs,
            (t2 - t1) / 1e6, (t3 - t2) / 1e6, count);
      }, false);
    });
  }

  /** The read-path query of one layer: scenario, map box (grown), vendor filter, TIME, the style's columns. */
  static LayerQuery query(MapLayer ml, GetMapRequest r) {
    Layer layer = ml.layer();
    BBox box = r.view().grownBy(MARGIN_PX);
    List<String> props = ml.style().style().referencedProperties().stream()
        .filter(p -> layer.field(p).isPresent()).toList();
    return LayerQuery.of(layer)
        .scenario(r.scenario())
        .bbox(box)
        .filter(ml.filter())
        .time(layer.isTimeEnabled() ? r.time() : null)
        .properties(props)
        .build();
  }

  /** Half a pixel: invisible, and it removes most vertices of detailed shapes at small scales. */
  static double simplifyTolerance(MapView view) {
    return Math.min(view.unitsPerPixelX(), view.unitsPerPixelY()) * 0.5;
  }

  private ApiException tooManyFeatures() {
    return new ApiException(ErrorKind.TOO_LARGE, "InvalidParameterValue", "BBOX",
        "The map would draw more than " + limits.maxFeatures() + " features (wms.max.features): zoom in, "
            + "request fewer layers or filter them", null);
  }

  /** Seconds left before the deadline for a statement timeout (at least 1), or TIMEOUT when none are left. */
  static int remainingSeconds(long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new ApiException(ErrorKind.TIMEOUT, null, null, "The map took longer than this server allows "
          + "(wms.timeout.ms)", null);
    }
    return (int) Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
  }
}
