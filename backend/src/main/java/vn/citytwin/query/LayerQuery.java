package vn.citytwin.query;

import java.util.List;
import java.util.Objects;
import vn.citytwin.catalog.Layer;
import vn.citytwin.filter.Filter;
import vn.citytwin.scenario.ScenarioRef;

/**
 * What any protocol asks of a layer: which scenario's city, which area, which filter, which time, which
 * properties, in which order, which page. WMS, WFS, OGC API Features, MVT and 3D Tiles all build one of these;
 * only the encoder that wraps {@link FeatureSql#select(LayerQuery)} differs. Planning builds them too, for every
 * layer its indicators, diffs and simulations read, and wraps {@link FeatureSql#source(LayerQuery)}.
 *
 * @param bbox the area as a box in any supported CRS; null for none
 * @param tile the area as a vector tile (with its buffer), computed by PostGIS; null for none
 * @param time which times; null means every time
 * @param properties property names to return; null means every attribute column
 * @param limit maximum number of features, or null for no limit
 */
public record LayerQuery(Layer layer, ScenarioRef scenario, BBox bbox, TileEnvelope tile, Filter filter,
                         TimeSelection time, List<String> properties, List<SortKey> sortBy, Integer limit,
                         long offset) {

  public LayerQuery {
    Objects.requireNonNull(layer, "layer");
    scenario = scenario == null ? ScenarioRef.BASE : scenario;
    properties = properties == null ? null : List.copyOf(properties);
    sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0");
    }
  }

  public static Builder of(Layer layer) {
    return new Builder(layer);
  }

  /** Builds a query step by step; every setter accepts null as "not constrained". */
  public static final class Builder {
    private final Layer layer;
    private ScenarioRef scenario;
    private BBox bbox;
    private TileEnvelope tile;
    private Filter filter;
    private TimeSelection time;
    private List<String> properties;
    private List<SortKey> sortBy;
    private Integer limit;
    private long offset;

    private Builder(Layer layer) {
      this.layer = layer;
    }

    public Builder scenario(ScenarioRef v) {
      scenario = v;
      return this;
    }

    public Builder bbox(BBox v) {
      bbox = v;
      return this;
    }

    public Builder tile(TileEnvelope v) {
      tile = v;
      return this;
    }

    public Builder filter(Filter v) {
      filter = v;
      return this;
    }

    /** One time range (OGC API {@code datetime}, WFS, tiles). */
    public Builder time(TimeRange v) {
      time = TimeSelection.of(v);
      return this;
    }

    /** Several ranges and/or the layer's latest time (WMS {@code TIME}). */
    public Builder time(TimeSelection v) {
      time = v;
      return this;
    }

    public Builder properties(List<String> v) {
      properties = v;
      return this;
    }

    public Builder sortBy(List<SortKey> v) {
      sortBy = v;
      return this;
    }

    public Builder limit(Integer v) {
      limit = v;
      return this;
    }

    public Builder offset(long v) {
      offset = v;
      return this;
    }

    public LayerQuery build() {
      return new LayerQuery(layer, scenario, bbox, tile, filter, time, properties, sortBy, limit, offset);
    }
  }
}
