package vn.citytwin.planning.indicators;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Walking access results that outlive a scenario version. What a building's residents reach depends only on the
 * building's point, the roads and the facilities, so results are kept per <em>network state</em> (the data
 * versions of roads, schools and hospitals plus the exact set of scenario edits of those layers in the chain) and
 * reused by every city with that state: after an edit of buildings only, only the new or moved buildings are
 * routed again.
 *
 * <p>The key reads {@code planning.edit} directly: edit ids and times, no feature, so it is not a layer read and
 * not a {@code LayerQuery}. The results themselves come from rows of the read path; once a read-path rule can
 * hide roads or facilities from some readers, the rule that applied must become part of the key.
 */
final class AccessCache {
  /** One building's result, valid while its representative point is where it was. */
  record Entry(double lon, double lat, Set<WalkService> reached) {}

  /** Results of one network state, and how they were measured. */
  static final class Results {
    final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    volatile String method;
  }

  private final Cache<String, Results> cache = Caffeine.newBuilder().maximumSize(16).build();

  /** The results for the network state of this city (created empty the first time). */
  Results of(Connection c, CityLayers layers, ScenarioRef ref, PlanningSettings settings) throws SQLException {
    return cache.get(key(c, layers, ref, settings), k -> new Results());
  }

  private static String key(Connection c, CityLayers layers, ScenarioRef ref, PlanningSettings settings)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    StringBuilder key = new StringBuilder(settings.accessMethod()).append('|').append(settings.walkM()).append('|');
    for (var layer : List.of(layers.roads(), layers.schools(), layers.hospitals())) {
      if (layer.isPresent()) {
        ids.add(layer.get().id());
      }
    }
    key.append(String.join(",", ids)).append('|').append(layers.versionKey()).append('|');
    if (ref.isBase() || ids.isEmpty()) {
      return key.append("base").toString();
    }
    // No edit of these layers anywhere in the chain: the same network as the base city.
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(md5(string_agg(e.id || ':' || "
        + "extract(epoch FROM e.updated_at), ',' ORDER BY e.id)), 'base') FROM planning.edit e"
        + " WHERE e.scenario_id = ANY (?) AND e.layer_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ref.chain().toArray(new Long[0])));
      ps.setArray(2, c.createArrayOf("text", ids.toArray(new String[0])));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return key.append(rs.getString(1)).toString();
      }
    }
  }
}
