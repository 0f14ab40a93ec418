package vn.citytwin.planning;

import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.http.HttpCaching;
import vn.citytwin.planning.compare.ComparisonService;
import vn.citytwin.planning.indicators.IndicatorService;
import vn.citytwin.planning.indicators.Scope;
import vn.citytwin.scenario.ScenarioRef;

/**
 * ETags of the indicator and comparison answers, from everything an answer depends on and nothing that needs
 * computing it: each city's {@link IndicatorService#stateKey state} (scenario chain versions, data versions of the
 * layers read, planning settings), the scope, the format and the answer's own URL (its links echo the query). So a
 * conditional request is answered 304 before any database work, and a scenario edit or a data change is never
 * answered 304.
 */
final class AnswerEtags {
  private final IndicatorService indicators;
  private final ComparisonService comparisons;
  private final Catalog catalog;

  AnswerEtags(IndicatorService indicators, ComparisonService comparisons, Catalog catalog) {
    this.indicators = indicators;
    this.comparisons = comparisons;
    this.catalog = catalog;
  }

  String indicators(ScenarioRef ref, Scope scope, String self) {
    return HttpCaching.etag("indicators", indicators.stateKey(ref), scope.key(), self);
  }

  /** @param format json, csv or html */
  String comparison(ScenarioRef a, ScenarioRef b, Scope scope, String format, String self) {
    String tag = HttpCaching.etag("compare", format, indicators.stateKey(a), indicators.stateKey(b), scope.key(),
        self, format.equals("html") ? mapState() : "");
    // The HTML report carries the minute it was made: equal tags mean equal content, not equal bytes (weak).
    return format.equals("html") ? "W/" + tag : tag;
  }

  /**
   * What the HTML report's map depends on beyond the indicators: the layers it draws and the data versions of every
   * layer (it is framed on the features that differ, of whatever layer the edits touch, or on the wards).
   */
  private String mapState() {
    StringBuilder s = new StringBuilder(String.join(",", comparisons.mapLayers())).append('|');
    for (Layer l : catalog.all()) {
      s.append(l.id()).append('@').append(catalog.versions().of(l.id())).append(';');
    }
    return s.toString();
  }
}
