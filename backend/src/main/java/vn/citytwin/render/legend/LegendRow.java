package vn.citytwin.render.legend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.TextSymbolizer;

/**
 * One legend line: a label and the rules whose symbolizers its icon draws, in drawing order.
 */
public record LegendRow(String label, List<Rule> rules) {
  public LegendRow {
    rules = List.copyOf(rules);
  }

  /**
   * The rows of a style: one per rule, except that rules sharing a non-empty title (or name) are one row —
   * a road class drawn as casing in one FeatureTypeStyle and fill in the next, or repeated per scale band, is one
   * line of the legend. Of each FeatureTypeStyle the first such rule counts. Rules without any symbolizer, and
   * untitled rules that only place labels (a layer's names), are left out.
   *
   * @param scaleDenominator when non-null, only rules active at that scale
   */
  public static List<LegendRow> of(Style style, Double scaleDenominator) {
    Map<Object, List<Rule>> rows = new LinkedHashMap<>();
    Map<Object, String> labels = new LinkedHashMap<>();
    int anonymous = 0;
    for (int f = 0; f < style.featureTypeStyles().size(); f++) {
      FeatureTypeStyle fts = style.featureTypeStyles().get(f);
      List<Object> seenInThisFts = new ArrayList<>();
      for (Rule r : fts.rules()) {
        if (r.symbolizers().isEmpty() || (scaleDenominator != null && !r.activeAt(scaleDenominator))) {
          continue;
        }
        String label = r.legendLabel();
        boolean untitled = r.title() == null || r.title().isBlank();
        if (untitled && r.symbolizers().stream().allMatch(s -> s instanceof TextSymbolizer)) {
          continue;
        }
        Object key = label.isEmpty() ? Integer.valueOf(anonymous++) : label;
        if (seenInThisFts.contains(key)) {
          continue;
        }
        seenInThisFts.add(key);
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        labels.putIfAbsent(key, label);
      }
    }
    List<LegendRow> out = new ArrayList<>();
    rows.forEach((k, rules) -> out.add(new LegendRow(labels.get(k), rules)));
    return out;
  }
}
