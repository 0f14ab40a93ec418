package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.ogc.XmlBuilder;

/**
 * The stored queries: only the mandatory {@code GetFeatureById} (WFS 2.0 §7.9.3.6), with its one parameter
 * {@code ID} (a feature id such as {@code buildings.42}); it returns the feature itself, not a collection.
 * ListStoredQueries and DescribeStoredQueries describe it.
 */
final class StoredQueries {
  static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";
  private static final String LANGUAGE = "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression";

  private StoredQueries() {}

  static void requireKnown(String id, String locator) {
    if (!GET_FEATURE_BY_ID.equals(id.trim())) {
      throw ApiException.invalidParameter(locator, "Unknown stored query '" + ErrorText.abbreviate(id.trim())
          + "'; this server has " + GET_FEATURE_BY_ID);
    }
  }

  static String list(List<Layer> layers) {
    XmlBuilder x = new XmlBuilder();
    x.open("wfs:ListStoredQueriesResponse").attr("xmlns:wfs", WfsVersion.V2_0_0.namespace())
        .attr("xmlns:" + WfsNames.PREFIX, WfsNames.NAMESPACE)
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation", WfsVersion.V2_0_0.namespace() + " " + WfsVersion.V2_0_0.schemaLocation());
    x.open("wfs:StoredQuery").attr("id", GET_FEATURE_BY_ID);
    x.leaf("wfs:Title", "Get feature by identifier");
    for (Layer l : layers) {
      x.leaf("wfs:ReturnFeatureType", WfsNames.typeName(l));
    }
    x.close().close();
    return x.build();
  }

  /** @param ids the requested ids; empty means all */
  static String describe(List<String> ids, List<Layer> layers) {
    ids.forEach(id -> requireKnown(id, "storedQuery_Id"));
    XmlBuilder x = new XmlBuilder();
    x.open("wfs:DescribeStoredQueriesResponse").attr("xmlns:wfs", WfsVersion.V2_0_0.namespace())
        .attr("xmlns:" + WfsNames.PREFIX, WfsNames.NAMESPACE)
        .attr("xmlns:xsd", "http://www.w3.org/2001/XMLSchema")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation", WfsVersion.V2_0_0.namespace() + " " + WfsVersion.V2_0_0.schemaLocation());
    x.open("wfs:StoredQueryDescription").attr("id", GET_FEATURE_BY_ID);
    x.leaf("wfs:Title", "Get feature by identifier");
    x.leaf("wfs:Abstract", "Returns the one feature whose identifier (e.g. buildings.42) is given as ID.");
    x.open("wfs:Parameter").attr("name", "ID").attr("type", "xsd:string");
    x.leaf("wfs:Title", "Feature identifier");
    x.close();
    String types = String.join(" ", layers.stream().map(WfsNames::typeName).toList());
    x.open("wfs:QueryExpressionText").attr("returnFeatureTypes", types).attr("language", LANGUAGE)
        .attr("isPrivate", "true").close();
    x.close().close();
    return x.build();
  }
}
