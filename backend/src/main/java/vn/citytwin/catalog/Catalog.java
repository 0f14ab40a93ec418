package vn.citytwin.catalog;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;
import vn.citytwin.core.error.ApiException;

/**
 * The layer registry every protocol reads. It holds an immutable snapshot of the discovered layers; a reload is an
 * explicit action (start-up, an import, a notification about an unknown table), never a catalog scan per request.
 * Data versions live in {@link LayerVersions}.
 */
public final class Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

  private final Database db;
  private final LayerVersions versions;
  private final AtomicReference<Map<String, Layer>> layers = new AtomicReference<>(Map.of());

  private Catalog(Database db) {
    this.db = db;
    this.versions = new LayerVersions(db, this::reloadQuietly);
  }

  /** Discovers the layers now (blocking: call at start-up or on a worker). */
  public static Catalog load(Database db) {
    Catalog catalog = new Catalog(db);
    catalog.reloadNow();
    return catalog;
  }

  /** Re-discovers every layer and refreshes all data versions; blocking. */
  public void reloadNow() {
    List<Layer> discovered = db.inConnection(CatalogStore::discover);
    Map<String, Layer> byId = new LinkedHashMap<>();
    discovered.forEach(l -> byId.put(l.id(), l));
    layers.set(Map.copyOf(byId));
    versions.refresh();
    LOG.info("catalog: {} layers {}", byId.size(), byId.keySet());
  }

  /** Re-discovers on a worker thread. */
  public Future<Void> reload() {
    return db.withConnection(c -> {
      reloadNow();
      return null;
    });
  }

  private void reloadQuietly() {
    try {
      reloadNow();
    } catch (RuntimeException e) {
      LOG.warn("catalog reload failed: {}", e.getMessage());
    }
  }

  /** All layers in display order, whoever may see them (requests read {@code query.VisibleLayers}). */
  public List<Layer> all() {
    Map<String, Layer> snapshot = layers.get();
    return snapshot.values().stream()
        .sorted(java.util.Comparator.comparingInt((Layer l) -> l.meta().sortOrder()).thenComparing(Layer::id))
        .toList();
  }

  public Optional<Layer> find(String id) {
    return Optional.ofNullable(id == null ? null : layers.get().get(id));
  }

  /**
   * Any layer with that id, whoever asks, or NOT_FOUND with the locator: for the server's own reads (simulation
   * inputs). What a request may see comes from {@code query.VisibleLayers}, never from here.
   */
  public Layer requireAny(String id, String locator) {
    return find(id).orElseThrow(() -> ApiException.notFound(locator, "Unknown layer '" + id + "'"));
  }

  public LayerVersions versions() {
    return versions;
  }

  /** Follows data changes (writes by any node or tool bump versions through a trigger). */
  public void listen(Notifications notifications) {
    versions.subscribe(notifications);
  }

}
