package vn.citytwin.tiles;

import vn.citytwin.query.VisibleLayers;
import vn.citytwin.access.AccessView;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.query.ReadParameters;
import vn.citytwin.scenario.ScenarioRegistry;

/** Parses and validates tile requests, the same for the XYZ endpoints and OGC API Tiles. */
final class TileRequests {
  private static final int MAX_LAYERS = 32;
  private final Catalog catalog;
  private final ScenarioRegistry scenarios;

  TileRequests(Catalog catalog, ScenarioRegistry scenarios) {
    this.catalog = catalog;
    this.scenarios = scenarios;
  }

  /** Comma-separated ids of layers the principal may see; unknown ones are a 404 naming the first. */
  List<Layer> layers(String ids, RoutingContext ctx) {
    VisibleLayers visible = VisibleLayers.of(catalog, AccessView.of(ctx));
    List<String> names = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (names.isEmpty()) {
      throw ApiException.invalidParameter("layer", "No layer named");
    }
    if (names.size() > MAX_LAYERS) {
      throw ApiException.invalidParameter("layer", "At most " + MAX_LAYERS + " layers per tile");
    }
    List<Layer> layers = new ArrayList<>();
    for (String n : names) {
      Layer l = visible.require(n, "layer");
      if (!layers.contains(l)) {
        layers.add(l);
      }
    }
    return layers;
  }

  TileRequest parse(RoutingContext ctx, List<Layer> layers, TileAddress tile) {
    KvpParams p = KvpParams.of(ctx.queryParams());
    ReadParameters read = ReadParameters.parse(p, scenarios, AccessView.of(ctx));
    List<String> properties = p.get("properties")
        .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
        .orElse(null);
    if (properties != null) {
      for (String prop : properties) {
        if (layers.stream().noneMatch(l -> l.field(prop).isPresent())) {
          throw ApiException.invalidParameter("properties", "Unknown property '" + ErrorText.abbreviate(prop)
              + "' (none of the requested layers has it)");
        }
      }
    }
    if (read.time() != null && layers.stream().noneMatch(Layer::isTimeEnabled)) {
      throw ApiException.invalidParameter("datetime", "None of the requested layers has a time dimension");
    }
    return new TileRequest(layers, tile, read.scenario(), properties, read.filter(), read.filterText(), read.time(),
        read.timeText());
  }
}
