package vn.citytwin.sensors.sta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.sensors.sta.query.EntityType;
import vn.citytwin.sensors.sta.query.FilterSql;
import vn.citytwin.sensors.sta.query.Frag;
import vn.citytwin.sensors.sta.query.Nav;
import vn.citytwin.sensors.sta.query.Prop;
import vn.citytwin.sensors.sta.query.QueryOptions;

/**
 * Answers GET requests: resolves a {@link ResourcePath} step by step, pages the addressed collection and expands
 * navigation properties, all on one connection (a database worker thread).
 *
 * <p>SQL shape of a collection page:
 * {@code SELECT e.id, <props> FROM <table> e WHERE <parent link> AND <$filter> ORDER BY <$orderby>, e.id
 * LIMIT top+1 OFFSET skip} (one row more than the page tells whether a next page exists); the parent link of
 * {@code Datastreams(7)/Observations} is {@code e.datastream_id = ?}, so the (datastream, phenomenonTime) index
 * serves {@code $orderby=phenomenonTime desc}. Each {@code $expand} level is one more statement for the whole page:
 * {@code SELECT s.id, q.* FROM <parent table> s CROSS JOIN LATERAL (SELECT … FROM <target> t WHERE <join> AND
 * <filter> ORDER BY … LIMIT top+1 OFFSET skip) q WHERE s.id = ANY(?)}.
 */
final class StaReader {
  private final Connection c;
  private final StaLinks links;
  /** The id of every entity JSON built here, even when $select hides it (expansions need it). */
  private final Map<JsonObject, Long> ids = new java.util.IdentityHashMap<>();

  /** Most entities one $expand level may bring for the whole page (per-parent pages shrink to fit; nextLinks stay). */
  private final int maxExpandRows;

  StaReader(Connection c, StaLinks links, int maxExpandRows) {
    this.c = c;
    this.links = links;
    this.maxExpandRows = maxExpandRows;
  }

  /** What a GET answers: a JSON document, or a raw {@code $value}. */
  record Answer(Object json, String rawValue) {}

  Answer get(ResourcePath path, QueryOptions options, String relativePath) throws SQLException {
    FilterSql.Aliases aliases = new FilterSql.Aliases();
    Frag parent = resolveParent(path, aliases);
    ResourcePath.Step last = path.last();
    EntityType type = last.type();
    List<Frag> where = new ArrayList<>();
    if (parent != null) {
      where.add(parent);
    }
    if (last.id() != null) {
      where.add(Frag.of("e.id = ", Frag.bind(last.id(), "bigint")));
    }
    if (path.collection()) {
      if (path.ref()) {
        options = refOptions(options);
      }
      if (options.filter() != null) {
        where.add(FilterSql.where("$filter", options.filter(), type, "e", aliases));
      }
      return new Answer(collection(type, where, options, relativePath, aliases, path.ref()), null);
    }
    QueryOptions single = options;
    if (path.ref() || path.property() != null) {
      single = refOptions(options);
    }
    List<JsonObject> rows = page(type, where, List.of(), 1, 0, single, aliases);
    if (rows.isEmpty()) {
      throw ApiException.notFound(null, "No such " + type.singular());
    }
    JsonObject entity = rows.get(0);
    if (path.ref()) {
      return new Answer(new JsonObject().put("@iot.selfLink", entity.getString("@iot.selfLink")), null);
    }
    if (path.property() != null) {
      String name = path.property();
      Object v = name.equals("id") ? entity.getValue("@iot.id") : propertyValue(type, entity.getLong("@iot.id"), name);
      if (path.value()) {
        return new Answer(null, v == null ? null : v instanceof JsonObject || v instanceof JsonArray
            ? io.vertx.core.json.Json.encode(v) : String.valueOf(v));
      }
      return new Answer(new JsonObject().put(name, v), null);
    }
    expand(type, List.of(entity), options, aliases);
    return new Answer(entity, null);
  }

  /** Only ids: what {@code $ref} and property paths need. */
  private static QueryOptions refOptions(QueryOptions o) {
    return new QueryOptions(o.type(), o.filter(), o.orderBy(), o.top(), o.topGiven(), o.skip(), o.count(),
        List.of("id", "@iot.selfLink"), List.of(), false, o.raw());
  }

  private Object propertyValue(EntityType type, long id, String name) throws SQLException {
    EntityColumns cols = EntityColumns.of(type, List.of(type.prop(name)));
    Frag q = Frag.of("SELECT ", cols.select("e"), " FROM ", type.table(), " e WHERE e.id = ", Frag.bind(id, "bigint"));
    try (PreparedStatement ps = prepare(q); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return cols.values(rs, 1).get(0);
    }
  }

  /**
   * Resolves every step but the last to one entity id (404 when a step names nothing) and returns the condition
   * that ties the last step's entities (alias {@code e}) to the entity before it, or null for an entity set.
   */
  private Frag resolveParent(ResourcePath path, FilterSql.Aliases aliases) throws SQLException {
    if (path.steps().size() < 2) {
      return null;
    }
    long ownerId = resolveOwner(path, aliases);
    return link(path.last().nav(), path.steps().get(path.steps().size() - 2).type(), ownerId, aliases);
  }

  /** The id of the entity the last step hangs off ({@code Things(1)} in {@code Things(1)/Datastreams}). */
  long resolveOwner(ResourcePath path) throws SQLException {
    return resolveOwner(path, new FilterSql.Aliases());
  }

  private long resolveOwner(ResourcePath path, FilterSql.Aliases aliases) throws SQLException {
    Long parentId = null;
    EntityType parentType = null;
    List<ResourcePath.Step> steps = path.steps();
    for (int i = 0; i < steps.size() - 1; i++) {
      ResourcePath.Step step = steps.get(i);
      List<Frag> where = new ArrayList<>();
      if (parentType != null) {
        where.add(link(step.nav(), parentType, parentId, aliases));
      }
      if (step.id() != null) {
        where.add(Frag.of("e.id = ", Frag.bind(step.id(), "bigint")));
      }
      Frag q = Frag.of("SELECT e.id FROM ", step.type().table(), " e",
          where.isEmpty() ? "" : " WHERE ", Frag.join(" AND ", where), " LIMIT 1");
      try (PreparedStatement ps = prepare(q); ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound(null, "No such " + step.type().singular());
        }
        parentId = rs.getLong(1);
      }
      parentType = step.type();
    }
    return parentId;
  }

  /** The condition "entity {@code e} is reached from {@code parentType(parentId)} through {@code nav}". */
  static Frag link(Nav nav, EntityType parentType, long parentId, FilterSql.Aliases aliases) {
    String x = aliases.next("x");
    if (nav.linkTable() == null && nav.needsOnlySourceId()) {
      String w = nav.where("\u0000", "e", x).replace("\u0000.id", "?");
      return new Frag(w, List.of(parentId));
    }
    if (nav.linkTable() != null) {
      String[] l = nav.linkTable();
      return Frag.of("EXISTS (SELECT 1 FROM ", l[0], " ", x, " WHERE ", x, ".", l[1], " = ", Frag.bind(parentId, "bigint"),
          " AND ", x, ".", l[2], " = e.id)");
    }
    String s = aliases.next("p");
    return Frag.of("EXISTS (SELECT 1 FROM ", parentType.table(), " ", s, " WHERE ", s, ".id = ",
        Frag.bind(parentId, "bigint"), " AND ", nav.where(s, "e", x), ")");
  }

  private JsonObject collection(EntityType type, List<Frag> where, QueryOptions options, String relativePath,
                                FilterSql.Aliases aliases, boolean ref) throws SQLException {
    JsonObject out = new JsonObject();
    if (options.count()) {
      Frag q = Frag.of("SELECT count(*) FROM ", type.table(), " e", where.isEmpty() ? "" : " WHERE ",
          Frag.join(" AND ", where));
      try (PreparedStatement ps = prepare(q); ResultSet rs = ps.executeQuery()) {
        rs.next();
        out.put("@iot.count", rs.getLong(1));
      }
    }
    List<Frag> order = orderBy(type, options, "e", aliases);
    if (options.dataArray()) {
      return DataArrayWriter.page(this, type, where, order, options, relativePath, out);
    }
    List<JsonObject> rows = page(type, where, order, options.top() + 1, options.skip(), options, aliases);
    boolean more = rows.size() > options.top();
    if (more) {
      rows = new ArrayList<>(rows.subList(0, options.top()));
    }
    if (more) {
      out.put("@iot.nextLink", nextLink(relativePath, options));
    }
    if (!ref) {
      expand(type, rows, options, aliases);
    }
    JsonArray value = new JsonArray();
    for (JsonObject r : rows) {
      value.add(ref ? new JsonObject().put("@iot.selfLink", r.getString("@iot.selfLink")) : r);
    }
    out.put("value", value);
    return out;
  }

  String nextLink(String relativePath, QueryOptions options) {
    return nextLink(relativePath, options, options.top());
  }

  private String nextLink(String relativePath, QueryOptions options, int top) {
    Map<String, String> next = new LinkedHashMap<>(options.raw());
    next.put("$top", Integer.toString(top));
    next.put("$skip", Integer.toString(options.skip() + top));
    return links.withOptions(relativePath, next);
  }

  /** ORDER BY keys, then the id as a tie-breaker so pages never overlap. */
  List<Frag> orderBy(EntityType type, QueryOptions options, String alias, FilterSql.Aliases aliases) {
    List<Frag> keys = new ArrayList<>();
    for (QueryOptions.OrderKey k : options.orderBy()) {
      for (Frag f : FilterSql.orderKey("$orderby", k.key(), type, alias, aliases)) {
        keys.add(Frag.of(f, k.descending() ? " DESC" : " ASC"));
      }
    }
    keys.add(Frag.sql(alias + ".id ASC"));
    return keys;
  }

  /** One page of entities as JSON (links included, expansions not yet). */
  List<JsonObject> page(EntityType type, List<Frag> where, List<Frag> order, int limit, int offset,
                        QueryOptions options, FilterSql.Aliases aliases) throws SQLException {
    EntityColumns cols = EntityColumns.of(type, options);
    Frag q = Frag.of("SELECT ", cols.select("e"), " FROM ", type.table(), " e",
        where.isEmpty() ? "" : " WHERE ", Frag.join(" AND ", where),
        order.isEmpty() ? "" : " ORDER BY ", Frag.join(", ", order),
        " LIMIT ", Frag.bind(limit, "int"), " OFFSET ", Frag.bind(offset, "int"));
    List<JsonObject> rows = new ArrayList<>();
    try (PreparedStatement ps = prepare(q); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(entity(type, rs.getLong(1), cols, cols.values(rs, 1), options));
      }
    }
    return rows;
  }

  /** The JSON of one entity: id, self link, properties, navigation links (as {@code $select} allows). */
  JsonObject entity(EntityType type, long id, EntityColumns cols, List<Object> values, QueryOptions options) {
    JsonObject json = new JsonObject();
    ids.put(json, id);
    String self = links.self(type, id);
    if (options.shows("id")) {
      json.put("@iot.id", id);
    }
    if (options.select() == null || options.select().contains("@iot.selfLink")) {
      json.put("@iot.selfLink", self);
    }
    cols.put(json, values);
    for (Nav nav : type.navs()) {
      if (options.select() == null || options.select().contains(nav.name())) {
        json.put(nav.name() + "@iot.navigationLink", self + "/" + nav.name());
      }
    }
    return json;
  }

  /** Adds the {@code $expand}ed navigation properties to a page of entities of {@code type}. */
  private void expand(EntityType type, List<JsonObject> parents, QueryOptions options, FilterSql.Aliases aliases)
      throws SQLException {
    if (parents.isEmpty() || options.expand().isEmpty()) {
      return;
    }
    Map<Long, JsonObject> byId = new LinkedHashMap<>();
    for (JsonObject p : parents) {
      byId.put(ids.get(p), p);
    }
    Long[] parentIds = byId.keySet().toArray(new Long[0]);
    for (QueryOptions.Expand ex : options.expand()) {
      Nav nav = ex.nav();
      QueryOptions o = ex.options();
      EntityType target = EntityType.targetOf(nav);
      String s = aliases.next("s");
      String x = aliases.next("x");
      List<Frag> where = new ArrayList<>();
      where.add(Frag.sql(nav.where(s, "e", x)));
      if (o.filter() != null) {
        where.add(FilterSql.where("$filter", o.filter(), target, "e", aliases));
      }
      List<Frag> order = orderBy(target, o, "e", aliases);
      int top = Math.min(o.top(), Math.max(1, maxExpandRows / parentIds.length));
      int limit = nav.many() ? top + 1 : 1;
      EntityColumns cols = EntityColumns.of(target, o);
      Frag q = Frag.of("SELECT ", s, ".id, q.* FROM ", type.table(), " ", s, " CROSS JOIN LATERAL (SELECT ",
          cols.select("e"), " FROM ", nav.from("e", x), " WHERE ", Frag.join(" AND ", where),
          " ORDER BY ", Frag.join(", ", order), " LIMIT ", Frag.bind(limit, "int"), " OFFSET ",
          Frag.bind(nav.many() ? o.skip() : 0, "int"), ") q WHERE ", s, ".id = ANY (", Frag.bind(parentIds, null), ")");
      Map<Long, List<JsonObject>> children = new HashMap<>();
      List<JsonObject> all = new ArrayList<>();
      try (PreparedStatement ps = prepare(q); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JsonObject child = entity(target, rs.getLong(2), cols, cols.values(rs, 2), o);
          children.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(child);
          all.add(child);
        }
      }
      Map<Long, Long> counts = o.count() && nav.many() ? counts(type, nav, o, parentIds, aliases) : Map.of();
      List<JsonObject> shown = new ArrayList<>();
      for (Map.Entry<Long, JsonObject> e : byId.entrySet()) {
        List<JsonObject> list = children.getOrDefault(e.getKey(), List.of());
        JsonObject parent = e.getValue();
        if (!nav.many()) {
          if (!list.isEmpty()) {
            parent.put(nav.name(), list.get(0));
            shown.add(list.get(0));
          }
          continue;
        }
        if (o.count()) {
          parent.put(nav.name() + "@iot.count", counts.getOrDefault(e.getKey(), 0L));
        }
        boolean more = list.size() > top;
        List<JsonObject> page = more ? list.subList(0, top) : list;
        parent.put(nav.name(), new JsonArray(new ArrayList<>(page)));
        shown.addAll(page);
        if (more) {
          String rel = "/" + type.plural() + "(" + e.getKey() + ")/" + nav.name();
          parent.put(nav.name() + "@iot.nextLink", nextLink(rel, o, top));
        }
      }
      expand(target, shown, o, aliases);
    }
  }

  private Map<Long, Long> counts(EntityType type, Nav nav, QueryOptions o, Long[] ids, FilterSql.Aliases aliases)
      throws SQLException {
    EntityType target = EntityType.targetOf(nav);
    String s = aliases.next("s");
    String x = aliases.next("x");
    List<Frag> where = new ArrayList<>();
    where.add(Frag.sql(nav.where(s, "e", x)));
    if (o.filter() != null) {
      where.add(FilterSql.where("$filter", o.filter(), target, "e", aliases));
    }
    Frag q = Frag.of("SELECT ", s, ".id, (SELECT count(*) FROM ", nav.from("e", x), " WHERE ",
        Frag.join(" AND ", where), ") FROM ", type.table(), " ", s, " WHERE ", s, ".id = ANY (",
        Frag.bind(ids, null), ")");
    Map<Long, Long> out = new HashMap<>();
    try (PreparedStatement ps = prepare(q); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return out;
  }

  PreparedStatement prepare(Frag q) throws SQLException {
    return new SqlStatement(q.sql(), q.params()).prepare(c);
  }

  StaLinks links() {
    return links;
  }

  /** Exposed for the dataArray writer: the columns of chosen properties. */
  static EntityColumns columns(EntityType type, List<Prop> props) {
    return EntityColumns.of(type, props);
  }
}
