package vn.citytwin.ogc.wms;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.features.FeatureRows;
import vn.citytwin.features.InfoFeature;
import vn.citytwin.features.MapSql;
import vn.citytwin.query.BBox;
import vn.citytwin.query.LayerQuery;

/**
 * GetFeatureInfo: for each queried layer, the features within the search radius of the clicked pixel (a box of
 * ±radius pixels in the map CRS, through the one read path so scenario, TIME and vendor filters apply), nearest
 * first, keeping only those the layer's style draws at the map's scale, at most FEATURE_COUNT per layer.
 */
public final class FeatureInfoService {
  /** Candidates read per layer before the style check trims them. */
  private static final int CANDIDATES = 200;

  private final Database db;
  private final CityTwinConfig.Wms limits;

  public FeatureInfoService(Database db, CityTwinConfig.Wms limits) {
    this.db = db;
    this.limits = limits;
  }

  public Future<List<InfoFeature>> getFeatureInfo(FeatureInfoRequest r) {
    long deadline = System.nanoTime() + limits.timeoutMs() * 1_000_000L;
    MapView view = r.view();
    double scale = view.scaleDenominator();
    double[] click = view.pixelCentre(r.i(), r.j());
    return db.withConnection(c -> {
      FeatureRows rows = new FeatureRows();
      List<InfoFeature> out = new ArrayList<>();
      for (MapLayer ml : r.queryLayers()) {
        if (!ml.style().style().hasRulesAt(scale)) {
          continue; // not drawn at this scale: nothing to find
        }
        int buffer = r.bufferPx() != null ? r.bufferPx() : StyleHits.defaultBuffer(ml.style().style(), scale);
        double dx = view.unitsPerPixelX() * (buffer + 0.5);
        double dy = view.unitsPerPixelY() * (buffer + 0.5);
        BBox box = new BBox(click[0] - dx, click[1] - dy, click[0] + dx, click[1] + dy, view.crs().srid());
        Layer layer = ml.layer();
        LayerQuery q = LayerQuery.of(layer)
            .scenario(r.scenario())
            .bbox(box)
            .filter(ml.filter())
            .time(layer.isTimeEnabled() ? r.time() : null)
            .build();
        var sql = MapSql.info(q, view.crs().srid(), click[0], click[1], Math.max(CANDIDATES, r.featureCount()));
        int taken = 0;
        for (InfoFeature f : rows.info(c, sql, q, MapService.remainingSeconds(deadline))) {
          if (taken >= r.featureCount()) {
            break;
          }
          if (StyleHits.draws(ml.style().style(), scale, f.properties()::get, f.mapGeometry())) {
            out.add(f);
            taken++;
          }
        }
      }
      return out;
    });
  }
}
