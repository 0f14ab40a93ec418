package vn.citytwin.planning.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.planning.indicators.Indicator;
import vn.citytwin.planning.indicators.IndicatorReport;

/**
 * Lines up two indicator reports. Indicators are matched by id, in a's order with b's extra ones after. A floor
 * area by use ({@code gfa.<use>}) missing on one side is 0 there (the city has none of that use); any other
 * missing indicator is null.
 */
public final class ComparisonBuilder {
  private ComparisonBuilder() {}

  public static Comparison compare(Comparison.CitySide a, IndicatorReport ra, Comparison.CitySide b,
                                   IndicatorReport rb, String scope) {
    Map<String, Indicator> left = index(ra.indicators());
    Map<String, Indicator> right = index(rb.indicators());
    Map<String, Indicator> all = new LinkedHashMap<>(left);
    right.forEach(all::putIfAbsent);
    List<ComparedIndicator> rows = new ArrayList<>();
    for (Indicator i : all.values()) {
      rows.add(ComparedIndicator.of(i.id(), i.unit(), i.label(), i.definition(), value(left, i.id()),
          value(right, i.id())));
    }
    String method = ra.accessMethod().equals(rb.accessMethod()) ? ra.accessMethod()
        : ra.accessMethod() + " / " + rb.accessMethod();
    return new Comparison(a, b, scope, method, rows);
  }

  private static Double value(Map<String, Indicator> side, String id) {
    Indicator i = side.get(id);
    if (i == null) {
      return id.startsWith("gfa.") ? 0.0 : null;
    }
    return i.value();
  }

  private static Map<String, Indicator> index(List<Indicator> list) {
    Map<String, Indicator> m = new LinkedHashMap<>();
    list.forEach(i -> m.put(i.id(), i));
    return m;
  }
}
