package vn.citytwin.planning.compare;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.planning.edits.DiffService;
import vn.citytwin.edit.GeoJsonGeometry;
import vn.citytwin.planning.indicators.IndicatorService;
import vn.citytwin.planning.indicators.Scope;
import vn.citytwin.planning.scenarios.ScenarioService;
import vn.citytwin.scenario.ScenarioRef;

/** Compares two cities' indicators and finds where on the map the difference is. */
public final class ComparisonService {
  /** The report map shows at least this much around the changes, degrees (about 550 m). */
  private static final double MIN_MAP_DEG = 0.005;

  private final IndicatorService indicators;
  private final ScenarioService scenarios;
  private final DiffService diffs;
  private final CityExtent extent;

  public ComparisonService(Database db, Catalog catalog, IndicatorService indicators, ScenarioService scenarios,
                           DiffService diffs) {
    this.indicators = indicators;
    this.scenarios = scenarios;
    this.diffs = diffs;
    this.extent = new CityExtent(db, catalog);
  }

  /** @param scope {@link Scope.City} or {@link Scope.Area} */
  public Future<Comparison> compare(ScenarioRef a, ScenarioRef b, Scope scope) {
    if (!(scope instanceof Scope.City) && !(scope instanceof Scope.Area)) {
      throw ApiException.invalidParameter("by", "A comparison is for the whole city or a drawn area");
    }
    return Future.all(side(a), side(b), indicators.report(a, scope), indicators.report(b, scope)).map(all ->
        ComparisonBuilder.compare(all.resultAt(0), all.resultAt(2), all.resultAt(1), all.resultAt(3),
            scope instanceof Scope.Area ? "area" : "city"));
  }

  /**
   * The lon/lat box the report map shows: the drawn area; else the features that differ, with a margin; else the
   * city (its wards); null when none is known.
   */
  public Future<Envelope> mapExtent(ScenarioRef a, ScenarioRef b, Scope scope) {
    if (scope instanceof Scope.Area area) {
      return Future.succeededFuture(area.polygon().getEnvelopeInternal());
    }
    return diffs.diff(a, b).compose(diff -> {
      Envelope box = new Envelope();
      JsonArray features = diff.getJsonArray("features");
      for (int i = 0; i < features.size(); i++) {
        JsonObject g = features.getJsonObject(i).getJsonObject("geometry");
        if (g != null) {
          box.expandToInclude(GeoJsonGeometry.read(g, "diff").getEnvelopeInternal());
        }
      }
      if (box.isNull()) {
        return extent.of();
      }
      double margin = Math.max(Math.max(box.getWidth(), box.getHeight()) * 0.25, MIN_MAP_DEG / 2);
      box.expandBy(margin);
      return Future.succeededFuture(box);
    });
  }

  /** Layers for the report map, bottom to top, those the catalog has. */
  public List<String> mapLayers() {
    return extent.mapLayers();
  }

  private Future<Comparison.CitySide> side(ScenarioRef ref) {
    if (ref.isBase()) {
      return Future.succeededFuture(Comparison.CitySide.BASE);
    }
    return scenarios.get(ref.id()).map(s -> new Comparison.CitySide(s.id(), s.name(), s.version()));
  }
}
