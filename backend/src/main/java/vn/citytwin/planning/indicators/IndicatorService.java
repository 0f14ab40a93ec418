package vn.citytwin.planning.indicators;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Indicators of a scenario's city (or the base city), for the whole city, per ward, per land-use zone or for a
 * drawn area. Two caches, both keyed on the scenario chain's versions ({@link ScenarioRef#cacheKey()}) and the data
 * versions of the layers read, so an edit or an import is never served stale: the per-building facts of a city
 * (the costly part: areas, zoning, walking access) and the finished report per scope.
 */
public final class IndicatorService {
  private final Database db;
  private final Catalog catalog;
  private final PlanningSettings settings;
  private final IndicatorStore store;
  private final IndicatorCalculator calculator;
  private final AsyncCache<String, CityFacts> facts = Caffeine.newBuilder().maximumSize(8).buildAsync();
  private final AsyncCache<String, IndicatorReport> reports = Caffeine.newBuilder().maximumSize(256).buildAsync();

  public IndicatorService(Database db, Catalog catalog, PlanningSettings settings) {
    this.db = db;
    this.catalog = catalog;
    this.settings = settings;
    this.store = new IndicatorStore(settings);
    this.calculator = new IndicatorCalculator(settings);
  }

  public PlanningSettings settings() {
    return settings;
  }

  /**
   * Everything the indicators of a city depend on, short of the scope: the scenario chain's versions, the data
   * versions of the layers read and the settings. Cheap (no database work), so it also makes the HTTP ETags;
   * UNAVAILABLE when the catalog has no usable buildings layer.
   */
  public String stateKey(ScenarioRef ref) {
    return stateKey(ref, CityLayers.of(catalog));
  }

  private String stateKey(ScenarioRef ref, CityLayers layers) {
    return ref.cacheKey() + "|" + layers.versionKey() + "|" + settings.key();
  }

  /** The report; UNAVAILABLE when the catalog has no usable buildings layer. */
  public Future<IndicatorReport> report(ScenarioRef ref, Scope scope) {
    CityLayers layers = CityLayers.of(catalog);
    String factsKey = stateKey(ref, layers);
    return cached(reports, factsKey + "|" + scope.key(), () ->
        cached(facts, factsKey, () -> db.inTransaction(c -> store.facts(c, layers, ref)))
            .compose(f -> db.inTransaction(c -> build(c, layers, ref, scope, f))));
  }

  private IndicatorReport build(Connection c, CityLayers layers, ScenarioRef ref, Scope scope, CityFacts f)
      throws SQLException {
    SortedSet<String> uses = new TreeSet<>();
    f.buildings().forEach(b -> uses.add(b.use()));
    List<Unit> units = store.units(c, layers, ref, scope);
    if (scope instanceof Scope.City) {
      return new IndicatorReport(ref, scope, f.accessMethod(),
          calculator.compute(f.buildings(), units.get(0), uses, f.accessMethod()), List.of());
    }
    List<List<BuildingFact>> assigned = UnitAssignment.assign(units, f.buildings());
    if (scope instanceof Scope.Area) {
      return new IndicatorReport(ref, scope, f.accessMethod(),
          calculator.compute(assigned.get(0), units.get(0), uses, f.accessMethod()), List.of());
    }
    List<IndicatorReport.UnitIndicators> perUnit = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      perUnit.add(new IndicatorReport.UnitIndicators(units.get(i),
          calculator.compute(assigned.get(i), units.get(i), uses, f.accessMethod())));
    }
    Unit city = store.city(c, layers);
    return new IndicatorReport(ref, scope, f.accessMethod(),
        calculator.compute(f.buildings(), city, uses, f.accessMethod()), perUnit);
  }

  private static <T> Future<T> cached(AsyncCache<String, T> cache, String key, Supplier<Future<T>> load) {
    var stage = cache.get(key, (k, executor) -> load.get().toCompletionStage().toCompletableFuture());
    Context context = Vertx.currentContext();
    return context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
  }
}
