package vn.citytwin.ogc.wfs;

import vn.citytwin.access.AccessView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.Cql2Parser;
import vn.citytwin.filter.FesParser;
import vn.citytwin.filter.Filter;
import vn.citytwin.query.BBox;
import vn.citytwin.query.SortKey;
import vn.citytwin.query.TimeRange;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Parses KVP GetFeature and GetPropertyValue (WFS 2.0 names, and the WFS 1.1.0 names TYPENAME, MAXFEATURES,
 * FEATUREID): TYPENAMES (several, comma-separated or in (…) groups), FILTER (FES, one per type name), CQL_FILTER
 * (CQL2/ECQL, ';'-separated per type name), RESOURCEID, BBOX, SORTBY, PROPERTYNAME, SRSNAME, COUNT, STARTINDEX,
 * RESULTTYPE, OUTPUTFORMAT, STOREDQUERY_ID with ID, VALUEREFERENCE, and the CityTwin extensions {@code scenario}
 * and {@code datetime}/{@code TIME}. Errors name the parameter.
 */
final class GetFeatureKvp {
  private final WfsNames names;
  private final ScenarioRegistry scenarios;
  private final AccessView reader;

  GetFeatureKvp(WfsNames names, ScenarioRegistry scenarios, AccessView reader) {
    this.names = names;
    this.scenarios = scenarios;
    this.reader = reader;
  }

  GetFeatureRequest parse(KvpParams p, WfsVersion version, boolean propertyValue, int maxLimit) {
    ScenarioRef scenario = scenarios.resolve(p.get("scenario").orElse(null), reader);
    String timeText = p.get("datetime").or(() -> p.get("TIME")).orElse(null);
    TimeRange time = timeText == null ? null : TimeRange.parse(timeText, p.has("datetime") ? "datetime" : "TIME");
    Integer count = WfsQueries.count(p.integer("COUNT", 0, Integer.MAX_VALUE)
        .or(() -> p.integer("MAXFEATURES", 0, Integer.MAX_VALUE)).orElse(null), maxLimit);
    long startIndex = p.integer("STARTINDEX", 0, Integer.MAX_VALUE).orElse(0);
    boolean hits = resultType(p.get("RESULTTYPE").orElse("results"));
    WfsOutputFormat format = WfsOutputFormat.parse(p.get("OUTPUTFORMAT").orElse(null), version);
    String srsName = p.get("SRSNAME").orElse(null);

    String storedQuery = p.get("STOREDQUERY_ID").orElse(null);
    if (storedQuery != null) {
      StoredQueries.requireKnown(storedQuery, "storedQuery_Id");
      String id = p.require("ID");
      Layer layer = layerOfId(id, "ID");
      WfsQuery q = WfsQueries.query(version, layer, new Filter.ResourceId(List.of(id)), null, null, null, srsName);
      return new GetFeatureRequest(version, List.of(q), scenario, time, 1, 0, false, format, null, true, p);
    }

    String valueReference = null;
    if (propertyValue) {
      valueReference = p.require("VALUEREFERENCE");
    }
    List<String> resourceIds = KvpLists.items(p.get("RESOURCEID").or(() -> p.get("FEATUREID")).orElse(null));
    String typeNames = p.get("TYPENAMES").or(() -> p.get("TYPENAME")).orElse(null);
    List<Layer> layers = new ArrayList<>();
    if (typeNames != null) {
      for (String group : KvpLists.groups(typeNames, "typeNames")) {
        for (String t : KvpLists.items(group)) {
          layers.add(names.layer(t, "typeNames"));
        }
      }
    } else if (!resourceIds.isEmpty()) {
      Map<Layer, Boolean> seen = new LinkedHashMap<>();
      for (String rid : resourceIds) {
        seen.put(layerOfId(rid, "resourceId"), true);
      }
      layers.addAll(seen.keySet());
    } else {
      throw ApiException.missingParameter("typeNames");
    }
    if (layers.isEmpty()) {
      throw ApiException.missingParameter("typeNames");
    }
    int n = layers.size();
    List<String> fes = KvpLists.filters(p.get("FILTER").orElse(null), n);
    List<String> cql = cqlPerQuery(p.get("CQL_FILTER").orElse(null), n);
    List<String> sortBy = KvpLists.perQuery(p.get("SORTBY").orElse(null), n, "sortBy");
    List<String> propertyNames = KvpLists.perQuery(p.get("PROPERTYNAME").orElse(null), n, "propertyName");
    BBox bbox = p.get("BBOX").map(b -> WfsQueries.bbox(b, version)).orElse(null);

    List<WfsQuery> queries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Layer layer = layers.get(i);
      List<Filter> parts = new ArrayList<>();
      if (fes.get(i) != null) {
        parts.add(FesParser.parse(fes.get(i), version.defaultCrs()));
      }
      if (cql.get(i) != null) {
        parts.add(Cql2Parser.parse(cql.get(i)));
      }
      if (!resourceIds.isEmpty()) {
        parts.add(new Filter.ResourceId(resourceIds));
      }
      Filter filter = parts.isEmpty() ? null : Filter.and(parts.toArray(new Filter[0]));
      List<SortKey> keys = sortBy.get(i) == null ? null : SortKey.parse(sortBy.get(i), "sortBy");
      List<String> props = propertyNames.get(i) == null ? null : KvpLists.items(propertyNames.get(i));
      if (valueReference != null) {
        props = List.of(valueReference);
      }
      queries.add(WfsQueries.query(version, layer, filter, bbox, keys, props, srsName));
    }
    String valueColumn = valueReference == null ? null
        : WfsNames.column(layers.get(0), valueReference, "valueReference");
    return new GetFeatureRequest(version, queries, scenario, time, count, startIndex, hits, format, valueColumn,
        false, p);
  }

  static boolean resultType(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "results" -> false;
      case "hits" -> true;
      default -> throw ApiException.invalidParameter("resultType", "resultType must be 'results' or 'hits'");
    };
  }

  /** The layer named by the prefix of a feature id ({@code buildings.42}). */
  Layer layerOfId(String rid, String locator) {
    int dot = rid.lastIndexOf('.');
    if (dot <= 0) {
      throw ApiException.invalidParameter(locator, "Feature id '" + ErrorText.abbreviate(rid)
          + "' has no type prefix; write it as <type>.<id>, e.g. buildings.42, or give TYPENAMES");
    }
    return names.layer(rid.substring(0, dot), locator);
  }

  private static List<String> cqlPerQuery(String value, int n) {
    if (value == null) {
      return java.util.Collections.nCopies(n, null);
    }
    if (n == 1) {
      return List.of(value);
    }
    String[] parts = value.split(";");
    if (parts.length == 1) {
      return java.util.Collections.nCopies(n, value);
    }
    if (parts.length != n) {
      throw ApiException.invalidParameter("CQL_FILTER", "CQL_FILTER has " + parts.length + " filters for " + n
          + " type names; separate one per type name with ';'");
    }
    return List.of(parts);
  }
}
