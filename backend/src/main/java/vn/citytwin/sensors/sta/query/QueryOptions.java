package vn.citytwin.sensors.sta.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.citytwin.core.config.SensorSettings;
import vn.citytwin.core.error.ApiException;

/**
 * The query options of one request (or of one {@code $expand} item), parsed and checked against the entity type:
 * {@code $filter} (an {@link Expr}), {@code $orderby}, {@code $top} (default and cap from settings), {@code $skip},
 * {@code $count}, {@code $select} (property and navigation names), {@code $expand} (nested, each with its own
 * options: {@code Datastreams($filter=…;$top=2;$expand=ObservedProperty)}), {@code $resultFormat=dataArray}.
 *
 * @param top the page size (already capped)
 * @param topGiven whether the client set {@code $top} (nested collections are only paged when it did or the page is full)
 * @param select null: every property and navigation link
 */
public record QueryOptions(EntityType type, Expr filter, List<OrderKey> orderBy, int top, boolean topGiven, int skip,
                           boolean count, List<String> select, List<Expand> expand, boolean dataArray,
                           Map<String, String> raw) {
  public static final Set<String> KNOWN = Set.of("$filter", "$orderby", "$top", "$skip", "$count", "$select",
      "$expand", "$resultFormat");

  /** One {@code $orderby} key. */
  public record OrderKey(Expr key, boolean descending) {}

  /** One {@code $expand} item: a navigation property and the options of its entities. */
  public record Expand(Nav nav, QueryOptions options) {}

  /** No options: the defaults for a type. */
  public static QueryOptions none(EntityType type, SensorSettings settings) {
    return parse(Map.of(), type, settings);
  }

  /**
   * @param raw option name → decoded value (only {@code $…} keys are looked at)
   * @throws ApiException invalid parameter naming the option
   */
  public static QueryOptions parse(Map<String, String> raw, EntityType type, SensorSettings settings) {
    return parse(raw, type, settings, 0);
  }

  /** Deepest $expand nesting accepted: each level is one more statement. */
  static final int MAX_EXPAND_DEPTH = 8;

  private static QueryOptions parse(Map<String, String> raw, EntityType type, SensorSettings settings, int depth) {
    if (depth > MAX_EXPAND_DEPTH) {
      throw ApiException.invalidParameter("$expand", "$expand nests deeper than " + MAX_EXPAND_DEPTH + " levels");
    }
    for (String key : raw.keySet()) {
      if (key.startsWith("$") && !KNOWN.contains(key)) {
        throw ApiException.invalidParameter(key, "Unknown query option " + key);
      }
    }
    Expr filter = raw.containsKey("$filter") ? FilterParser.parse("$filter", raw.get("$filter")) : null;
    List<OrderKey> order = raw.containsKey("$orderby") ? orderBy(raw.get("$orderby")) : List.of();
    boolean topGiven = raw.containsKey("$top");
    int top = topGiven ? Math.min(nonNegative("$top", raw.get("$top")), settings.maxTop()) : settings.defaultTop();
    int skip = raw.containsKey("$skip") ? nonNegative("$skip", raw.get("$skip")) : 0;
    boolean count = false;
    if (raw.containsKey("$count")) {
      String c = raw.get("$count").trim().toLowerCase(Locale.ROOT);
      if (!c.equals("true") && !c.equals("false")) {
        throw ApiException.invalidParameter("$count", "$count must be true or false");
      }
      count = c.equals("true");
    }
    List<String> select = raw.containsKey("$select") ? select(raw.get("$select"), type) : null;
    List<Expand> expand = raw.containsKey("$expand") ? expand(raw.get("$expand"), type, settings, depth) : List.of();
    boolean dataArray = false;
    if (raw.containsKey("$resultFormat")) {
      String f = raw.get("$resultFormat").trim();
      if (!f.equals("dataArray")) {
        throw ApiException.invalidParameter("$resultFormat", "$resultFormat: only dataArray is supported");
      }
      if (type != EntityType.OBSERVATION) {
        throw ApiException.invalidParameter("$resultFormat", "$resultFormat=dataArray is for Observations only");
      }
      dataArray = true;
    }
    return new QueryOptions(type, filter, order, top, topGiven, skip, count, select, expand, dataArray, Map.copyOf(raw));
  }

  private static int nonNegative(String option, String value) {
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalidParameter(option, option + " must be a non-negative integer, not '" + value + "'");
  }

  private static List<OrderKey> orderBy(String text) {
    List<OrderKey> keys = new ArrayList<>();
    for (String item : split(text, ',')) {
      String s = item.trim();
      if (s.isEmpty()) {
        throw ApiException.invalidParameter("$orderby", "$orderby has an empty key");
      }
      int[] end = new int[1];
      Expr key = FilterParser.parseOperand("$orderby", s, end);
      String rest = s.substring(end[0]).trim().toLowerCase(Locale.ROOT);
      if (!rest.isEmpty() && !rest.equals("asc") && !rest.equals("desc")) {
        throw ApiException.invalidParameter("$orderby", "$orderby: expected asc or desc after the key, not '" + rest
            + "'");
      }
      keys.add(new OrderKey(key, rest.equals("desc")));
    }
    return keys;
  }

  private static List<String> select(String text, EntityType type) {
    List<String> names = new ArrayList<>();
    for (String item : text.split(",")) {
      String n = item.trim();
      if (n.equals("@iot.id")) {
        n = "id";
      }
      if (!n.equals("id") && !n.equals("@iot.selfLink") && type.prop(n) == null && type.nav(n) == null) {
        throw ApiException.invalidParameter("$select", "$select: " + type.singular() + " has no property '" + n + "'");
      }
      if (!names.contains(n)) {
        names.add(n);
      }
    }
    return List.copyOf(names);
  }

  private static List<Expand> expand(String text, EntityType type, SensorSettings settings, int depth) {
    Map<String, Map<String, String>> byNav = new LinkedHashMap<>();
    for (String item : split(text, ',')) {
      String s = item.trim();
      String options = null;
      int paren = s.indexOf('(');
      if (paren >= 0) {
        if (!s.endsWith(")")) {
          throw ApiException.invalidParameter("$expand", "$expand: unbalanced parentheses in '" + s + "'");
        }
        options = s.substring(paren + 1, s.length() - 1);
        s = s.substring(0, paren).trim();
      }
      String[] path = s.split("/", 2);
      String nav = path[0].trim();
      if (type.nav(nav) == null) {
        throw ApiException.invalidParameter("$expand", "$expand: " + type.singular() + " has no navigation property '"
            + nav + "'");
      }
      Map<String, String> opts = byNav.computeIfAbsent(nav, k -> new LinkedHashMap<>());
      if (path.length > 1) {
        // Datastreams/ObservedProperty(...) is Datastreams($expand=ObservedProperty(...))
        String inner = path[1] + (options == null ? "" : "(" + options + ")");
        opts.merge("$expand", inner, (a, b) -> a + "," + b);
      } else if (options != null) {
        for (String o : split(options, ';')) {
          int eq = o.indexOf('=');
          if (eq < 0) {
            throw ApiException.invalidParameter("$expand", "$expand: option '" + o + "' has no value");
          }
          String key = o.substring(0, eq).trim();
          String value = o.substring(eq + 1);
          if (!KNOWN.contains(key)) {
            throw ApiException.invalidParameter("$expand", "$expand: unknown option '" + key + "' for " + nav);
          }
          if (key.equals("$expand")) {
            opts.merge(key, value, (a, b) -> a + "," + b);
          } else {
            opts.put(key, value);
          }
        }
      }
    }
    List<Expand> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> e : byNav.entrySet()) {
      Nav nav = type.nav(e.getKey());
      if (e.getValue().containsKey("$resultFormat")) {
        throw ApiException.invalidParameter("$expand", "$resultFormat is not allowed inside $expand");
      }
      out.add(new Expand(nav, parse(e.getValue(), EntityType.targetOf(nav), settings, depth + 1)));
    }
    return out;
  }

  /** Splits at {@code sep} outside parentheses and single-quoted strings. */
  static List<String> split(String text, char sep) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == sep) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** Whether the response shows a property or navigation link ({@code $select} absent: everything). */
  public boolean shows(String name) {
    return select == null || select.contains(name);
  }
}
