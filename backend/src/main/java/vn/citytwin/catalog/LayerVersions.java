package vn.citytwin.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;

/**
 * The data version of every layer: the key of every cache (tiles, 3D tiles, rendered maps). A trigger on each city
 * table bumps {@code citytwin.catalog.data_version} and sends {@code NOTIFY citytwin_data}; {@link Notifications}
 * delivers it here and the versions are re-read (so writes by other nodes or by psql are seen too).
 *
 * <p>Writers inside this server call {@link #refresh()} after their commit before they answer, so a client that
 * reads right after its own write never sees a stale cache entry, whatever the notification latency.
 */
public final class LayerVersions {
  /** The NOTIFY channel of the data-version trigger (see migration V1). */
  public static final String CHANNEL = "citytwin_data";

  private final Database db;
  private final Runnable onUnknownLayer;
  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  LayerVersions(Database db, Runnable onUnknownLayer) {
    this.db = db;
    this.onUnknownLayer = onUnknownLayer;
  }

  /** Current data version of a layer (1 for a layer without a catalog row). */
  public long of(String layerId) {
    return versions.getOrDefault(layerId, 1L);
  }

  /** Re-reads every version now (blocking). */
  public void refresh() {
    Map<String, Long> fresh = db.inConnection(CatalogStore::versions);
    boolean unknown = !versions.isEmpty() && fresh.keySet().stream().anyMatch(k -> !versions.containsKey(k));
    versions.putAll(fresh);
    if (unknown) {
      onUnknownLayer.run();
    }
  }

  void subscribe(Notifications notifications) {
    notifications.subscribe(CHANNEL, payload -> refresh());
  }
}
