package vn.citytwin.sensors.sta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.sensors.InsertResult;
import vn.citytwin.sensors.NewObservation;
import vn.citytwin.sensors.ObservationJson;
import vn.citytwin.sensors.ObservationStore;
import vn.citytwin.sensors.ObservationType;
import vn.citytwin.sensors.StaTime;
import vn.citytwin.sensors.StoredObservation;
import vn.citytwin.sensors.sta.query.EntityType;
import vn.citytwin.sensors.sta.query.Frag;
import vn.citytwin.sensors.sta.query.Nav;
import vn.citytwin.sensors.sta.query.Prop;
import vn.citytwin.sensors.sta.query.PropKind;

/**
 * Creates (with deep insert), updates and deletes entities inside the caller's transaction (OGC 18-088 §10).
 * A nested entity is either a reference {@code {"@iot.id": n}} (which must exist) or a new entity created first.
 * Observations always go through {@link ObservationStore} (same checks as every ingest path). Any error throws and
 * the caller rolls the whole request back: a bad payload writes nothing.
 */
final class StaWriter {
  private static final Set<String> GEO_ENCODINGS = Set.of("application/geo+json", "application/vnd.geo+json");
  /** Properties a client must send, per type. */
  private static final Map<EntityType, List<String>> REQUIRED = Map.of(
      EntityType.THING, List.of("name"),
      EntityType.LOCATION, List.of("name", "encodingType", "location"),
      EntityType.SENSOR, List.of("name", "encodingType", "metadata"),
      EntityType.OBSERVED_PROPERTY, List.of("name", "definition"),
      EntityType.DATASTREAM, List.of("name", "unitOfMeasurement", "observationType"),
      EntityType.FEATURE_OF_INTEREST, List.of("name", "encodingType", "feature"),
      EntityType.HISTORICAL_LOCATION, List.of("time"));

  private final Connection c;
  private final ObservationStore store;
  /** Observations created by this request, for the listeners once the caller has committed. */
  private final List<StoredObservation> created;

  StaWriter(Connection c, ObservationStore store, List<StoredObservation> created) {
    this.c = c;
    this.store = store;
    this.created = created;
  }

  /** How a new entity hangs off the entity it was posted under ({@code Things(1)/Datastreams}), or none. */
  record ParentLink(Nav nav, long parentId) {}

  /** Creates an entity (and everything nested in it); returns its id. */
  long create(EntityType type, JsonObject body, ParentLink parent) throws SQLException {
    if (type == EntityType.OBSERVATION) {
      return createObservation(body, parent);
    }
    if (isReference(body) && parent != null && parent.nav().linkTable() != null) {
      // POST Things(1)/Locations {"@iot.id": 5}: link an existing entity (FROST does the same)
      long id = checkExists(type, body);
      link(parent.nav(), parent.parentId(), id);
      return id;
    }
    checkMembers(type, body);
    for (String req : REQUIRED.getOrDefault(type, List.of())) {
      if (body.getValue(req) == null) {
        throw ApiException.invalidParameter(req, type.singular() + " needs '" + req + "'");
      }
    }
    List<String> cols = new ArrayList<>();
    List<Frag> values = new ArrayList<>();
    for (Prop p : type.props()) {
      if (p.writable() && body.containsKey(p.name())) {
        cols.add(p.column());
        values.add(value(type, p, body));
      }
    }
    for (Nav nav : type.navs()) {
      if (!nav.many() && body.containsKey(nav.name())) {
        cols.add(fkColumn(nav));
        values.add(Frag.bind(referenceOrCreate(nav, body.getValue(nav.name())), "bigint"));
      }
    }
    if (parent != null && parent.nav().childColumn() != null) {
      cols.add(parent.nav().childColumn());
      values.add(Frag.bind(parent.parentId(), "bigint"));
    } else if (parent != null && parent.nav().linkTable() == null) {
      throw ApiException.invalidParameter(null, "Cannot create an entity through the single navigation property "
          + parent.nav().name());
    }
    for (Nav nav : type.navs()) {
      if (!nav.many() && fkColumn(nav) != null && !cols.contains(fkColumn(nav))) {
        throw ApiException.invalidParameter(nav.name(), type.singular() + " needs a " + nav.name()
            + " (a reference {\"@iot.id\": n} or a new entity)");
      }
    }
    Frag insert = Frag.of("INSERT INTO ", type.table(), " (", String.join(", ", cols), ") VALUES (",
        Frag.join(", ", values), ") RETURNING id");
    long id;
    try (PreparedStatement ps = prepare(insert); ResultSet rs = ps.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    if (parent != null && parent.nav().linkTable() != null) {
      link(parent.nav(), parent.parentId(), id);
    }
    for (Nav nav : type.navs()) {
      if (nav.many() && body.getValue(nav.name()) != null) {
        createChildren(type, id, nav, body.getValue(nav.name()));
      }
    }
    return id;
  }

  private void createChildren(EntityType type, long id, Nav nav, Object value) throws SQLException {
    if (!(value instanceof JsonArray items)) {
      throw ApiException.invalidParameter(nav.name(), nav.name() + " must be an array");
    }
    EntityType target = EntityType.targetOf(nav);
    for (Object item : items) {
      if (!(item instanceof JsonObject o)) {
        throw ApiException.invalidParameter(nav.name(), nav.name() + " must hold objects");
      }
      if (nav.linkTable() != null) {
        long child = isReference(o) ? checkExists(target, o) : create(target, o, null);
        link(nav, id, child);
      } else if (nav.childColumn() != null) {
        if (isReference(o)) {
          throw ApiException.invalidParameter(nav.name(), "Existing entities cannot be moved into " + nav.name()
              + " of a new " + type.singular());
        }
        create(target, o, new ParentLink(nav, id));
      }
    }
  }

  /** Inserts a link row (source entity of the nav, target entity) unless it exists. */
  private void link(Nav nav, long sourceId, long targetId) throws SQLException {
    String[] l = nav.linkTable();
    Frag q = Frag.of("INSERT INTO ", l[0], " (", l[1], ", ", l[2], ") VALUES (", Frag.bind(sourceId, "bigint"), ", ",
        Frag.bind(targetId, "bigint"), ") ON CONFLICT DO NOTHING");
    try (PreparedStatement ps = prepare(q)) {
      ps.executeUpdate();
    }
  }

  private long referenceOrCreate(Nav nav, Object value) throws SQLException {
    if (!(value instanceof JsonObject o)) {
      throw ApiException.invalidParameter(nav.name(), nav.name() + " must be an object");
    }
    EntityType target = EntityType.targetOf(nav);
    return isReference(o) ? checkExists(target, o) : create(target, o, null);
  }

  private static boolean isReference(JsonObject o) {
    return o.containsKey("@iot.id");
  }

  private long checkExists(EntityType type, JsonObject ref) throws SQLException {
    Object v = ref.getValue("@iot.id");
    if (!(v instanceof Number n)) {
      throw ApiException.invalidParameter(type.singular(), "@iot.id must be a number");
    }
    for (String k : ref.fieldNames()) {
      if (!k.startsWith("@")) {
        throw ApiException.invalidParameter(type.singular(), "A reference to a " + type.singular()
            + " carries only @iot.id, not '" + k + "'");
      }
    }
    if (!exists(type, n.longValue())) {
      throw ApiException.invalidParameter(type.singular(), "No " + type.singular() + " with id " + n.longValue());
    }
    return n.longValue();
  }

  boolean exists(EntityType type, long id) throws SQLException {
    try (PreparedStatement ps = prepare(Frag.of("SELECT 1 FROM ", type.table(), " WHERE id = ",
        Frag.bind(id, "bigint"))); ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private long createObservation(JsonObject body, ParentLink parent) throws SQLException {
    JsonObject copy = body.copy();
    Long datastream = null;
    if (parent != null) {
      String col = parent.nav().childColumn();
      if ("datastream_id".equals(col)) {
        datastream = parent.parentId();
      } else if ("feature_of_interest_id".equals(col)) {
        if (copy.getValue("FeatureOfInterest") != null) {
          throw ApiException.invalidParameter("FeatureOfInterest", "The path already names the FeatureOfInterest");
        }
        copy.put("FeatureOfInterest", new JsonObject().put("@iot.id", parent.parentId()));
      } else {
        throw ApiException.invalidParameter(null, "Observations are created under a Datastream or a FeatureOfInterest");
      }
    }
    Object foi = copy.getValue("FeatureOfInterest");
    if (foi instanceof JsonObject f && !isReference(f)) {
      long id = create(EntityType.FEATURE_OF_INTEREST, f, null);
      copy.put("FeatureOfInterest", new JsonObject().put("@iot.id", id));
    }
    if (copy.getValue("Datastream") instanceof JsonObject d && !isReference(d)) {
      throw ApiException.invalidParameter("Datastream", "An Observation's Datastream must be a reference "
          + "{\"@iot.id\": n}; create the Datastream first or post the Observation under it");
    }
    NewObservation o = ObservationJson.parse(copy, datastream);
    InsertResult r = store.insertBatchIn(c, List.of(o), created).get(0);
    if (r instanceof InsertResult.Rejected bad) {
      throw ApiException.invalidParameter(locator(bad.code()), bad.message());
    }
    return r.id();
  }

  private static String locator(String rejectCode) {
    return switch (rejectCode) {
      case "unknown-datastream" -> "Datastream";
      case "unknown-feature" -> "FeatureOfInterest";
      case "wrong-result-type" -> "result";
      case "future-time" -> "phenomenonTime";
      default -> null;
    };
  }

  /**
   * Applies a PATCH: own properties, to-one navigation references, a Thing's Locations (replaced; a
   * HistoricalLocation records the move). Observations are checked against their Datastream's type again.
   */
  void update(EntityType type, long id, JsonObject body) throws SQLException {
    if (!exists(type, id)) {
      throw ApiException.notFound(null, "No such " + type.singular());
    }
    checkMembers(type, body);
    List<Frag> sets = new ArrayList<>();
    for (Prop p : type.props()) {
      if (!body.containsKey(p.name())) {
        continue;
      }
      if (!p.writable()) {
        throw ApiException.invalidParameter(p.name(), p.name() + " is computed by the server");
      }
      if (body.getValue(p.name()) == null && REQUIRED.getOrDefault(type, List.of()).contains(p.name())) {
        throw ApiException.invalidParameter(p.name(), p.name() + " cannot be null");
      }
      if (type == EntityType.OBSERVATION) {
        sets.addAll(observationSets(id, p, body));
      } else {
        sets.add(Frag.of(p.column(), " = ", value(type, p, body)));
      }
    }
    for (Nav nav : type.navs()) {
      if (!nav.many() && body.containsKey(nav.name())) {
        sets.add(Frag.of(fkColumn(nav), " = ", Frag.bind(referenceOrCreate(nav, body.getValue(nav.name())), "bigint")));
      }
    }
    if (!sets.isEmpty()) {
      try (PreparedStatement ps = prepare(Frag.of("UPDATE ", type.table(), " SET ", Frag.join(", ", sets),
          " WHERE id = ", Frag.bind(id, "bigint")))) {
        ps.executeUpdate();
      }
    }
    if (type == EntityType.THING && body.getValue("Locations") != null) {
      try (PreparedStatement ps = prepare(Frag.of("DELETE FROM sensor.thing_location WHERE thing_id = ",
          Frag.bind(id, "bigint")))) {
        ps.executeUpdate();
      }
      createChildren(type, id, type.nav("Locations"), body.getValue("Locations"));
    } else {
      for (Nav nav : type.navs()) {
        if (nav.many() && body.containsKey(nav.name())) {
          throw ApiException.invalidParameter(nav.name(), "PATCH cannot change " + nav.name() + " of a "
              + type.singular());
        }
      }
    }
  }

  private List<Frag> observationSets(long id, Prop p, JsonObject body) throws SQLException {
    Object v = body.getValue(p.name());
    switch (p.name()) {
      case "result" -> {
        ObservationType t = observationTypeOf(id);
        String why = t == null ? null : t.rejects(v);
        if (why != null || v instanceof Double d && !Double.isFinite(d)) {
          throw ApiException.invalidParameter("result", why != null ? why : "result must be a finite number");
        }
        return List.of(Frag.of("result_number = ", Frag.bind(v instanceof Number n ? n.doubleValue() : null, "float8")),
            Frag.of("result_json = ", Frag.bind(v == null || v instanceof Number ? null
                : io.vertx.core.json.Json.encode(v), "jsonb")));
      }
      case "phenomenonTime", "validTime" -> {
        String start = p.name().equals("phenomenonTime") ? "phenomenon_time_start" : "valid_time_start";
        String end = p.name().equals("phenomenonTime") ? "phenomenon_time_end" : "valid_time_end";
        if (v == null) {
          if (p.name().equals("phenomenonTime")) {
            throw ApiException.invalidParameter("phenomenonTime", "phenomenonTime cannot be null");
          }
          return List.of(Frag.of(start, " = NULL"), Frag.of(end, " = NULL"));
        }
        StaTime.Span s = StaTime.span(string(p.name(), v), p.name());
        java.time.Instant last = s.end() != null ? s.end() : s.start();
        if (p.name().equals("phenomenonTime")
            && last.isAfter(java.time.Instant.now().plusSeconds(store.settings().maxFutureSeconds()))) {
          throw ApiException.invalidParameter("phenomenonTime", "phenomenonTime/resultTime lies in the future");
        }
        return List.of(Frag.of(start, " = ", Frag.bind(s.start(), "timestamptz")),
            Frag.of(end, " = ", Frag.bind(s.end(), "timestamptz")));
      }
      default -> {
        return List.of(Frag.of(p.column(), " = ", value(EntityType.OBSERVATION, p, body)));
      }
    }
  }

  private ObservationType observationTypeOf(long observationId) throws SQLException {
    try (PreparedStatement ps = prepare(Frag.of("SELECT d.observation_type FROM sensor.observation o "
        + "JOIN sensor.datastream d ON d.id = o.datastream_id WHERE o.id = ", Frag.bind(observationId, "bigint")));
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? ObservationType.ofUri(rs.getString(1)) : null;
    }
  }

  /** Deletes one entity (cascading as STA says: a Thing's Datastreams, a Datastream's Observations …). */
  void delete(EntityType type, long id) throws SQLException {
    try (PreparedStatement ps = prepare(Frag.of("DELETE FROM ", type.table(), " WHERE id = ",
        Frag.bind(id, "bigint")))) {
      if (ps.executeUpdate() == 0) {
        throw ApiException.notFound(null, "No such " + type.singular());
      }
    }
  }

  /** The bound SQL value of a property from a JSON body, checked against the property's kind. */
  private Frag value(EntityType type, Prop p, JsonObject body) {
    Object v = body.getValue(p.name());
    String name = p.name();
    switch (p.kind()) {
      case TEXT -> {
        if (!(v instanceof String s)) {
          throw ApiException.invalidParameter(name, name + " must be a string");
        }
        if (name.equals("observationType") && ObservationType.ofUri(s) == null) {
          throw ApiException.invalidParameter(name, "observationType must be one of the O&M types, e.g. "
              + ObservationType.MEASUREMENT.uri());
        }
        if (name.equals("encodingType") && type != EntityType.SENSOR && !GEO_ENCODINGS.contains(s)) {
          throw ApiException.invalidParameter(name, "encodingType must be application/geo+json");
        }
        return Frag.bind(s, "text");
      }
      case JSON -> {
        if (v == null) {
          return Frag.sql("NULL");
        }
        if (!(v instanceof JsonObject o) && !p.name().equals("resultQuality")) {
          throw ApiException.invalidParameter(name, name + " must be a JSON object");
        }
        return Frag.bind(io.vertx.core.json.Json.encode(v), "jsonb");
      }
      case GEOMETRY -> {
        if (v == null) {
          return Frag.sql("NULL");
        }
        JsonObject g = geometry(name, v);
        return Frag.of("ST_SetSRID(ST_GeomFromGeoJSON(", Frag.bind(g.encode(), "text"), "), 4326)");
      }
      case INSTANT -> {
        if (v == null) {
          return Frag.sql("NULL");
        }
        return Frag.bind(StaTime.instant(string(name, v), name), "timestamptz");
      }
      default -> throw ApiException.invalidParameter(name, name + " cannot be set here");
    }
  }

  /** A GeoJSON geometry (or the geometry of a GeoJSON Feature), checked by JTS before PostGIS sees it. */
  private static JsonObject geometry(String name, Object v) {
    if (!(v instanceof JsonObject g)) {
      throw ApiException.invalidParameter(name, name + " must be a GeoJSON geometry object");
    }
    if ("Feature".equals(g.getString("type")) && g.getValue("geometry") instanceof JsonObject inner) {
      g = inner;
    }
    try {
      new GeoJsonReader().read(g.encode());
    } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
      throw ApiException.invalidParameter(name, name + " is not a valid GeoJSON geometry");
    }
    return g;
  }

  private static String string(String name, Object v) {
    if (!(v instanceof String s)) {
      throw ApiException.invalidParameter(name, name + " must be an ISO 8601 string");
    }
    return s;
  }

  /** Members must be properties or navigation properties of the type ({@code @…} annotations are ignored). */
  private static void checkMembers(EntityType type, JsonObject body) {
    for (String k : body.fieldNames()) {
      if (!k.startsWith("@") && type.prop(k) == null && type.nav(k) == null) {
        throw ApiException.invalidParameter(k, type.singular() + " has no property '" + k + "'");
      }
    }
  }

  /** The foreign key of a to-one navigation ({@code {t}.id = {s}.thing_id} → thing_id), or null. */
  static String fkColumn(Nav nav) {
    return vn.citytwin.sensors.sta.query.FilterSql.foreignKey(nav);
  }

  private PreparedStatement prepare(Frag q) throws SQLException {
    return new SqlStatement(q.sql(), q.params()).prepare(c);
  }
}
