package vn.citytwin.sensors.sta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.sensors.InsertResult;
import vn.citytwin.sensors.NewObservation;
import vn.citytwin.sensors.ObservationJson;
import vn.citytwin.sensors.ObservationStore;
import vn.citytwin.sensors.StoredObservation;
import vn.citytwin.sensors.sta.query.EntityType;

/**
 * {@code POST /CreateObservations} (OGC 18-088 §14.4): groups of {@code {"Datastream": {"@iot.id": n},
 * "components": [...], "dataArray": [[...], ...]}}. Every row becomes an Observation through the store in one
 * transaction; the answer lists, row by row, the created (or already stored) Observation's self link or
 * {@code "error"}: a bad row never costs the good ones. A body that is not such an array is refused whole.
 */
final class CreateObservations {
  private static final Set<String> COMPONENTS = Set.of("phenomenonTime", "result", "resultTime", "resultQuality",
      "validTime", "parameters", "FeatureOfInterest/id");

  private CreateObservations() {}

  static JsonArray run(Connection c, ObservationStore store, StaLinks links, Object body,
                       List<StoredObservation> created) throws SQLException {
    if (!(body instanceof JsonArray groups)) {
      throw ApiException.invalidParameter(null, "CreateObservations expects a JSON array of dataArray groups");
    }
    List<NewObservation> batch = new ArrayList<>();
    List<Integer> slot = new ArrayList<>();
    List<Object> answer = new ArrayList<>();
    int rows = 0;
    for (Object g : groups) {
      if (g instanceof JsonObject group && group.getValue("dataArray") instanceof JsonArray data) {
        rows += data.size();
      }
    }
    if (rows > store.settings().maxBatch()) {
      throw new ApiException(ErrorKind.TOO_LARGE, null, null, "A batch may hold at most "
          + store.settings().maxBatch() + " observations; this one has " + rows, null);
    }
    for (Object g : groups) {
      if (!(g instanceof JsonObject group)) {
        throw ApiException.invalidParameter(null, "Each CreateObservations group must be an object");
      }
      if (group.containsKey("MultiDatastream")) {
        throw ApiException.notSupported("MultiDatastream", "MultiDatastreams are not supported");
      }
      if (!(group.getValue("Datastream") instanceof JsonObject ds) || !(ds.getValue("@iot.id") instanceof Number id)) {
        throw ApiException.invalidParameter("Datastream", "Each group needs \"Datastream\": {\"@iot.id\": n}");
      }
      if (!(group.getValue("components") instanceof JsonArray components) || components.isEmpty()) {
        throw ApiException.invalidParameter("components", "Each group needs a non-empty \"components\" array");
      }
      for (Object name : components) {
        if (!COMPONENTS.contains(name)) {
          throw ApiException.invalidParameter("components", "Unknown component '" + name + "'");
        }
      }
      if (!(group.getValue("dataArray") instanceof JsonArray data)) {
        throw ApiException.invalidParameter("dataArray", "Each group needs a \"dataArray\" array");
      }
      for (Object row : data) {
        NewObservation o = observation(id.longValue(), components, row);
        if (o == null) {
          answer.add("error");
        } else {
          slot.add(answer.size());
          answer.add(null);
          batch.add(o);
        }
      }
    }
    List<InsertResult> results = store.insertBatchIn(c, batch, created);
    for (int k = 0; k < results.size(); k++) {
      InsertResult r = results.get(k);
      answer.set(slot.get(k), r instanceof InsertResult.Rejected || r.id() < 0 ? "error"
          : links.self(EntityType.OBSERVATION, r.id()));
    }
    return new JsonArray(answer);
  }

  /** One row as an Observation, or null when it does not parse (wrong length, bad time, bad member). */
  private static NewObservation observation(long datastream, JsonArray components, Object row) {
    if (!(row instanceof JsonArray values) || values.size() != components.size()) {
      return null;
    }
    JsonObject o = new JsonObject();
    for (int i = 0; i < components.size(); i++) {
      String name = components.getString(i);
      if (name.equals("FeatureOfInterest/id")) {
        o.put("FeatureOfInterest", new JsonObject().put("@iot.id", values.getValue(i)));
      } else {
        o.put(name, values.getValue(i));
      }
    }
    try {
      return ObservationJson.parse(o, datastream);
    } catch (ApiException | ClassCastException e) {
      return null;
    }
  }
}
