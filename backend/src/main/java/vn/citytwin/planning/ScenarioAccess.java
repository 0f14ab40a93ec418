package vn.citytwin.planning;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import vn.citytwin.access.AccessView;
import vn.citytwin.access.Role;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Who may do what with a scenario, checked once for every route under {@code /api/scenarios/:id} (edits, diffs,
 * indicators, simulations included) before any work: reading needs a scenario the principal may see (one it may
 * not see is answered exactly like one that does not exist); changing it (and running simulations) needs the
 * planner role and authorship (or admin); creating and duplicating need the planner role.
 */
final class ScenarioAccess {
  private final ScenarioRegistry registry;

  ScenarioAccess(ScenarioRegistry registry) {
    this.registry = registry;
  }

  void create(RoutingContext ctx) {
    AccessView.of(ctx).require(Role.PLANNER, "Creating scenarios");
    ctx.next();
  }

  void scenario(RoutingContext ctx) {
    AccessView view = AccessView.of(ctx);
    String raw = ctx.pathParam("id");
    HttpMethod method = ctx.request().method();
    boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    if (write && "base".equalsIgnoreCase(raw)) {
      view.require(Role.PLANNER, "Running simulations"); // the base city's simulations cost as much as a scenario's
    }
    if (raw == null || !raw.matches("[0-9]{1,18}") || !registry.exists(Long.parseLong(raw))) {
      ctx.next(); // not a scenario id (e.g. /compare), or none: the route answers as it always did
      return;
    }
    long id = Long.parseLong(raw);
    if (!registry.readable(id, view)) {
      // Exactly what a missing scenario answers (simulation routes name the parameter "scenario").
      throw ApiException.notFound(ctx.request().path().contains("/simulations") ? "scenario" : "id",
          "Unknown scenario " + id);
    }
    if (write) {
      view.require(Role.PLANNER, "Changing scenarios");
      boolean copy = method == HttpMethod.POST && ctx.request().path().endsWith("/duplicate");
      if (!copy && !registry.writable(id, view.principal())) {
        throw ApiException.forbidden("Only the scenario's author (or an admin) may change scenario " + id);
      }
    }
    ctx.next();
  }
}
