package vn.citytwin.tiles3d;

import java.util.List;
import vn.citytwin.access.AccessView;
import vn.citytwin.query.VisibleLayers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.Filter;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.query.ReadParameters;
import vn.citytwin.query.TimeRange;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * A validated request for a layer's 3D tiles: the layer, the scenario's city, and the optional filter and time
 * every read endpoint takes (parsed by {@link ReadParameters}, so {@code ?scenario=}, {@code ?filter=} and
 * {@code ?datetime=} mean the same as on the other endpoints).
 */
public record Tiles3dRequest(ExtrudedLayer layer, ScenarioRef scenario, Filter filter, String filterText,
    TimeRange time, String timeText) {

  public Tiles3dRequest {
    Objects.requireNonNull(layer, "layer");
    scenario = scenario == null ? ScenarioRef.BASE : scenario;
  }

  /** The base city's tiles of a layer, unfiltered. */
  public static Tiles3dRequest of(ExtrudedLayer layer) {
    return new Tiles3dRequest(layer, ScenarioRef.BASE, null, null, null, null);
  }

  /**
   * Parses and validates: the layer must be public (else 404, locator {@code layer}) and extrudable (else 400,
   * locator {@code layer}); scenario, filter and datetime fail as on every endpoint; a datetime on a layer without
   * time is a 400 (locator {@code datetime}).
   */
  public static Tiles3dRequest parse(Catalog catalog, ScenarioRegistry scenarios, String layerId, KvpParams p,
                                     AccessView reader) {
    ExtrudedLayer layer = ExtrudedLayer.of(VisibleLayers.of(catalog, reader).require(layerId, "layer"));
    ReadParameters read = ReadParameters.parse(p, scenarios, reader);
    if (read.time() != null && !layer.layer().isTimeEnabled()) {
      throw ApiException.invalidParameter("datetime", "Layer '" + layer.id() + "' has no time dimension");
    }
    return new Tiles3dRequest(layer, read.scenario(), read.filter(), read.filterText(), read.time(),
        read.timeText());
  }

  /** The layer query of this request (no bbox), asking for the columns the 3D reader needs. */
  LayerQuery.Builder query() {
    return LayerQuery.of(layer.layer()).scenario(scenario).filter(filter).time(time)
        .properties(layer.queryColumns());
  }

  /** Everything the tiles depend on except the layer's data version: scenario chain versions, filter, time. */
  String parameterKey() {
    return String.join("|", scenario.cacheKey(), VisibleLayers.columnsKey(List.of(layer.layer())),
        filterText == null ? "" : filterText,
        timeText == null ? "" : timeText);
  }

  /**
   * The query string content URIs carry so that a content request means the same city as its tileset:
   * {@code ?v=<token>} (changes with the data, so content URLs can be cached long) then the scenario, filter and
   * datetime parameters as given.
   */
  String contentQuery(String versionToken) {
    StringBuilder q = new StringBuilder("?v=").append(encode(versionToken));
    if (!scenario.isBase()) {
      q.append("&scenario=").append(scenario.id());
    }
    if (filterText != null) {
      q.append("&filter=").append(encode(filterText)).append("&filter-lang=cql2-text");
    }
    if (timeText != null) {
      q.append("&datetime=").append(encode(timeText));
    }
    return q.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
