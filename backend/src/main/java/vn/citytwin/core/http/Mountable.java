package vn.citytwin.core.http;

import io.vertx.ext.web.Router;
import java.util.List;

/**
 * A capability's HTTP face: its own router and the paths the composition root mounts it at (with
 * {@code subRouter}). The capability installs its protocol's failure handler on its own router.
 */
public interface Mountable {
  /** Mount paths, e.g. {@code ["/tiles"]}; each gets the same router. */
  List<String> mountPaths();

  Router router();
}
