package vn.citytwin.planning.edits;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioSource;

/**
 * The difference between two cities (scenarios or the base city) as a GeoJSON FeatureCollection (EPSG:4326,
 * lon/lat). Only features that an edit in either chain touches can differ, so only those are compared, layer by
 * layer. Each differing feature appears once, with its state in {@code a} (for {@code removed}: its state in
 * {@code b}) and these properties besides its own:
 *
 * <ul>
 *   <li>{@code layer}: the layer id; {@code feature_id}: the feature id (the Feature's id is {@code layer.id});
 *   <li>{@code change}: {@code added} (in a, not in b), {@code removed} (in b, not in a) or {@code changed};
 *   <li>for {@code changed}: {@code changed_fields} (names, plus {@code geometry} if its vertices differ) and
 *       {@code before} (those properties' values in b).
 * </ul>
 *
 * A feature touched by edits but equal in both cities (an edit and its revert, a duplicated scenario) is not listed.
 *
 * <p>Both cities are read through the one read path ({@link FeatureSql#source} of a {@link LayerQuery} per city,
 * every attribute): the statement joins the two by feature id, limited to the ids the chains' edits touch (read
 * from {@code planning.edit}: ids, no feature state).
 * <pre>WITH ids AS (SELECT DISTINCT feature_id FROM planning.edit WHERE layer_id = ? AND scenario_id = ANY (?)),
 * a AS (SELECT * FROM (&lt;features of a&gt;) s WHERE s.id IN (SELECT fid FROM ids)), b AS (… of b …)
 * SELECT id, a's and b's properties as JSON, geometries as GeoJSON, ST_OrderingEquals FROM a FULL JOIN b ON id</pre>
 */
public final class DiffService {
  private final Database db;
  private final Catalog catalog;

  public DiffService(Database db, Catalog catalog) {
    this.db = db;
    this.catalog = catalog;
  }

  /** The diff over every layer (for the comparison report's map extent: geometry only). */
  public Future<JsonObject> diff(ScenarioRef a, ScenarioRef b) {
    return diff(a, b, catalog.all());
  }

  /**
   * The diff over the given layers: a request's {@code query.VisibleLayers}, so hidden layers and attributes stay
   * out of it.
   */
  public Future<JsonObject> diff(ScenarioRef a, ScenarioRef b, java.util.List<Layer> layers) {
    return db.withConnection(c -> {
      JsonArray features = new JsonArray();
      Long[] chains = union(a, b);
      if (chains.length > 0) {
        for (Layer layer : layers) {
          if (layer.meta().editable() && layer.idColumn() != null) {
            diffLayer(c, layer, a, b, chains, features);
          }
        }
      }
      int added = 0;
      int removed = 0;
      int changed = 0;
      for (Object f : features) {
        switch (((JsonObject) f).getJsonObject("properties").getString("change")) {
          case "added" -> added++;
          case "removed" -> removed++;
          default -> changed++;
        }
      }
      return new JsonObject().put("type", "FeatureCollection")
          .put("a", a.isBase() ? "base" : a.id()).put("b", b.isBase() ? "base" : b.id())
          .put("summary", new JsonObject().put("added", added).put("removed", removed).put("changed", changed))
          .put("features", features);
    });
  }

  private static Long[] union(ScenarioRef a, ScenarioRef b) {
    Set<Long> ids = new LinkedHashSet<>(a.chain());
    ids.addAll(b.chain());
    return ids.toArray(new Long[0]);
  }

  private static void diffLayer(Connection c, Layer layer, ScenarioRef a, ScenarioRef b, Long[] chains,
                                JsonArray out) throws SQLException {
    SqlStatement fa = FeatureSql.source(LayerQuery.of(layer).scenario(a).build());
    SqlStatement fb = FeatureSql.source(LayerQuery.of(layer).scenario(b).build());
    String id = Sql.ident(layer.idColumn());
    String geom = Sql.ident(layer.geometryColumn());
    String sql = "WITH ids AS (SELECT DISTINCT feature_id AS fid FROM planning.edit"
        + " WHERE layer_id = ? AND scenario_id = ANY (?)),"
        + " a AS (SELECT * FROM " + fa.sql() + " s WHERE s." + id + " IN (SELECT fid FROM ids)),"
        + " b AS (SELECT * FROM " + fb.sql() + " s WHERE s." + id + " IN (SELECT fid FROM ids))"
        + " SELECT coalesce(a." + id + ", b." + id + "), (to_jsonb(a) - ?::text[])::text,"
        + " (to_jsonb(b) - ?::text[])::text, ST_AsGeoJSON(a." + geom + ", 9), ST_AsGeoJSON(b." + geom + ", 9),"
        + " ST_OrderingEquals(a." + geom + ", b." + geom + ")"
        + " FROM a FULL JOIN b ON a." + id + " = b." + id + " ORDER BY 1";
    String[] drop = {layer.idColumn(), layer.geometryColumn(), ScenarioSource.STATUS_COLUMN};
    List<Object> params = new ArrayList<>();
    params.add(layer.id());
    params.add(chains);
    params.addAll(fa.params());
    params.addAll(fb.params());
    params.add(drop);
    params.add(drop);
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long fid = rs.getLong(1);
        String pa = rs.getString(2);
        String pb = rs.getString(3);
        JsonObject feature;
        if (pb == null) {
          feature = feature(layer, fid, new JsonObject(pa), rs.getString(4), "added");
        } else if (pa == null) {
          feature = feature(layer, fid, new JsonObject(pb), rs.getString(5), "removed");
        } else {
          JsonObject propsA = new JsonObject(pa);
          JsonObject propsB = new JsonObject(pb);
          JsonArray changedFields = new JsonArray();
          JsonObject before = new JsonObject();
          for (String k : propsA.fieldNames()) {
            if (!java.util.Objects.equals(propsA.getValue(k), propsB.getValue(k))) {
              changedFields.add(k);
              before.put(k, propsB.getValue(k));
            }
          }
          if (!rs.getBoolean(6)) {
            changedFields.add("geometry");
          }
          if (changedFields.isEmpty()) {
            continue;
          }
          feature = feature(layer, fid, propsA, rs.getString(4), "changed");
          feature.getJsonObject("properties").put("changed_fields", changedFields).put("before", before);
        }
        out.add(feature);
      }
    }
  }

  private static JsonObject feature(Layer layer, long fid, JsonObject props, String geometry, String change) {
    props.put("layer", layer.id()).put("feature_id", fid).put("change", change);
    return new JsonObject().put("type", "Feature").put("id", layer.id() + "." + fid)
        .put("geometry", geometry == null ? null : new JsonObject(geometry)).put("properties", props);
  }
}
