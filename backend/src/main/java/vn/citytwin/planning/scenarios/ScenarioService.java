package vn.citytwin.planning.scenarios;

import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import java.util.Optional;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Scenario lifecycle: list, create, update, duplicate, delete. Every write runs in one transaction and refreshes
 * the {@link ScenarioRegistry} before its future completes, so a client that reads any protocol right after a
 * write sees the new version.
 */
public final class ScenarioService {
  private final Database db;
  private final ScenarioRegistry registry;

  public ScenarioService(Database db, ScenarioRegistry registry) {
    this.db = db;
    this.registry = registry;
  }

  public Future<ScenarioPage> list(ScenarioQuery query) {
    return db.withConnection(c -> ScenarioStore.list(c, query));
  }

  /** The scenario, or NOT_FOUND (locator {@code id}). */
  public Future<Scenario> get(long id) {
    return db.withConnection(c -> ScenarioStore.get(c, id, false));
  }

  /**
   * Creates a scenario. {@code name} is required; status defaults to draft; parent (when given) must exist and
   * the chain must stay within {@link ScenarioRegistry#MAX_DEPTH}.
   */
  public Future<Scenario> create(ScenarioFields f, AccessView creator) {
    String name = requireName(f.name());
    return write(c -> {
      Long parent = f.parent() == null ? null : f.parent().orElse(null);
      if (parent != null) {
        checkParent(c, parent, creator);
      }
      long id = ScenarioStore.insert(c, parent, name, text(f.description()), text(f.author()),
          f.status() == null ? ScenarioStatus.DRAFT : f.status().orElse(ScenarioStatus.DRAFT),
          creator.principal().userId());
      return id;
    }).compose(this::get);
  }

  /**
   * Updates name, description, author and status. With {@code replace} (PUT) the name is required and an absent
   * description or author is cleared; otherwise (PATCH) only the given fields change. The parent never changes.
   */
  public Future<Scenario> update(long id, ScenarioFields f, boolean replace) {
    ScenarioFields effective = f;
    if (replace) {
      requireName(f.name());
      effective = new ScenarioFields(f.name(), f.description() == null ? Optional.empty() : f.description(),
          f.author() == null ? Optional.empty() : f.author(), f.status(), null);
    } else if (f.name() != null) {
      requireName(f.name());
    }
    if (effective.status() != null && effective.status().isEmpty()) {
      throw ApiException.invalidParameter("status", "status cannot be null");
    }
    ScenarioFields fields = effective;
    return write(c -> {
      Scenario current = ScenarioStore.get(c, id, true);
      if (f.parent() != null && !java.util.Objects.equals(f.parent().orElse(null), current.parentId())) {
        throw ApiException.invalidParameter("parent", "A scenario's parent cannot be changed; duplicate it instead");
      }
      ScenarioStore.update(c, id, fields);
      return id;
    }).compose(this::get);
  }

  /** Deletes a scenario and its edits; CONFLICT when other scenarios are built on it. */
  public Future<Void> delete(long id) {
    return write(c -> {
      Scenario s = ScenarioStore.get(c, id, true);
      if (s.childCount() > 0) {
        throw ApiException.conflict("Scenario " + id + " has " + s.childCount()
            + " child scenario(s) built on it; delete them first");
      }
      ScenarioStore.delete(c, id);
      return null;
    });
  }

  /**
   * A new scenario with the same parent and a copy of every edit (same feature ids). Name defaults to
   * "<name> (copy)", status to draft; other given fields override the original's.
   */
  public Future<Scenario> duplicate(long id, ScenarioFields f, AccessView creator) {
    if (f.name() != null) {
      requireName(f.name());
    }
    return write(c -> {
      Scenario original = ScenarioStore.get(c, id, true);
      String name = f.name() != null ? f.name().get() : truncate(original.name() + " (copy)");
      String description = f.description() != null ? f.description().orElse(null) : original.description();
      String author = f.author() != null ? f.author().orElse(null) : original.author();
      ScenarioStatus status = f.status() != null ? f.status().orElse(ScenarioStatus.DRAFT) : ScenarioStatus.DRAFT;
      long copy = ScenarioStore.insert(c, original.parentId(), name, description, author, status,
          creator.principal().userId());
      ScenarioStore.copyEdits(c, id, copy);
      return copy;
    }).compose(this::get);
  }

  /**
   * Runs {@code work} in a transaction, then refreshes the registry before completing (for the edit service too:
   * its writes change versions).
   */
  public <T> Future<T> write(Database.SqlWork<T> work) {
    return db.inTransaction(work).compose(result -> db.withConnection(c -> {
      registry.refresh();
      return result;
    }));
  }

  /** Sets the scenario's readers (see {@link ScenarioStore#share}); the caller checked the principal may. */
  public Future<Void> share(long id, String visibility, java.util.List<String> users) {
    return write(c -> {
      ScenarioStore.get(c, id, true);
      ScenarioStore.share(c, id, visibility, users);
      return null;
    });
  }

  private void checkParent(java.sql.Connection c, long parent, AccessView creator) throws java.sql.SQLException {
    try {
      ScenarioStore.get(c, parent, true);
    } catch (ApiException e) {
      throw ApiException.invalidParameter("parent", "Unknown parent scenario " + parent);
    }
    if (!registry.readable(parent, creator)) { // a parent the creator may not see is as unknown as a missing one
      throw ApiException.invalidParameter("parent", "Unknown parent scenario " + parent);
    }
    int depth = registry.resolve(parent, AccessView.EVERYTHING).chain().size();
    if (depth >= ScenarioRegistry.MAX_DEPTH) {
      throw ApiException.invalidParameter("parent", "Scenario chains are limited to " + ScenarioRegistry.MAX_DEPTH
          + " levels");
    }
  }

  private static String requireName(Optional<String> name) {
    if (name == null || name.isEmpty() || name.get().isBlank()) {
      throw ApiException.invalidParameter("name", "name is required");
    }
    if (name.get().length() > 200) {
      throw ApiException.invalidParameter("name", "name must be at most 200 characters");
    }
    return name.get();
  }

  private static String text(Optional<String> value) {
    return value == null ? null : value.orElse(null);
  }

  private static String truncate(String name) {
    return name.length() <= 200 ? name : name.substring(0, 200);
  }
}
