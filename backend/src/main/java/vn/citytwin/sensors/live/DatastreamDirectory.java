package vn.citytwin.sensors.live;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlResource;

/**
 * What a live event says about a datastream (Thing, observed property, unit, position), read from the
 * {@code sensor} schema and kept for a minute, so a stream of observations costs one lookup per datastream per
 * minute, not one per observation. A datastream that does not exist is simply absent from the answer.
 */
public final class DatastreamDirectory {
  private static final String SQL = SqlResource.load("sql/sensors/live/datastreams.sql");
  private static final long TTL_NANOS = 60_000_000_000L;

  /** @param lon EPSG:4326 degrees, null when the Thing has no Location; same for lat */
  public record DatastreamInfo(long id, long thingId, String observedProperty, String unit, Double lon, Double lat) {}

  private record Entry(DatastreamInfo info, long loadedAt) {}

  private final Database db;
  private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

  public DatastreamDirectory(Database db) {
    this.db = db;
  }

  /**
   * The known datastreams among {@code ids}. Blocking (JDBC on a miss): call it on a worker thread.
   */
  public Map<Long, DatastreamInfo> resolveNow(Collection<Long> ids) {
    Map<Long, DatastreamInfo> found = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    long now = System.nanoTime();
    for (Long id : ids) {
      Entry e = cache.get(id);
      if (e != null && now - e.loadedAt() < TTL_NANOS) {
        found.put(id, e.info());
      } else if (!missing.contains(id)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      for (DatastreamInfo info : db.inConnection(c -> load(c, missing))) {
        cache.put(info.id(), new Entry(info, now));
        found.put(info.id(), info);
      }
    }
    return found;
  }

  /** Forgets everything (after datastreams or locations changed). */
  public void clear() {
    cache.clear();
  }

  static List<DatastreamInfo> load(Connection c, Collection<Long> ids) throws SQLException {
    List<DatastreamInfo> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      Array array = c.createArrayOf("bigint", ids.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double lon = rs.getDouble("lon");
          boolean noLon = rs.wasNull();
          double lat = rs.getDouble("lat");
          out.add(new DatastreamInfo(rs.getLong("id"), rs.getLong("thing_id"), rs.getString("observed_property"),
              rs.getString("unit"), noLon ? null : lon, noLon ? null : lat));
        }
      }
    }
    return out;
  }
}
