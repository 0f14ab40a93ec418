package vn.citytwin.filter;

import java.util.stream.Collectors;
import org.locationtech.jts.io.WKTWriter;

/** A compact, readable rendering of the AST for table-driven tests; geometry is WKT with its SRID. */
final class Ast {
  private Ast() {}

  static String show(Filter f) {
    if (f instanceof Filter.Include) {
      return "INCLUDE";
    }
    if (f instanceof Filter.Exclude) {
      return "EXCLUDE";
    }
    if (f instanceof Filter.And a) {
      return "AND(" + a.filters().stream().map(Ast::show).collect(Collectors.joining(", ")) + ")";
    }
    if (f instanceof Filter.Or o) {
      return "OR(" + o.filters().stream().map(Ast::show).collect(Collectors.joining(", ")) + ")";
    }
    if (f instanceof Filter.Not n) {
      return "NOT(" + show(n.filter()) + ")";
    }
    if (f instanceof Filter.Comparison c) {
      return c.op() + "(" + show(c.left()) + ", " + show(c.right()) + (c.matchCase() ? "" : ", ci") + ")";
    }
    if (f instanceof Filter.Like l) {
      return "LIKE(" + show(l.value()) + ", '" + l.pattern() + "'" + (l.matchCase() ? "" : ", ci") + ")";
    }
    if (f instanceof Filter.IsNull n) {
      return "ISNULL(" + show(n.value()) + ")";
    }
    if (f instanceof Filter.Between b) {
      return "BETWEEN(" + show(b.value()) + ", " + show(b.lower()) + ", " + show(b.upper()) + ")";
    }
    if (f instanceof Filter.In in) {
      return "IN(" + show(in.value()) + ", [" + in.list().stream().map(Ast::show).collect(Collectors.joining(", "))
          + "])";
    }
    if (f instanceof Filter.ResourceId ids) {
      return "ID" + ids.ids();
    }
    if (f instanceof Filter.Spatial s) {
      return s.op() + "(" + (s.property() == null ? "<default>" : s.property().name()) + ", "
          + new WKTWriter().write(s.geometry().geometry()) + " @" + s.geometry().srid()
          + (s.distance() == null ? "" : ", " + s.distance().value() + " " + s.distance().unit()) + ")";
    }
    Filter.Temporal t = (Filter.Temporal) f;
    return "T_" + t.op() + "(" + t.property().name() + ", " + t.start() + ", " + t.end() + ")";
  }

  static String show(Expression e) {
    if (e instanceof PropertyRef p) {
      return p.name();
    }
    Object v = ((Literal) e).value();
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof java.time.LocalDate d) {
      return "DATE(" + d + ")";
    }
    if (v instanceof java.time.Instant i) {
      return "TIMESTAMP(" + i + ")";
    }
    return String.valueOf(v);
  }
}
