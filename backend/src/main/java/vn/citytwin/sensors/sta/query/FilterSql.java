package vn.citytwin.sensors.sta.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.citytwin.core.error.ApiException;

/**
 * Compiles an {@link Expr} against an entity type into SQL whose every literal is bound. Each operand gets a type
 * (text, number, boolean, time, interval, geometry, or the dynamic JSON/result kinds that take the type of what they
 * are compared with); a mismatch is an error at the operand's position. A property reached through navigation
 * properties ({@code Datastream/ObservedProperty/name}) puts the comparison inside
 * {@code EXISTS (SELECT 1 FROM <joined entities> WHERE <joins> AND <comparison>)}, which reads as "any" for to-many
 * navigation, as in FROST.
 *
 * <p>Time semantics of an interval property ({@code phenomenonTime}, {@code validTime}) against an instant t:
 * {@code gt}/{@code ge} compare the start, {@code lt}/{@code le} require start and end before t, {@code eq} means an
 * instant equal to t. Distances ({@code geo.distance}, {@code st_distance}) are in degrees of EPSG:4326, as FROST.
 */
public final class FilterSql {
  enum T { TEXT, NUMBER, BOOLEAN, TIME, INTERVAL, GEOMETRY, JSON, RESULT, NULL }

  /** A compiled operand: its SQL (start for intervals, number for results), its end/json part, and type. */
  record Op(Frag sql, Frag end, T type, int pos) {
    Op(Frag sql, T type, int pos) {
      this(sql, null, type, pos);
    }
  }

  private static final Map<String, String> CMP = Map.of("eq", " = ", "ne", " IS DISTINCT FROM ", "gt", " > ",
      "ge", " >= ", "lt", " < ", "le", " <= ");
  private static final Map<String, String> SPATIAL = Map.ofEntries(Map.entry("geo.intersects", "ST_Intersects"),
      Map.entry("st_intersects", "ST_Intersects"), Map.entry("st_within", "ST_Within"),
      Map.entry("st_contains", "ST_Contains"), Map.entry("st_disjoint", "ST_Disjoint"),
      Map.entry("st_touches", "ST_Touches"), Map.entry("st_overlaps", "ST_Overlaps"),
      Map.entry("st_crosses", "ST_Crosses"), Map.entry("st_equals", "ST_Equals"));
  private static final Map<String, Integer> ARITY = Map.ofEntries(Map.entry("substringof", 2),
      Map.entry("contains", 2), Map.entry("startswith", 2), Map.entry("endswith", 2), Map.entry("length", 1),
      Map.entry("indexof", 2), Map.entry("tolower", 1), Map.entry("toupper", 1), Map.entry("trim", 1),
      Map.entry("concat", 2), Map.entry("second", 1), Map.entry("fractionalseconds", 1), Map.entry("now", 0),
      Map.entry("round", 1), Map.entry("floor", 1), Map.entry("ceiling", 1), Map.entry("geo.distance", 2),
      Map.entry("st_distance", 2), Map.entry("geo.length", 1), Map.entry("st_relate", 3));
  private static final Set<String> DATE_PARTS = Set.of("year", "month", "day", "hour", "minute");

  private final String option;
  private final Aliases aliases;
  /** The joins of the comparison being compiled (null outside one). */
  private Scope scope;

  /** Fresh table aliases for one statement. */
  public static final class Aliases {
    private int next;

    public String next(String prefix) {
      return prefix + (next++);
    }
  }

  /** The entities a comparison reaches through navigation: FROM items and join conditions, by path prefix. */
  private static final class Scope {
    final Map<String, String> aliasByPath = new LinkedHashMap<>();
    final List<String> from = new ArrayList<>();
    final List<String> where = new ArrayList<>();
    /** Whether a to-many navigation was crossed (then the value is not single). */
    boolean many;
  }

  private FilterSql(String option, Aliases aliases) {
    this.option = option;
    this.aliases = aliases;
  }

  /** The WHERE condition of {@code filter} on entities of {@code type} aliased {@code alias}. */
  public static Frag where(String option, Expr filter, EntityType type, String alias, Aliases aliases) {
    return new FilterSql(option, aliases).predicate(filter, type, alias);
  }

  /** The ORDER BY expression(s) of one key (two for results: number, then JSON). */
  public static List<Frag> orderKey(String option, Expr key, EntityType type, String alias, Aliases aliases) {
    FilterSql f = new FilterSql(option, aliases);
    f.scope = new Scope();
    Op op = f.operand(key, type, alias);
    if (f.scope.many) {
      throw f.error(key.pos(), "can only sort by properties of this entity or of entities it has one of");
    }
    List<Frag> keys = switch (op.type()) {
      case RESULT -> List.of(op.sql(), op.end());
      case GEOMETRY -> throw f.error(key.pos(), "cannot sort by a geometry");
      case INTERVAL -> List.of(op.sql());
      default -> List.of(op.sql());
    };
    if (f.scope.from.isEmpty()) {
      return keys;
    }
    // Datastream/name: the value of the one related entity, as a scalar subquery
    List<Frag> out = new ArrayList<>();
    for (Frag k : keys) {
      out.add(Frag.of("(SELECT ", k, " FROM ", String.join(", ", f.scope.from), " WHERE ",
          String.join(" AND ", f.scope.where), ")"));
    }
    return out;
  }

  private Frag predicate(Expr e, EntityType type, String alias) {
    if (e instanceof Expr.Binary b && (b.op().equals("and") || b.op().equals("or"))) {
      return Frag.of("(", predicate(b.left(), type, alias), b.op().equals("and") ? " AND " : " OR ",
          predicate(b.right(), type, alias), ")");
    }
    if (e instanceof Expr.Unary u && u.op().equals("not")) {
      return Frag.of("(NOT ", predicate(u.operand(), type, alias), ")");
    }
    Scope outer = scope;
    scope = new Scope();
    try {
      Frag cond = asBool(operand(e, type, alias));
      if (scope.from.isEmpty()) {
        return cond;
      }
      List<String> conds = new ArrayList<>(scope.where);
      return Frag.of("EXISTS (SELECT 1 FROM ", String.join(", ", scope.from), " WHERE ",
          String.join(" AND ", conds), " AND ", cond, ")");
    } finally {
      scope = outer;
    }
  }

  private Op operand(Expr e, EntityType type, String alias) {
    if (e instanceof Expr.Text t) {
      return new Op(Frag.bind(t.value(), "text"), T.TEXT, t.pos());
    }
    if (e instanceof Expr.Num n) {
      return new Op(Frag.bind(n.value(), n.value() instanceof Long ? "bigint" : "float8"), T.NUMBER, n.pos());
    }
    if (e instanceof Expr.Bool b) {
      return new Op(Frag.bind(b.value(), "boolean"), T.BOOLEAN, b.pos());
    }
    if (e instanceof Expr.Time t) {
      return new Op(Frag.bind(t.value(), "timestamptz"), T.TIME, t.pos());
    }
    if (e instanceof Expr.Geometry g) {
      return new Op(Frag.of("ST_GeomFromText(", Frag.bind(g.wkt(), "text"), ", 4326)"), T.GEOMETRY, g.pos());
    }
    if (e instanceof Expr.Null n) {
      return new Op(Frag.sql("NULL"), T.NULL, n.pos());
    }
    if (e instanceof Expr.Path p) {
      return path(p, type, alias);
    }
    if (e instanceof Expr.Unary u) {
      return u.op().equals("not")
          ? new Op(Frag.of("(NOT ", predicate(u.operand(), type, alias), ")"), T.BOOLEAN, u.pos())
          : new Op(Frag.of("(-", asNumber(operand(u.operand(), type, alias)), ")"), T.NUMBER, u.pos());
    }
    if (e instanceof Expr.Binary b) {
      return binary(b, type, alias);
    }
    return call((Expr.Call) e, type, alias);
  }

  private Op binary(Expr.Binary b, EntityType type, String alias) {
    String op = b.op();
    if (op.equals("and") || op.equals("or")) {
      return new Op(predicate(b, type, alias), T.BOOLEAN, b.pos());
    }
    Op l = operand(b.left(), type, alias);
    Op r = operand(b.right(), type, alias);
    if (CMP.containsKey(op)) {
      return new Op(compare(op, l, r, b.pos()), T.BOOLEAN, b.pos());
    }
    Frag a = asNumber(l);
    Frag c = asNumber(r);
    Frag sql = switch (op) {
      case "add" -> Frag.of("(", a, " + ", c, ")");
      case "sub" -> Frag.of("(", a, " - ", c, ")");
      case "mul" -> Frag.of("(", a, " * ", c, ")");
      case "div" -> Frag.of("((", a, ")::float8 / (", c, "))");
      case "mod" -> Frag.of("mod((", a, ")::numeric, (", c, ")::numeric)");
      default -> throw error(b.pos(), "unknown operator " + op);
    };
    return new Op(sql, T.NUMBER, b.pos());
  }

  private Frag compare(String op, Op l, Op r, int pos) {
    if (l.type() == T.NULL || r.type() == T.NULL) {
      Op x = l.type() == T.NULL ? r : l;
      if (!op.equals("eq") && !op.equals("ne")) {
        throw error(pos, "null can only be compared with eq or ne");
      }
      Frag isNull = switch (x.type()) {
        case RESULT -> Frag.of("(", x.sql(), " IS NULL AND ", x.end(), " IS NULL)");
        case NULL -> Frag.sql("true");
        default -> Frag.of("(", x.sql(), " IS NULL)");
      };
      return op.equals("eq") ? isNull : Frag.of("(NOT ", isNull, ")");
    }
    if (l.type() == T.INTERVAL || r.type() == T.INTERVAL) {
      boolean left = l.type() == T.INTERVAL;
      Op iv = left ? l : r;
      Frag t = asTime(left ? r : l);
      return interval(left ? op : flip(op), iv, t);
    }
    T want = staticType(l, r, pos);
    if (want == null) {
      return Frag.of("(", asJsonb(l), CMP.get(op), asJsonb(r), ")");
    }
    if (want == T.GEOMETRY) {
      throw error(pos, "geometries are compared with st_equals, not " + op);
    }
    return Frag.of("(", coerce(l, want), CMP.get(op), coerce(r, want), ")");
  }

  /** The type both sides are compared as: the static one, or null when both are dynamic (JSON/result). */
  private T staticType(Op l, Op r, int pos) {
    T a = dynamic(l.type()) ? null : l.type();
    T b = dynamic(r.type()) ? null : r.type();
    if (a != null && b != null && a != b) {
      throw error(pos, "cannot compare " + name(a) + " with " + name(b));
    }
    return a != null ? a : b;
  }

  private static boolean dynamic(T t) {
    return t == T.JSON || t == T.RESULT;
  }

  private Frag interval(String op, Op iv, Frag t) {
    Frag s = iv.sql();
    Frag e = Frag.of("coalesce(", iv.end(), ", ", iv.sql(), ")");
    return switch (op) {
      case "gt" -> Frag.of("(", s, " > ", t, ")");
      case "ge" -> Frag.of("(", s, " >= ", t, ")");
      case "lt" -> Frag.of("(", s, " < ", t, " AND ", e, " < ", t, ")");
      case "le" -> Frag.of("(", s, " <= ", t, " AND ", e, " <= ", t, ")");
      case "eq" -> Frag.of("(", s, " = ", t, " AND ", e, " = ", t, ")");
      default -> Frag.of("(NOT coalesce(", s, " = ", t, " AND ", e, " = ", t, ", false))");
    };
  }

  private static String flip(String op) {
    return switch (op) {
      case "gt" -> "lt";
      case "ge" -> "le";
      case "lt" -> "gt";
      case "le" -> "ge";
      default -> op;
    };
  }

  private Frag coerce(Op o, T want) {
    return switch (want) {
      case TEXT -> asText(o);
      case NUMBER -> asNumber(o);
      case BOOLEAN -> asBool(o);
      case TIME -> asTime(o);
      default -> o.sql();
    };
  }

  private Frag asNumber(Op o) {
    return switch (o.type()) {
      case NUMBER -> o.sql();
      case RESULT -> o.sql();
      case JSON -> Frag.of("(CASE WHEN jsonb_typeof(", o.sql(), ") = 'number' THEN (", o.sql(), " #>> '{}')::float8 END)");
      default -> throw error(o.pos(), "expected a number, found " + name(o.type()));
    };
  }

  private Frag asText(Op o) {
    return switch (o.type()) {
      case TEXT -> o.sql();
      case RESULT -> jsonAs(o.end(), "string", "");
      case JSON -> jsonAs(o.sql(), "string", "");
      default -> throw error(o.pos(), "expected text, found " + name(o.type()));
    };
  }

  private Frag asBool(Op o) {
    return switch (o.type()) {
      case BOOLEAN -> o.sql();
      case RESULT -> jsonAs(o.end(), "boolean", "::boolean");
      case JSON -> jsonAs(o.sql(), "boolean", "::boolean");
      default -> throw error(o.pos(), "expected a condition (true/false), found " + name(o.type()));
    };
  }

  private Frag asTime(Op o) {
    return switch (o.type()) {
      case TIME -> o.sql();
      case INTERVAL -> o.sql();
      default -> throw error(o.pos(), "expected a time, found " + name(o.type()));
    };
  }

  private Frag asGeometry(Op o) {
    if (o.type() != T.GEOMETRY) {
      throw error(o.pos(), "expected a geometry (a geometry property or geometry'WKT'), found " + name(o.type()));
    }
    return o.sql();
  }

  private static Frag jsonAs(Frag json, String jsonType, String cast) {
    return Frag.of("(CASE WHEN jsonb_typeof(", json, ") = '", jsonType, "' THEN (", json, " #>> '{}')", cast, " END)");
  }

  private Frag asJsonb(Op o) {
    return switch (o.type()) {
      case JSON -> o.sql();
      case RESULT -> Frag.of("coalesce(to_jsonb(", o.sql(), "), ", o.end(), ")");
      default -> Frag.of("to_jsonb(", o.sql(), ")");
    };
  }

  private Op path(Expr.Path p, EntityType type, String alias) {
    List<String> segs = p.segments();
    EntityType current = type;
    String currentAlias = alias;
    StringBuilder prefix = new StringBuilder();
    int i = 0;
    for (; i < segs.size(); i++) {
      Nav nav = current.nav(segs.get(i));
      if (nav == null) {
        break;
      }
      if (i + 2 == segs.size() && isId(segs.get(i + 1)) && foreignKey(nav) != null) {
        // Datastream/id is the row's own datastream_id: no join, and the (datastream, time) index applies
        return new Op(Frag.sql(currentAlias + "." + foreignKey(nav)), T.NUMBER, p.pos());
      }
      prefix.append('/').append(nav.name());
      String key = currentAlias + prefix;
      String t = scope.aliasByPath.get(key);
      if (t == null) {
        t = aliases.next("n");
        String x = aliases.next("x");
        scope.aliasByPath.put(key, t);
        scope.from.add(nav.from(t, x));
        scope.where.add(nav.where(currentAlias, t, x));
      }
      scope.many |= nav.many();
      current = EntityType.targetOf(nav);
      currentAlias = t;
    }
    if (i == segs.size()) {
      throw error(p.pos(), "'" + String.join("/", segs) + "' ends at a navigation property; name a property of "
          + current.singular());
    }
    String name = segs.get(i);
    if (name.equals("id") || name.equals("@iot.id")) {
      if (i + 1 < segs.size()) {
        throw error(p.pos(), "id has no sub-properties");
      }
      return new Op(Frag.sql(currentAlias + ".id"), T.NUMBER, p.pos());
    }
    Prop prop = current.prop(name);
    if (prop == null) {
      throw error(p.pos(), current.singular() + " has no property '" + name + "'");
    }
    List<String> rest = segs.subList(i + 1, segs.size());
    if (!rest.isEmpty()) {
      if (prop.kind() != PropKind.JSON && prop.kind() != PropKind.RESULT) {
        throw error(p.pos(), "'" + name + "' has no sub-properties");
      }
      String column = prop.kind() == PropKind.RESULT ? prop.endSql(currentAlias) : prop.sql(currentAlias);
      return new Op(Frag.of("(", column, " #> ", Frag.bind(rest.toArray(new String[0]), "text[]"), ")"), T.JSON,
          p.pos());
    }
    return switch (prop.kind()) {
      case ID -> new Op(Frag.sql(prop.sql(currentAlias)), T.NUMBER, p.pos());
      case TEXT -> new Op(Frag.sql(prop.sql(currentAlias)), T.TEXT, p.pos());
      case JSON -> new Op(Frag.sql(prop.sql(currentAlias)), T.JSON, p.pos());
      case GEOMETRY -> new Op(Frag.sql(prop.sql(currentAlias)), T.GEOMETRY, p.pos());
      case INSTANT -> new Op(Frag.sql(prop.sql(currentAlias)), T.TIME, p.pos());
      case INTERVAL -> new Op(Frag.sql(prop.sql(currentAlias)), Frag.sql(prop.endSql(currentAlias)), T.INTERVAL,
          p.pos());
      case RESULT -> new Op(Frag.sql(prop.sql(currentAlias)), Frag.sql(prop.endSql(currentAlias)), T.RESULT, p.pos());
    };
  }

  private static boolean isId(String segment) {
    return segment.equals("id") || segment.equals("@iot.id");
  }

  /** The source's foreign key of a to-one navigation ({@code {t}.id = {s}.datastream_id}), or null. */
  public static String foreignKey(Nav nav) {
    String prefix = "{t}.id = {s}.";
    return !nav.many() && nav.where().startsWith(prefix) ? nav.where().substring(prefix.length()) : null;
  }

  private Op call(Expr.Call c, EntityType type, String alias) {
    String fn = c.name();
    Integer n = ARITY.get(fn);
    if (n == null && !SPATIAL.containsKey(fn) && !DATE_PARTS.contains(fn) && !fn.equals("substring")) {
      throw error(c.pos(), "unknown function " + fn + "()");
    }
    if (fn.equals("substring") && c.args().size() != 2) {
      arity(c, 3);
    } else if (n != null) {
      arity(c, n);
    }
    List<Op> a = new ArrayList<>();
    for (Expr arg : c.args()) {
      a.add(operand(arg, type, alias));
    }
    if (SPATIAL.containsKey(fn)) {
      arity(c, 2);
      return new Op(Frag.of(SPATIAL.get(fn), "(", asGeometry(a.get(0)), ", ", asGeometry(a.get(1)), ")"), T.BOOLEAN,
          c.pos());
    }
    if (DATE_PARTS.contains(fn)) {
      arity(c, 1);
      return new Op(Frag.of("extract(", fn, " FROM (", asTime(a.get(0)), ") AT TIME ZONE 'UTC')::float8"), T.NUMBER,
          c.pos());
    }
    return switch (fn) {
      case "substringof" -> bool(c, 2, "(strpos(", asText(a.get(1)), ", ", asText(a.get(0)), ") > 0)");
      case "contains" -> bool(c, 2, "(strpos(", asText(a.get(0)), ", ", asText(a.get(1)), ") > 0)");
      case "startswith" -> bool(c, 2, "starts_with(", asText(a.get(0)), ", ", asText(a.get(1)), ")");
      case "endswith" -> bool(c, 2, "(right(", asText(a.get(0)), ", length(", asText(a.get(1)), ")) = ",
          asText(a.get(1)), ")");
      case "length" -> num(c, 1, "length(", asText(a.get(0)), ")::float8");
      case "indexof" -> num(c, 2, "(strpos(", asText(a.get(0)), ", ", asText(a.get(1)), ") - 1)");
      case "substring" -> substring(c, a);
      case "tolower" -> text(c, 1, "lower(", asText(a.get(0)), ")");
      case "toupper" -> text(c, 1, "upper(", asText(a.get(0)), ")");
      case "trim" -> text(c, 1, "btrim(", asText(a.get(0)), ")");
      case "concat" -> text(c, 2, "(", asText(a.get(0)), " || ", asText(a.get(1)), ")");
      case "second" -> num(c, 1, "floor(extract(second FROM (", asTime(a.get(0)), ") AT TIME ZONE 'UTC'))::float8");
      case "fractionalseconds" -> num(c, 1, "(extract(second FROM (", asTime(a.get(0)),
          ")) - floor(extract(second FROM (", asTime(a.get(0)), "))))::float8");
      case "now" -> {
        arity(c, 0);
        yield new Op(Frag.sql("now()"), T.TIME, c.pos());
      }
      case "round" -> num(c, 1, "round((", asNumber(a.get(0)), ")::numeric)::float8");
      case "floor" -> num(c, 1, "floor(", asNumber(a.get(0)), ")");
      case "ceiling" -> num(c, 1, "ceiling(", asNumber(a.get(0)), ")");
      case "geo.distance", "st_distance" -> num(c, 2, "ST_Distance(", asGeometry(a.get(0)), ", ",
          asGeometry(a.get(1)), ")");
      case "geo.length" -> num(c, 1, "ST_Length(", asGeometry(a.get(0)), ")");
      case "st_relate" -> bool(c, 3, "ST_Relate(", asGeometry(a.get(0)), ", ", asGeometry(a.get(1)), ", ",
          asText(a.get(2)), ")");
      default -> throw error(c.pos(), "unknown function " + fn + "()");
    };
  }

  private Op substring(Expr.Call c, List<Op> a) {
    if (a.size() == 2) {
      return text(c, 2, "substr(", asText(a.get(0)), ", (", asNumber(a.get(1)), ")::int + 1)");
    }
    return text(c, 3, "substr(", asText(a.get(0)), ", (", asNumber(a.get(1)), ")::int + 1, (", asNumber(a.get(2)),
        ")::int)");
  }

  private Op bool(Expr.Call c, int n, Object... parts) {
    arity(c, n);
    return new Op(Frag.of(parts), T.BOOLEAN, c.pos());
  }

  private Op num(Expr.Call c, int n, Object... parts) {
    arity(c, n);
    return new Op(Frag.of(parts), T.NUMBER, c.pos());
  }

  private Op text(Expr.Call c, int n, Object... parts) {
    arity(c, n);
    return new Op(Frag.of(parts), T.TEXT, c.pos());
  }

  /** Checked before the arguments are used: fewer arguments would fail with an index error first. */
  private void arity(Expr.Call c, int n) {
    if (c.args().size() != n) {
      throw error(c.pos(), c.name() + "() takes " + n + " argument" + (n == 1 ? "" : "s") + ", not "
          + c.args().size());
    }
  }

  private static String name(T t) {
    return switch (t) {
      case TEXT -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a condition";
      case TIME -> "a time";
      case INTERVAL -> "a time interval";
      case GEOMETRY -> "a geometry";
      case JSON -> "a JSON value";
      case RESULT -> "a result";
      case NULL -> "null";
    };
  }

  private ApiException error(int pos, String what) {
    return ApiException.invalidParameter(option, option + ": " + what + " at position " + pos);
  }
}
