package vn.citytwin.render.sld;

/** The rule-filter parser the SLD reader uses unless told otherwise. */
public final class RuleFilters {
  private RuleFilters() {
  }

  /** Rule filters through the server's FES filter package. */
  public static RuleFilterParser defaultParser() {
    return e -> {
      throw new UnsupportedOperationException("filter support is not wired in");
    };
  }
}
