package vn.citytwin.scenario;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import vn.citytwin.access.AccessView;
import vn.citytwin.access.Principal;
import vn.citytwin.access.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Notifications;
import vn.citytwin.core.error.ApiException;

/**
 * Which scenarios exist, their parents and versions: enough to resolve {@code scenario=<id>} on every read
 * endpoint without a database round trip. Refreshed by the planning service after its writes and by
 * NOTIFY {@code citytwin_scenario} (the edit trigger), so other nodes follow too.
 */
public final class ScenarioRegistry {
  public static final String CHANNEL = "citytwin_scenario";
  /** Scenario chains deeper than this are refused (they would make every overlay query slow). */
  public static final int MAX_DEPTH = 32;

  private final Database db;
  private final AtomicReference<Map<Long, Node>> nodes = new AtomicReference<>(Map.of());

  /** A scenario's place in the tree and who may read it ({@code visibility}: private, shared or published). */
  private record Node(long id, Long parentId, long version, Long ownerId, String visibility, Set<Long> sharedWith) {
    boolean readableBy(Principal p) {
      return visibility.equals("published") || p.may(Role.ADMIN)
          || p.userId() != null && (p.userId().equals(ownerId) || visibility.equals("shared")
          && sharedWith.contains(p.userId()));
    }
  }

  public ScenarioRegistry(Database db) {
    this.db = db;
    refresh();
  }

  /** Re-reads every scenario's parent and version (blocking; cheap: one small table). */
  public void refresh() {
    Map<Long, Node> fresh = db.inConnection(c -> {
      Map<Long, Node> m = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.parent_id, s.version, s.owner_id, s.visibility,"
          + " ARRAY(SELECT user_id FROM planning.scenario_share h WHERE h.scenario_id = s.id)"
          + " FROM planning.scenario s");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long parent = rs.getLong(2);
          Long parentId = rs.wasNull() ? null : parent;
          long owner = rs.getLong(4);
          Long ownerId = rs.wasNull() ? null : owner;
          Set<Long> shared = new HashSet<>();
          for (Object o : (Object[]) rs.getArray(6).getArray()) {
            shared.add(((Number) o).longValue());
          }
          m.put(rs.getLong(1), new Node(rs.getLong(1), parentId, rs.getLong(3), ownerId, rs.getString(5),
              Set.copyOf(shared)));
        }
      }
      return m;
    });
    nodes.set(Map.copyOf(fresh));
  }

  public void listen(Notifications notifications) {
    notifications.subscribe(CHANNEL, payload -> refresh());
  }

  /**
   * Resolves a request's {@code scenario} parameter for the request's reader: null, empty or {@code base} is the
   * base city; otherwise a positive integer id of a scenario the reader may see (its author, users it is shared
   * with, admins; everyone once published). A scenario the reader may not see answers exactly like one that does
   * not exist. Errors carry the locator {@code scenario}.
   */
  public ScenarioRef resolve(String raw, AccessView reader) {
    if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("base")) {
      return ScenarioRef.BASE;
    }
    long id;
    try {
      id = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("scenario", "scenario must be a scenario id (a positive integer) or 'base'");
    }
    if (id <= 0) {
      throw ApiException.invalidParameter("scenario", "scenario must be a positive integer");
    }
    return resolve(id, reader);
  }

  /** The chain of a scenario the reader may see; NOT_FOUND (locator {@code scenario}) when there is none. */
  public ScenarioRef resolve(long id, AccessView reader) {
    Map<Long, Node> snapshot = nodes.get();
    Node node = snapshot.get(id);
    if (node == null) {
      refresh(); // created a moment ago on another node?
      snapshot = nodes.get();
      node = snapshot.get(id);
    }
    if (node == null || !node.readableBy(reader.principal())) {
      throw ApiException.notFound("scenario", "Unknown scenario " + id);
    }
    List<Long> chain = new ArrayList<>();
    StringBuilder key = new StringBuilder("s");
    while (node != null) {
      if (chain.contains(node.id()) || chain.size() >= MAX_DEPTH) {
        throw ApiException.invalidParameter("scenario", "Scenario " + id + " has a parent chain that is too deep");
      }
      chain.add(node.id());
      key.append(':').append(node.id()).append('v').append(node.version());
      node = node.parentId() == null ? null : snapshot.get(node.parentId());
    }
    return new ScenarioRef(List.copyOf(chain), key.toString());
  }

  public boolean exists(long id) {
    return nodes.get().containsKey(id);
  }

  /** Whether the reader may see the scenario (false when there is none). */
  public boolean readable(long id, AccessView reader) {
    Node n = nodes.get().get(id);
    return n != null && n.readableBy(reader.principal());
  }

  /** Whether the principal may change the scenario: its author, or an admin (scenarios without author: admins). */
  public boolean writable(long id, Principal p) {
    Node n = nodes.get().get(id);
    return n != null && (p.may(Role.ADMIN) || p.userId() != null && p.userId().equals(n.ownerId()));
  }
}
