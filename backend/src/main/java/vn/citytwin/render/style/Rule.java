package vn.citytwin.render.style;

import java.util.List;
import java.util.Set;

/**
 * A rule: which features (filter, or else-filter) at which scales (min inclusive, max exclusive, as in SLD) are
 * drawn with which symbolizers. {@code filter} null means every feature. Title and name feed the legend.
 */
public record Rule(String name, String title, String abstractText, RuleFilter filter, boolean elseFilter,
    double minScaleDenominator, double maxScaleDenominator, List<Symbolizer> symbolizers) {

  public Rule {
    symbolizers = List.copyOf(symbolizers);
  }

  /** True when this rule applies at the given OGC scale denominator. */
  public boolean activeAt(double scaleDenominator) {
    return scaleDenominator >= minScaleDenominator && scaleDenominator < maxScaleDenominator;
  }

  /** The text a legend shows for this rule: title, else name, else the filter's description, else "". */
  public String legendLabel() {
    if (title != null && !title.isBlank()) {
      return title;
    }
    if (name != null && !name.isBlank()) {
      return name;
    }
    String d = filter != null ? filter.describe() : null;
    return d != null ? d : "";
  }

  void collectProperties(Set<String> out) {
    if (filter != null) {
      out.addAll(filter.referencedProperties());
    }
    symbolizers.forEach(s -> s.collectProperties(out));
  }
}
