package vn.citytwin.sensors.sta;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.sensors.StaTime;
import vn.citytwin.sensors.sta.query.EntityType;
import vn.citytwin.sensors.sta.query.Frag;
import vn.citytwin.sensors.sta.query.Prop;
import vn.citytwin.sensors.sta.query.QueryOptions;

/**
 * The columns an entity's JSON needs (its id, then the selected properties) and how to read them back: geometries
 * as GeoJSON ({@code ST_AsGeoJSON}), JSON columns as text, intervals as two timestamps, results as number + JSON.
 */
final class EntityColumns {
  private final EntityType type;
  private final List<Prop> props;

  private EntityColumns(EntityType type, List<Prop> props) {
    this.type = type;
    this.props = props;
  }

  /** The columns for the properties {@code options} shows. */
  static EntityColumns of(EntityType type, QueryOptions options) {
    List<Prop> ps = new ArrayList<>();
    for (Prop p : type.props()) {
      if (options.shows(p.name())) {
        ps.add(p);
      }
    }
    return new EntityColumns(type, ps);
  }

  /** Exactly these properties, in this order (dataArray components). */
  static EntityColumns of(EntityType type, List<Prop> props) {
    return new EntityColumns(type, List.copyOf(props));
  }

  List<Prop> props() {
    return props;
  }

  /** {@code a.id, <props…>} (intervals and results take two columns each). */
  Frag select(String alias) {
    List<String> cols = new ArrayList<>();
    cols.add(alias + ".id");
    for (Prop p : props) {
      String s = p.sql(alias);
      switch (p.kind()) {
        case JSON -> cols.add("(" + s + ")::text");
        case GEOMETRY -> cols.add("ST_AsGeoJSON(" + s + ", 9)");
        case INTERVAL -> {
          cols.add(s);
          cols.add(p.endSql(alias));
        }
        case RESULT -> {
          cols.add(s);
          cols.add("(" + p.endSql(alias) + ")::text");
        }
        default -> cols.add(s);
      }
    }
    return Frag.sql(String.join(", ", cols));
  }

  /** Reads the property values starting at column {@code first} (the id), in order. */
  List<Object> values(ResultSet rs, int first) throws SQLException {
    List<Object> out = new ArrayList<>(props.size());
    int i = first + 1;
    for (Prop p : props) {
      switch (p.kind()) {
        case JSON -> out.add(decode(rs.getString(i++)));
        case GEOMETRY -> {
          String g = rs.getString(i++);
          out.add(g == null ? null : new JsonObject(g));
        }
        case INSTANT -> out.add(time(rs, i++));
        case INTERVAL -> {
          String a = time(rs, i++);
          String b = time(rs, i++);
          out.add(a == null ? null : b == null ? a : a + "/" + b);
        }
        case RESULT -> {
          double d = rs.getDouble(i++);
          boolean isNull = rs.wasNull();
          String j = rs.getString(i++);
          out.add(!isNull ? number(d) : decode(j));
        }
        case ID -> out.add(rs.getLong(i++));
        default -> out.add(rs.getString(i++));
      }
    }
    return out;
  }

  /** The property members of an entity's JSON. */
  void put(JsonObject json, List<Object> values) {
    for (int k = 0; k < props.size(); k++) {
      json.put(props.get(k).name(), values.get(k));
    }
  }

  EntityType type() {
    return type;
  }

  /** Whole numbers print without ".0" (counts, integral readings); others as doubles. */
  static Object number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return (long) d;
    }
    return d;
  }

  private static Object decode(String json) {
    return json == null ? null : Json.decodeValue(json);
  }

  private static String time(ResultSet rs, int i) throws SQLException {
    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
    return t == null ? null : StaTime.format(t.toInstant());
  }
}
