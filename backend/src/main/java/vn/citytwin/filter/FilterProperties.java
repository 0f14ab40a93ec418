package vn.citytwin.filter;

import java.util.LinkedHashSet;
import java.util.Set;

/** Which properties a filter reads, e.g. to fetch them before evaluating SLD rules in memory. */
public final class FilterProperties {
  private FilterProperties() {}

  /**
   * The property names {@code filter} references, in first-use order. A spatial operator on the default geometry
   * contributes nothing; a ResourceId contributes {@code id} (what it is matched against).
   */
  public static Set<String> referenced(Filter filter) {
    Set<String> out = new LinkedHashSet<>();
    collect(filter, out, 0);
    return out;
  }

  private static void collect(Filter f, Set<String> out, int depth) {
    if (depth > SqlTranslator.MAX_DEPTH) {
      throw FilterErrors.invalid("Filter is nested too deeply (more than " + SqlTranslator.MAX_DEPTH + " levels)");
    }
    if (f instanceof Filter.And and) {
      and.filters().forEach(x -> collect(x, out, depth + 1));
    } else if (f instanceof Filter.Or or) {
      or.filters().forEach(x -> collect(x, out, depth + 1));
    } else if (f instanceof Filter.Not not) {
      collect(not.filter(), out, depth + 1);
    } else if (f instanceof Filter.Comparison c) {
      add(c.left(), out);
      add(c.right(), out);
    } else if (f instanceof Filter.Like l) {
      add(l.value(), out);
    } else if (f instanceof Filter.IsNull n) {
      add(n.value(), out);
    } else if (f instanceof Filter.Between b) {
      add(b.value(), out);
      add(b.lower(), out);
      add(b.upper(), out);
    } else if (f instanceof Filter.In in) {
      add(in.value(), out);
      in.list().forEach(e -> add(e, out));
    } else if (f instanceof Filter.ResourceId) {
      out.add("id");
    } else if (f instanceof Filter.Spatial s) {
      if (s.property() != null) {
        out.add(s.property().name());
      }
    } else if (f instanceof Filter.Temporal t) {
      out.add(t.property().name());
    }
  }

  private static void add(Expression e, Set<String> out) {
    if (e instanceof PropertyRef p) {
      out.add(p.name());
    }
  }
}
