package vn.citytwin.render.sld;

import vn.citytwin.filter.FesParser;

/** The rule-filter parser the SLD reader uses unless told otherwise. */
public final class RuleFilters {
  private RuleFilters() {
  }

  /**
   * Rule filters through the server's filter package ({@code ogc:} Filter Encoding 1.x and {@code fes:} 2.0).
   * Parse errors surface as the filter package's ApiException, which the SLD reader turns into a warning.
   */
  public static RuleFilterParser defaultParser() {
    return e -> new FesRuleFilter(FesParser.parse(e));
  }
}
