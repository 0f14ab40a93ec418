package vn.citytwin.ogc.features;

import vn.citytwin.access.AccessView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.ComparisonOp;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.Cql2Parser;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.Literal;
import vn.citytwin.filter.PropertyRef;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.query.BBox;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.query.ReadParameters;
import vn.citytwin.query.SortKey;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * A parsed {@code /collections/{id}/items} request: Part 1 ({@code limit}, {@code bbox}, {@code datetime},
 * {@code property=value} on queryables), Part 2 ({@code crs}, {@code bbox-crs}), Part 3 ({@code filter},
 * {@code filter-lang} cql2-text, {@code filter-crs}), {@code sortby}, {@code properties}, {@code skipGeometry},
 * {@code offset} (the paging cursor of the next links) and {@code scenario}. A {@code limit} above the maximum is
 * lowered to it, as Part 1 requires; other bad values and unknown parameters are 400 errors naming the parameter.
 *
 * @param query the layer query without paging
 * @param crs the output CRS with its axis order (CRS84 by default)
 * @param crsUri the output CRS as its URI, for the Content-Crs header
 */
public record ItemsRequest(LayerQuery query, CrsName crs, String crsUri, int limit, long offset,
                           boolean withGeometry) {

  /** Parameters the items resource defines; any other must be a queryable property. */
  static final Set<String> RESERVED = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "filter",
      "filter-lang", "filter-crs", "crs", "sortby", "properties", "skipgeometry", "scenario", "lang", "language",
      "cql_filter", "time");

  static ItemsRequest parse(Layer layer, io.vertx.core.MultiMap raw, ScenarioRegistry scenarios, AccessView reader,
                            int defaultLimit,
                            int maxLimit) {
    KvpParams p = KvpParams.of(raw);
    ReadParameters read = ReadParameters.parse(p, scenarios, reader);
    Filter filter = read.filter();
    if (read.filterText() != null && p.has("filter-crs")) {
      filter = Cql2Parser.parse(read.filterText(), SupportedCrs.parse(p.require("filter-crs"), "filter-crs"));
    }
    List<Filter> equalities = new ArrayList<>();
    for (String name : raw.names()) {
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Field f = layer.queryableFields().stream().filter(q -> q.name().equals(name)).findFirst()
          .orElseThrow(() -> ApiException.invalidParameter(name, "Unknown parameter '" + ErrorText.abbreviate(name)
              + "': not a queryable of '" + layer.id() + "' (see its /queryables) nor an items parameter"));
      equalities.add(new Filter.Comparison(ComparisonOp.EQ, new PropertyRef(f.name()), new Literal(raw.get(name))));
    }
    if (!equalities.isEmpty()) {
      List<Filter> all = new ArrayList<>(equalities);
      if (filter != null) {
        all.add(filter);
      }
      filter = Filter.and(all.toArray(new Filter[0]));
    }
    int limit = p.get("limit").map(v -> {
      try {
        int n = Integer.parseInt(v);
        if (n < 1) {
          throw new NumberFormatException();
        }
        return Math.min(n, maxLimit);
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter("limit", "limit must be a positive integer (at most " + maxLimit + ")");
      }
    }).orElse(defaultLimit);
    long offset = p.integer("offset", 0, Integer.MAX_VALUE).orElse(0);
    String crsUri = p.get("crs").orElse(SupportedCrs.CRS84_URI);
    CrsName crs = SupportedCrs.parse(crsUri, "crs");
    BBox bbox = p.get("bbox").map(b -> bbox(b, p.get("bbox-crs").orElse(null))).orElse(null);
    List<SortKey> sort = p.get("sortby").map(s -> SortKey.parse(s, "sortby")).orElse(List.of());
    for (SortKey k : sort) {
      if (layer.field(k.property()).isEmpty()) {
        throw ApiException.invalidParameter("sortby", "Cannot sort by unknown property '"
            + ErrorText.abbreviate(k.property()) + "'");
      }
    }
    List<String> properties = p.get("properties").map(s -> List.of(s.split(","))).map(l -> l.stream()
        .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(null);
    boolean withGeometry = !p.get("skipGeometry").map(v -> v.equalsIgnoreCase("true")).orElse(false);
    LayerQuery q = LayerQuery.of(layer).scenario(read.scenario()).bbox(bbox).filter(filter).time(read.time())
        .properties(properties).sortBy(sort).build();
    return new ItemsRequest(q, crs, crsUri, limit, offset, withGeometry);
  }

  /** {@code minx,miny,maxx,maxy} (or the 6-number 3D form) in the axis order of {@code bbox-crs} (CRS84). */
  static BBox bbox(String text, String bboxCrs) {
    String[] parts = text.split(",");
    if (parts.length != 4 && parts.length != 6) {
      throw ApiException.invalidParameter("bbox", "bbox must have 4 (or 6) comma-separated numbers");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter("bbox", "bbox value '" + ErrorText.abbreviate(parts[i].trim())
            + "' is not a number");
      }
    }
    double a = v[0];
    double b = v[1];
    double c = parts.length == 4 ? v[2] : v[3];
    double d = parts.length == 4 ? v[3] : v[4];
    CrsName crs = bboxCrs == null ? CrsName.CRS84 : SupportedCrs.parse(bboxCrs, "bbox-crs");
    return crs.northFirst() ? new BBox(b, a, d, c, crs.srid()) : new BBox(a, b, c, d, crs.srid());
  }
}
