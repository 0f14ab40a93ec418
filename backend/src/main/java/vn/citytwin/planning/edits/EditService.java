package vn.citytwin.planning.edits;

import vn.citytwin.access.AccessView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.CityBoundary;
import vn.citytwin.edit.Ewkb;
import vn.citytwin.edit.RowCheck;
import vn.citytwin.planning.scenarios.Scenario;
import vn.citytwin.planning.scenarios.ScenarioService;
import vn.citytwin.planning.scenarios.ScenarioStore;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Applies edits to a scenario: all of a request's edits in one transaction (the scenario row locked), so either
 * every edit is stored or, on the first error, none is. What an edit stores is the feature's complete new state:
 *
 * <ul>
 *   <li>add: a new id from {@code planning.feature_id_seq}; the given properties (defaults filled in) and geometry;
 *   <li>modify: the feature's current state in this scenario's city (its own earlier edit, else its parent's
 *       city) with the given properties and geometry put over it; a feature the scenario itself added stays an
 *       add;
 *   <li>delete: a delete mark, or, for a feature the scenario itself added, the removal of that add.
 * </ul>
 *
 * Modify and delete of a feature that is not in the scenario's city are NOT_FOUND. Drafts and proposals take
 * edits; approved and archived scenarios are CONFLICT.
 */
public final class EditService {
  private final Database db;
  private final ScenarioRegistry registry;
  private final ScenarioService scenarios;
  private final EditValidator validator;
  private final CityBoundary boundary;
  private final Catalog catalog;

  public EditService(Database db, Catalog catalog, ScenarioRegistry registry, ScenarioService scenarios,
                     PlanningSettings settings) {
    this.db = db;
    this.catalog = catalog;
    this.registry = registry;
    this.scenarios = scenarios;
    this.validator = new EditValidator(catalog);
    this.boundary = new CityBoundary(catalog, settings.cityExtent(), true);
  }

  public Future<List<Applied>> apply(long scenarioId, List<FeatureEdit> edits) {
    return scenarios.write(c -> {
      lockEditable(c, scenarioId);
      ScenarioRef ref = registry.resolve(scenarioId, AccessView.EVERYTHING); // PlanningRoutes checked the writer
      RowCheck check = new RowCheck(c);
      List<Applied> out = new ArrayList<>();
      for (FeatureEdit fe : edits) {
        ValidEdit e = validator.validate(fe);
        out.add(switch (e.op()) {
          case ADD -> add(c, scenarioId, e, check);
          case MODIFY -> modify(c, scenarioId, ref, e, check);
          case DELETE -> delete(c, scenarioId, ref, e);
        });
      }
      return out;
    });
  }

  /** Removes the scenario's own edit of a feature (undo); NOT_FOUND when it has none. */
  public Future<Void> undo(long scenarioId, String layerId, long featureId) {
    return scenarios.write(c -> {
      lockEditable(c, scenarioId);
      Layer layer = catalog.requireAny(layerId, "layer");
      if (!EditStore.remove(c, scenarioId, layer.id(), featureId)) {
        throw ApiException.notFound("featureId", "Scenario " + scenarioId + " has no edit of " + layer.id() + " "
            + featureId);
      }
      return null;
    });
  }

  /** The scenario's own edits (NOT_FOUND for an unknown scenario), optionally of one layer. */
  public Future<List<Edit>> list(long scenarioId, String layerId) {
    return db.withConnection(c -> {
      ScenarioStore.get(c, scenarioId, false);
      return EditStore.list(c, scenarioId, layerId);
    });
  }

  private static void lockEditable(Connection c, long scenarioId) throws SQLException {
    Scenario s = ScenarioStore.get(c, scenarioId, true);
    if (!s.status().isEditable()) {
      throw ApiException.conflict("Scenario " + scenarioId + " is " + s.status().wire()
          + ": set its status to draft or proposed before editing it");
    }
  }

  private Applied add(Connection c, long scenarioId, ValidEdit e, RowCheck check) throws SQLException {
    long id = EditStore.nextFeatureId(c);
    boundary.check(c, e.layer(), e.geometry(), e.source().locators());
    JsonObject state = check.check(e.layer(), id, values(e.properties()), e.geometry(), e.source().locators());
    EditStore.upsert(c, scenarioId, e.layer().id(), id, EditOp.ADD, state, Ewkb.of(e.geometry()));
    return new Applied(e.layer().id(), id, EditOp.ADD, false);
  }

  private Applied modify(Connection c, long scenarioId, ScenarioRef ref, ValidEdit e, RowCheck check)
      throws SQLException {
    long id = e.source().featureId();
    EditStore.FeatureState current = EditStore.current(c, e.layer(), ref, id)
        .orElseThrow(() -> missing(e, scenarioId));
    JsonObject merged = current.properties().copy();
    e.properties().forEach(p -> merged.put(p.getKey(), p.getValue()));
    boundary.check(c, e.layer(), e.geometry(), e.source().locators());
    Geometry geometry = e.geometry() == null ? current.geometry() : e.geometry();
    JsonObject state = check.check(e.layer(), id, values(merged), geometry, e.source().locators());
    byte[] ewkb = Ewkb.of(geometry);
    EditOp op = EditStore.ownOp(c, scenarioId, e.layer().id(), id) == EditOp.ADD ? EditOp.ADD : EditOp.MODIFY;
    EditStore.upsert(c, scenarioId, e.layer().id(), id, op, state, ewkb);
    return new Applied(e.layer().id(), id, op, false);
  }

  private Applied delete(Connection c, long scenarioId, ScenarioRef ref, ValidEdit e) throws SQLException {
    long id = e.source().featureId();
    if (EditStore.current(c, e.layer(), ref, id).isEmpty()) {
      throw missing(e, scenarioId);
    }
    if (EditStore.ownOp(c, scenarioId, e.layer().id(), id) == EditOp.ADD) {
      EditStore.remove(c, scenarioId, e.layer().id(), id);
      return new Applied(e.layer().id(), id, EditOp.DELETE, true);
    }
    EditStore.upsert(c, scenarioId, e.layer().id(), id, EditOp.DELETE, new JsonObject(), null);
    return new Applied(e.layer().id(), id, EditOp.DELETE, false);
  }

  /** A JSON state as values by column (nested objects and arrays as JsonObject and JsonArray). */
  private static Map<String, Object> values(JsonObject state) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : state.fieldNames()) {
      out.put(k, state.getValue(k));
    }
    return out;
  }

  private static ApiException missing(ValidEdit e, long scenarioId) {
    return ApiException.notFound(e.source().at("id"), "Feature " + e.source().featureId() + " of layer '"
        + e.layer().id() + "' is not in the city of scenario " + scenarioId);
  }
}
