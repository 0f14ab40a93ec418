package vn.citytwin.sensors;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * An observation to store, as a client sent it (after JSON parsing; see {@link ObservationJson}).
 *
 * @param datastreamId the datastream it belongs to (checked by the store)
 * @param phenomenonTimeStart the instant, or the start of the interval; never null (the parser puts the server time
 *     there when the client sent none, as STA says)
 * @param phenomenonTimeEnd end of the interval, null for an instant
 * @param result a decoded JSON value: Number, Boolean, String, JsonObject, JsonArray, or null
 * @param resultTime null when not given
 * @param resultQuality any JSON value or null
 * @param validTimeStart null when no validTime
 * @param validTimeEnd null when no validTime
 * @param parameters null when none
 * @param featureOfInterestId null: the store uses the feature generated from the Thing's Location
 */
public record NewObservation(long datastreamId, Instant phenomenonTimeStart, Instant phenomenonTimeEnd, Object result,
                             Instant resultTime, Object resultQuality, Instant validTimeStart, Instant validTimeEnd,
                             JsonObject parameters, Long featureOfInterestId) {
  public NewObservation {
    Objects.requireNonNull(phenomenonTimeStart, "phenomenonTimeStart");
  }

  /** A plain instant observation: the common case of loggers and the simulator. */
  public static NewObservation of(long datastreamId, Instant phenomenonTime, Object result) {
    return new NewObservation(datastreamId, phenomenonTime, null, result, null, null, null, null, null, null);
  }
}
