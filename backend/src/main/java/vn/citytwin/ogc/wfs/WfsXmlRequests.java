package vn.citytwin.ogc.wfs;

import vn.citytwin.access.AccessView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.FesParser;
import vn.citytwin.filter.Filter;
import vn.citytwin.query.SortKey;
import vn.citytwin.query.TimeRange;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Parses XML POST GetFeature and GetPropertyValue (WFS 2.0 and 1.1.0): {@code wfs:Query} elements with
 * typeNames/typeName, srsName, a {@code fes:Filter}/{@code ogc:Filter}, {@code SortBy} and property names, or a
 * {@code wfs:StoredQuery} GetFeatureById; count/maxFeatures, startIndex, resultType and outputFormat on the root.
 * The CityTwin extensions {@code scenario} and {@code datetime} come from the URL query.
 */
final class WfsXmlRequests {
  private final WfsNames names;
  private final ScenarioRegistry scenarios;
  private final AccessView reader;

  WfsXmlRequests(WfsNames names, ScenarioRegistry scenarios, AccessView reader) {
    this.names = names;
    this.scenarios = scenarios;
    this.reader = reader;
  }

  GetFeatureRequest getFeature(Element root, WfsVersion version, KvpParams query, boolean propertyValue,
                               int maxLimit) {
    ScenarioRef scenario = scenarios.resolve(query.get("scenario").orElse(null), reader);
    String timeText = query.get("datetime").or(() -> query.get("TIME")).orElse(null);
    TimeRange time = timeText == null ? null : TimeRange.parse(timeText, "datetime");
    Integer count = WfsQueries.count(integer(root, version == WfsVersion.V2_0_0 ? "count" : "maxFeatures"),
        maxLimit);
    Integer start = integer(root, "startIndex");
    String rt = XmlElements.attr(root, "resultType");
    boolean hits = rt != null && GetFeatureKvp.resultType(rt);
    WfsOutputFormat format = WfsOutputFormat.parse(XmlElements.attr(root, "outputFormat"), version);
    String valueReference = propertyValue ? XmlElements.attr(root, "valueReference") : null;
    if (propertyValue && valueReference == null) {
      throw ApiException.missingParameter("valueReference");
    }

    List<WfsQuery> queries = new ArrayList<>();
    for (Element e : XmlElements.children(root)) {
      String name = XmlElements.local(e);
      if (name.equals("StoredQuery")) {
        StoredQueries.requireKnown(String.valueOf(XmlElements.attr(e, "id")), "storedQuery_Id");
        String id = null;
        for (Element param : XmlElements.children(e, "Parameter")) {
          if ("ID".equalsIgnoreCase(XmlElements.attr(param, "name"))) {
            id = XmlElements.text(param);
          }
        }
        if (id == null || id.isEmpty()) {
          throw ApiException.missingParameter("ID");
        }
        Layer layer = new GetFeatureKvp(names, scenarios, reader).layerOfId(id, "ID");
        WfsQuery q = WfsQueries.query(version, layer, new Filter.ResourceId(List.of(id)), null, null, null, null);
        return new GetFeatureRequest(version, List.of(q), scenario, time, 1, 0, false, format, null, true, null);
      }
      if (name.equals("Query")) {
        queries.add(query(e, version, valueReference));
      }
    }
    if (queries.isEmpty()) {
      throw ApiException.missingParameter("Query");
    }
    String valueColumn = valueReference == null ? null
        : WfsNames.column(queries.get(0).layer(), valueReference, "valueReference");
    return new GetFeatureRequest(version, queries, scenario, time, count, start == null ? 0 : start, hits, format,
        valueColumn, false, null);
  }

  private WfsQuery query(Element q, WfsVersion version, String valueReference) {
    String typeNames = XmlElements.attr(q, version == WfsVersion.V2_0_0 ? "typeNames" : "typeName");
    if (typeNames == null) {
      typeNames = XmlElements.attr(q, version == WfsVersion.V2_0_0 ? "typeName" : "typeNames");
    }
    if (typeNames == null) {
      throw ApiException.missingParameter("typeNames");
    }
    String[] types = typeNames.trim().split("[\\s,]+");
    if (types.length != 1) {
      throw new ApiException(ErrorKind.OPERATION_NOT_SUPPORTED, "OptionNotSupported", "typeNames",
          "Joins are not supported: give each wfs:Query one type name", null);
    }
    Layer layer = names.layer(types[0], "typeNames");
    Filter filter = null;
    List<SortKey> sort = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    for (Element c : XmlElements.children(q)) {
      switch (XmlElements.local(c)) {
        case "Filter" -> filter = FesParser.parse(c, version.defaultCrs());
        case "SortBy" -> sort.addAll(sortBy(c));
        case "PropertyName", "ValueReference" -> properties.add(XmlElements.text(c));
        default -> {
          // other standard children (XlinkPropertyName, Function) are not supported and ignored
        }
      }
    }
    List<String> props = properties.isEmpty() ? null : properties;
    if (valueReference != null) {
      props = List.of(valueReference);
    }
    return WfsQueries.query(version, layer, filter, null, sort, props, XmlElements.attr(q, "srsName"));
  }

  private static List<SortKey> sortBy(Element sortBy) {
    List<SortKey> keys = new ArrayList<>();
    for (Element p : XmlElements.children(sortBy, "SortProperty")) {
      Element ref = XmlElements.child(p, "ValueReference");
      if (ref == null) {
        ref = XmlElements.child(p, "PropertyName");
      }
      if (ref == null || XmlElements.text(ref).isEmpty()) {
        throw ApiException.missingParameter("sortBy");
      }
      Element order = XmlElements.child(p, "SortOrder");
      String dir = order == null ? "ASC" : XmlElements.text(order).toUpperCase(Locale.ROOT);
      if (!dir.equals("ASC") && !dir.equals("DESC")) {
        throw ApiException.invalidParameter("sortBy", "SortOrder must be ASC or DESC");
      }
      keys.add(new SortKey(XmlElements.text(ref), dir.equals("ASC")));
    }
    return keys;
  }

  /** Type names of a DescribeFeatureType request (TypeName children); empty means all. */
  static List<String> describeTypeNames(Element root) {
    return XmlElements.children(root, "TypeName").stream().map(XmlElements::text).toList();
  }

  private static Integer integer(Element e, String name) {
    String v = XmlElements.attr(e, name);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException ex) {
      throw ApiException.invalidParameter(name, name + " must be a non-negative integer");
    }
  }
}
