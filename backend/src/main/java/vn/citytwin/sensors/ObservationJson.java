package vn.citytwin.sensors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import vn.citytwin.core.error.ApiException;

/**
 * Reads an STA Observation in JSON (OGC 18-088 §8.2.7) into a {@link NewObservation}: {@code phenomenonTime}
 * (instant or interval; the server time when absent), {@code result} (required), {@code resultTime},
 * {@code resultQuality}, {@code validTime} (interval), {@code parameters} (object), {@code Datastream} and
 * {@code FeatureOfInterest} as {@code {"@iot.id": n}} references. Annotations ({@code @iot.*}) are ignored;
 * any other member is an error, so a typo never silently drops data.
 */
public final class ObservationJson {
  private static final Set<String> MEMBERS = Set.of("phenomenonTime", "result", "resultTime", "resultQuality",
      "validTime", "parameters", "Datastream", "FeatureOfInterest");

  private ObservationJson() {}

  /**
   * @param datastreamId the datastream named by the URL or topic ({@code Datastreams(7)/Observations}), or null when
   *     the body must name it
   * @throws ApiException invalid parameter, locator = the member at fault
   */
  public static NewObservation parse(JsonObject body, Long datastreamId) {
    if (body == null) {
      throw ApiException.invalidParameter(null, "An Observation must be a JSON object");
    }
    for (String key : body.fieldNames()) {
      if (!key.startsWith("@") && !MEMBERS.contains(key)) {
        throw ApiException.invalidParameter(key, "Observation has no property '" + key + "'");
      }
    }
    Long ds = reference(body, "Datastream");
    if (datastreamId != null) {
      if (ds != null && !ds.equals(datastreamId)) {
        throw ApiException.invalidParameter("Datastream", "The body names Datastream " + ds
            + " but the path names Datastream " + datastreamId);
      }
      ds = datastreamId;
    }
    if (ds == null) {
      throw ApiException.invalidParameter("Datastream", "An Observation needs a Datastream: {\"@iot.id\": n}");
    }
    if (!body.containsKey("result")) {
      throw ApiException.invalidParameter("result", "An Observation needs a result");
    }
    Object result = body.getValue("result");
    if (result instanceof Double d && !Double.isFinite(d)) {
      throw ApiException.invalidParameter("result", "result must be a finite number");
    }
    StaTime.Span phenomenon = body.getValue("phenomenonTime") == null ? new StaTime.Span(Instant.now(), null)
        : StaTime.span(string(body, "phenomenonTime"), "phenomenonTime");
    Instant resultTime = body.getValue("resultTime") == null ? null
        : StaTime.instant(string(body, "resultTime"), "resultTime");
    StaTime.Span valid = body.getValue("validTime") == null ? null
        : StaTime.span(string(body, "validTime"), "validTime");
    Object parameters = body.getValue("parameters");
    if (parameters != null && !(parameters instanceof JsonObject)) {
      throw ApiException.invalidParameter("parameters", "parameters must be a JSON object");
    }
    return new NewObservation(ds, phenomenon.start(), phenomenon.end(), result, resultTime,
        body.getValue("resultQuality"), valid == null ? null : valid.start(), valid == null ? null : valid.end(),
        (JsonObject) parameters, reference(body, "FeatureOfInterest"));
  }

  /** The {@code @iot.id} of a reference member, null when absent; an inline entity is an error here. */
  static Long reference(JsonObject body, String member) {
    Object v = body.getValue(member);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject ref) || !(ref.getValue("@iot.id") instanceof Number n)) {
      throw ApiException.invalidParameter(member, member + " must be a reference {\"@iot.id\": n}");
    }
    if (ref.size() != 1) {
      throw ApiException.invalidParameter(member, member + " must be a reference {\"@iot.id\": n} here");
    }
    return n.longValue();
  }

  private static String string(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (!(v instanceof String s)) {
      throw ApiException.invalidParameter(key, key + " must be an ISO 8601 string");
    }
    return s;
  }

  /** The result as the store keeps it in {@code result_json} (non-numbers), or null. */
  static String jsonText(Object result) {
    if (result == null || result instanceof Number) {
      return null;
    }
    if (result instanceof JsonObject o) {
      return o.encode();
    }
    if (result instanceof JsonArray a) {
      return a.encode();
    }
    return io.vertx.core.json.Json.encode(result);
  }
}
