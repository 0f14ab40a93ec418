package vn.citytwin.query;

import vn.citytwin.access.AccessView;
import java.util.Locale;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.Cql2Parser;
import vn.citytwin.filter.Filter;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * The optional parameters every read endpoint takes, parsed once the same way: {@code scenario}, {@code filter}
 * with {@code filter-lang} (cql2-text; GeoServer's {@code CQL_FILTER} is accepted as an alias) and
 * {@code datetime} (GeoServer/WMS {@code TIME} as an alias). The raw texts are kept for cache keys.
 */
public record ReadParameters(ScenarioRef scenario, Filter filter, String filterText, TimeRange time,
                             String timeText) {

  /** @param reader the request's access view: a scenario it may not see is unknown */
  public static ReadParameters parse(KvpParams p, ScenarioRegistry scenarios, AccessView reader) {
    ScenarioRef scenario = scenarios.resolve(p.get("scenario").orElse(null), reader);
    String filterText = p.get("filter").or(() -> p.get("CQL_FILTER")).orElse(null);
    Filter filter = null;
    if (filterText != null) {
      String lang = p.get("filter-lang").orElse("cql2-text").toLowerCase(Locale.ROOT);
      if (!lang.equals("cql2-text") && !lang.equals("ecql") && !lang.equals("cql-text")) {
        throw ApiException.invalidParameter("filter-lang", "Only filter-lang=cql2-text is supported here, got '"
            + ErrorText.abbreviate(lang) + "'");
      }
      filter = Cql2Parser.parse(filterText);
    }
    String timeText = p.get("datetime").or(() -> p.get("TIME")).orElse(null);
    TimeRange time = timeText == null ? null
        : TimeRange.parse(timeText, p.has("datetime") ? "datetime" : "TIME");
    return new ReadParameters(scenario, filter, filterText, time, timeText);
  }
}
