package vn.citytwin.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.planning.simulation.SimulationsApi;

/**
 * Mounts the simulations router at {@code /api/scenarios/:id/simulations} until the scenarios API (package
 * planning) mounts it inside its own router; then this class goes.
 */
final class SimulationsMount implements Mountable {
  private final Router router;

  private SimulationsMount(Router router) {
    this.router = router;
  }

  static SimulationsMount of(Vertx vertx, SimulationsApi api) {
    Router r = Router.router(vertx);
    r.route("/:id/simulations*").subRouter(api.router());
    return new SimulationsMount(r);
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
