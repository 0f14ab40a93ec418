package vn.citytwin.sensors.sta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.citytwin.sensors.sta.query.EntityType;
import vn.citytwin.sensors.sta.query.Frag;
import vn.citytwin.sensors.sta.query.Prop;
import vn.citytwin.sensors.sta.query.QueryOptions;

/**
 * {@code $resultFormat=dataArray} (OGC 18-088 §14.3): a page of Observations grouped by Datastream, each group
 * {@code {"Datastream@iot.navigationLink", "components": [...], "dataArray@iot.count", "dataArray": [[…], …]}}.
 * Components are {@code $select}'s names (id included when selected) or, by default, id, phenomenonTime,
 * resultTime and result.
 */
final class DataArrayWriter {
  private static final List<String> DEFAULT = List.of("id", "phenomenonTime", "resultTime", "result");

  private DataArrayWriter() {}

  static JsonObject page(StaReader reader, EntityType type, List<Frag> where, List<Frag> order, QueryOptions o,
                         String relativePath, JsonObject out) throws SQLException {
    List<String> components = new ArrayList<>();
    for (String name : o.select() == null ? DEFAULT : o.select()) {
      if (name.equals("id") || type.prop(name) != null) {
        components.add(name);
      }
    }
    List<Prop> props = new ArrayList<>();
    for (String name : components) {
      if (!name.equals("id")) {
        props.add(type.prop(name));
      }
    }
    EntityColumns cols = StaReader.columns(type, props);
    Frag q = Frag.of("SELECT e.datastream_id, ", cols.select("e"), " FROM ", type.table(), " e",
        where.isEmpty() ? "" : " WHERE ", Frag.join(" AND ", where), " ORDER BY ", Frag.join(", ", order),
        " LIMIT ", Frag.bind(o.top() + 1, "int"), " OFFSET ", Frag.bind(o.skip(), "int"));
    Map<Long, JsonArray> groups = new LinkedHashMap<>();
    int n = 0;
    boolean more = false;
    try (PreparedStatement ps = reader.prepare(q); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (++n > o.top()) {
          more = true;
          break;
        }
        List<Object> values = cols.values(rs, 2);
        JsonArray row = new JsonArray();
        int k = 0;
        for (String name : components) {
          row.add(name.equals("id") ? (Object) rs.getLong(2) : values.get(k++));
        }
        groups.computeIfAbsent(rs.getLong(1), ds -> new JsonArray()).add(row);
      }
    }
    JsonArray value = new JsonArray();
    for (Map.Entry<Long, JsonArray> g : groups.entrySet()) {
      value.add(new JsonObject()
          .put("Datastream@iot.navigationLink", reader.links().self(EntityType.DATASTREAM, g.getKey()))
          .put("components", new JsonArray(new ArrayList<>(components)))
          .put("dataArray@iot.count", g.getValue().size())
          .put("dataArray", g.getValue()));
    }
    if (more) {
      out.put("@iot.nextLink", reader.nextLink(relativePath, o));
    }
    out.put("value", value);
    return out;
  }
}
