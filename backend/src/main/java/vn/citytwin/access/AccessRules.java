package vn.citytwin.access;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;

/**
 * The layer and attribute rules (tables {@code access.layer_rule}, {@code access.attribute_rule}), held as an
 * immutable snapshot and re-read on NOTIFY {@code citytwin_access}, so a rule change reaches every node. A layer
 * without a rule is public.
 */
public final class AccessRules {
  public static final String CHANNEL = "citytwin_access";
  private static final Logger LOG = LoggerFactory.getLogger(AccessRules.class);

  /** A consistent set of rules: layer id → rule; layer id → attribute → rule. */
  public record Snapshot(Map<String, Rule> layers, Map<String, Map<String, Rule>> attributes) {
    public static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

    public Rule layer(String layerId) {
      return layers.getOrDefault(layerId, Rule.PUBLIC);
    }
  }

  private final Database db;
  private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.EMPTY);

  public AccessRules(Database db) {
    this.db = db;
    refresh();
  }

  public Snapshot snapshot() {
    return current.get();
  }

  /**
   * Re-reads both tables (blocking; small).
   * <pre>SELECT layer_id, visibility, roles FROM access.layer_rule
   * SELECT layer_id, attribute, visibility, roles FROM access.attribute_rule</pre>
   */
  public void refresh() {
    current.set(db.inConnection(c -> {
      Map<String, Rule> layers = new HashMap<>();
      Map<String, Map<String, Rule>> attributes = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT layer_id, visibility, roles FROM access.layer_rule");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          layers.put(rs.getString(1), rule(rs.getString(2), rs.getArray(3)));
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT layer_id, attribute, visibility, roles FROM access.attribute_rule");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          attributes.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), rule(rs.getString(3), rs.getArray(4)));
        }
      }
      Map<String, Map<String, Rule>> frozen = new HashMap<>();
      attributes.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
      return new Snapshot(Map.copyOf(layers), Map.copyOf(frozen));
    }));
  }

  public void listen(Notifications notifications) {
    notifications.subscribe(CHANNEL, payload -> {
      try {
        refresh();
      } catch (RuntimeException e) {
        LOG.warn("access rules reload failed: {}", e.getMessage());
      }
    });
  }

  private static Rule rule(String visibility, Array roles) throws java.sql.SQLException {
    Set<Role> set = EnumSet.noneOf(Role.class);
    if (roles != null) {
      for (Object o : (Object[]) roles.getArray()) {
        Role.parse((String) o).ifPresent(set::add);
      }
    }
    return new Rule(Rule.Visibility.valueOf(visibility.toUpperCase(java.util.Locale.ROOT)), set);
  }
}
