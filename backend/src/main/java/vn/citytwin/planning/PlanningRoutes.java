package vn.citytwin.planning;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.planning.compare.ComparisonService;
import vn.citytwin.planning.edits.DiffService;
import vn.citytwin.planning.edits.EditService;
import vn.citytwin.planning.indicators.IndicatorService;
import vn.citytwin.planning.scenarios.ScenarioService;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * The planning REST API at {@code /api/scenarios}: scenarios, their edits and diffs, indicators, comparisons and
 * reports, and (mounted inside) simulations. Errors are JSON ({@link JsonErrors}) with the offending parameter or body member as locator.
 */
public final class PlanningRoutes implements Mountable {
  /** Largest request body (edits with detailed polygons). */
  public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final Router router;

  /**
   * @param simulations the simulations router (paths relative to {@code /api/scenarios/:id/simulations}), mounted
   *     inside this API so one router owns {@code /api/scenarios}
   */
  public PlanningRoutes(Vertx vertx, Database db, Catalog catalog, ScenarioRegistry registry, PlanningSettings settings,
                     String baseUrl, Router simulations) {
    ScenarioService scenarios = new ScenarioService(db, registry);
    EditService edits = new EditService(db, catalog, registry, scenarios, settings);
    DiffService diffs = new DiffService(db, catalog);
    IndicatorService indicators = new IndicatorService(db, catalog, settings);
    ComparisonService comparisons = new ComparisonService(db, catalog, indicators, scenarios, diffs);
    PlanningJson json = new PlanningJson(baseUrl);

    router = Router.router(vertx);
    ScenarioAccess access = new ScenarioAccess(registry);
    router.post("/").handler(access::create);
    router.route("/:id").handler(access::scenario);
    router.route("/:id/*").handler(access::scenario);
    router.route("/:id/simulations*").subRouter(simulations); // before the body handler: it reads its own bodies
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    IndicatorRoutes indicatorRoutes = new IndicatorRoutes(indicators, comparisons, registry, json,
        new AnswerEtags(indicators, comparisons, catalog), baseUrl);
    indicatorRoutes.mountCompare(router);
    new ScenarioRoutes(scenarios, json).mount(router);
    new EditRoutes(edits, diffs, scenarios, registry, json, catalog).mount(router);
    indicatorRoutes.mount(router);
    router.route().failureHandler(new JsonErrors());
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/api/scenarios");
  }

  @Override
  public Router router() {
    return router;
  }
}
