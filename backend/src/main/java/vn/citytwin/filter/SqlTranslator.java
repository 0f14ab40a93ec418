package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The recursive worker behind {@link FilterSqlWriter}: one instance per translation, collecting parameters in the
 * order their placeholders appear in the text.
 */
final class SqlTranslator {
  /** Deepest AST accepted (parsers stop at {@link Cql2Parser#MAX_DEPTH}; this guards hand-built trees). */
  static final int MAX_DEPTH = 256;

  private final FieldResolver fields;
  private final List<Object> params = new ArrayList<>();
  private final SpatialSql spatial;

  SqlTranslator(FieldResolver fields) {
    this.fields = fields;
    this.spatial = new SpatialSql(params);
  }

  List<Object> params() {
    return params;
  }

  String write(Filter f, int depth) {
    if (depth > MAX_DEPTH) {
      throw FilterErrors.invalid("Filter is nested too deeply (more than " + MAX_DEPTH + " levels)");
    }
    if (f instanceof Filter.Include) {
      return "TRUE";
    }
    if (f instanceof Filter.Exclude) {
      return "FALSE";
    }
    if (f instanceof Filter.And and) {
      return join(and.filters(), " AND ", depth);
    }
    if (f instanceof Filter.Or or) {
      return join(or.filters(), " OR ", depth);
    }
    if (f instanceof Filter.Not not) {
      return "NOT COALESCE(" + write(not.filter(), depth + 1) + ", FALSE)";
    }
    if (f instanceof Filter.ResourceId ids) {
      return resourceIds(ids);
    }
    if (f instanceof Filter.Spatial s) {
      return spatial.write(s, geometryField(s.property()));
    }
    if (f instanceof Filter.Temporal t) {
      return temporal(t);
    }
    return scalar(f);
  }

  private String join(List<Filter> parts, String op, int depth) {
    StringJoiner j = new StringJoiner(op, "(", ")");
    for (Filter p : parts) {
      j.add(write(p, depth + 1));
    }
    return j.toString();
  }

  // ---- scalar predicates ----------------------------------------------------------------------------------------

  private String scalar(Filter f) {
    List<Expression> operands = operands(f);
    FieldRef context = null;
    for (Expression e : operands) {
      if (e instanceof PropertyRef p) {
        context = field(p);
        break;
      }
    }
    if (context == null) {
      // No property at all: the answer is the same for every row, so fold it rather than bind mixed-type
      // constants that PostgreSQL might refuse to compare.
      return FilterEvaluator.test(f, name -> null, null) ? "TRUE" : "FALSE";
    }
    if (context.type() == FieldType.GEOMETRY) {
      if (f instanceof Filter.IsNull) {
        return context.sqlExpression() + " IS NULL";
      }
      throw FilterErrors.invalid("Property '" + context.name() + "' is a geometry; use a spatial operator such as"
          + " S_INTERSECTS or BBOX");
    }
    if (f instanceof Filter.Comparison c) {
      boolean lower = context.type() == FieldType.STRING && !c.matchCase();
      boolean collate = context.type() == FieldType.STRING && c.op().isOrdering();
      return operand(c.left(), context, lower, collate) + " " + c.op().sql() + " "
          + operand(c.right(), context, lower, collate);
    }
    if (f instanceof Filter.Like like) {
      return like(like, context);
    }
    if (f instanceof Filter.IsNull n) {
      return operand(n.value(), context, false, false) + " IS NULL";
    }
    if (f instanceof Filter.Between b) {
      boolean collate = context.type() == FieldType.STRING;
      return operand(b.value(), context, false, collate) + " BETWEEN " + operand(b.lower(), context, false,
          collate) + " AND " + operand(b.upper(), context, false, collate);
    }
    Filter.In in = (Filter.In) f;
    StringJoiner list = new StringJoiner(", ", " IN (", ")");
    String value = operand(in.value(), context, false, false);
    for (Expression e : in.list()) {
      list.add(operand(e, context, false, false));
    }
    return value + list;
  }

  private static List<Expression> operands(Filter f) {
    if (f instanceof Filter.Comparison c) {
      return List.of(c.left(), c.right());
    }
    if (f instanceof Filter.Like l) {
      return List.of(l.value());
    }
    if (f instanceof Filter.IsNull n) {
      return List.of(n.value());
    }
    if (f instanceof Filter.Between b) {
      return List.of(b.value(), b.lower(), b.upper());
    }
    if (f instanceof Filter.In in) {
      List<Expression> all = new ArrayList<>(in.list().size() + 1);
      all.add(in.value());
      all.addAll(in.list());
      return all;
    }
    throw new IllegalStateException("not a scalar predicate: " + f.getClass().getSimpleName());
  }

  /** SQL for one operand in the type context of {@code context}; literals become bound parameters. */
  private String operand(Expression e, FieldRef context, boolean lower, boolean collate) {
    String sql;
    if (e instanceof PropertyRef p) {
      FieldRef f = field(p);
      requireComparable(context, f);
      sql = f.sqlExpression();
    } else {
      params.add(LiteralBinder.bind(((Literal) e).value(), context.type(), context.name()));
      sql = "?";
    }
    if (lower) {
      sql = "lower(" + sql + ")";
    }
    return collate ? sql + " COLLATE \"C\"" : sql;
  }

  private static void requireComparable(FieldRef a, FieldRef b) {
    FieldType x = a.type();
    FieldType y = b.type();
    boolean ok = x == y || (x.isNumeric() && y.isNumeric()) || (x.isTemporal() && y.isTemporal());
    if (!ok || y == FieldType.GEOMETRY) {
      throw FilterErrors.invalid("Cannot compare property '" + a.name() + "' (" + describe(x) + ") with property '"
          + b.name() + "' (" + describe(y) + ")");
    }
  }

  private String like(Filter.Like like, FieldRef field) {
    String value = operand(like.value(), field, false, false);
    if (field.type() == FieldType.INTEGER) {
      value = "CAST(" + value + " AS text)";
    } else if (field.type() != FieldType.STRING) {
      throw FilterErrors.invalid("LIKE needs a text property, but '" + field.name() + "' is "
          + describe(field.type()));
    }
    params.add(like.pattern());
    return like.matchCase() ? value + " LIKE ?" : "lower(" + value + ") LIKE lower(?)";
  }

  // ---- ids, time ---------------------------------------------------------------------------------------------

  private String resourceIds(Filter.ResourceId ids) {
    FieldRef id = fields.resolve("id").orElseThrow(() -> FilterErrors.invalid(
        "This layer has no 'id' property, so the filter cannot select features by id"));
    Optional<String> layer = fields.layerName();
    StringJoiner list = new StringJoiner(", ", id.sqlExpression() + " IN (", ")");
    int n = 0;
    for (String rid : ids.ids()) {
      Object value = ResourceIds.idValue(rid, layer, id.type());
      if (value != null) {
        params.add(value);
        list.add("?");
        n++;
      }
    }
    return n == 0 ? "FALSE" : list.toString();
  }

  private String temporal(Filter.Temporal t) {
    FieldRef f = field(t.property());
    if (!f.type().isTemporal()) {
      throw FilterErrors.invalid("Property '" + f.name() + "' is " + describe(f.type())
          + "; temporal operators need a date or timestamp property");
    }
    String x = f.sqlExpression();
    Object start = t.start();
    Object end = t.end();
    switch (t.op()) {
      case AFTER:
        return end == null ? "FALSE" : x + " > " + bind(end, f);
      case BEFORE:
        return start == null ? "FALSE" : x + " < " + bind(start, f);
      case EQUALS:
        return start == null ? "FALSE" : x + " = " + bind(start, f);
      default: {
        boolean strict = t.op() == TemporalOp.DURING;
        List<String> parts = new ArrayList<>();
        if (start != null) {
          parts.add(x + (strict ? " > " : " >= ") + bind(start, f));
        }
        if (end != null) {
          parts.add(x + (strict ? " < " : " <= ") + bind(end, f));
        }
        return parts.isEmpty() ? x + " IS NOT NULL" : "(" + String.join(" AND ", parts) + ")";
      }
    }
  }

  private String bind(Object value, FieldRef f) {
    params.add(LiteralBinder.bind(value, f.type(), f.name()));
    return "?";
  }

  // ---- fields ------------------------------------------------------------------------------------------------

  private FieldRef field(PropertyRef p) {
    return fields.resolve(p.name()).orElseThrow(() -> unknown(p.name()));
  }

  private FieldRef geometryField(PropertyRef p) {
    if (p == null) {
      FieldRef g = fields.geometry();
      if (g == null) {
        throw FilterErrors.invalid("This layer has no geometry, so spatial filters cannot be used");
      }
      return g;
    }
    FieldRef f = field(p);
    if (f.type() != FieldType.GEOMETRY) {
      throw FilterErrors.invalid("Property '" + f.name() + "' is " + describe(f.type())
          + ", not a geometry; spatial operators need a geometry property"
          + (fields.geometry() != null ? " such as '" + fields.geometry().name() + "'" : ""));
    }
    return f;
  }

  private vn.citytwin.core.error.ApiException unknown(String name) {
    List<String> known = new ArrayList<>(fields.propertyNames());
    String hint = "";
    if (!known.isEmpty()) {
      List<String> some = known.subList(0, Math.min(8, known.size()));
      hint = "; valid properties include: " + String.join(", ", some) + (known.size() > some.size() ? ", …" : "");
    }
    return FilterErrors.invalid("Unknown property " + FilterErrors.quote(name) + hint);
  }

  static String describe(FieldType t) {
    return switch (t) {
      case STRING -> "text";
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case DATE -> "a date";
      case TIMESTAMP -> "a timestamp";
      case GEOMETRY -> "a geometry";
    };
  }
}
