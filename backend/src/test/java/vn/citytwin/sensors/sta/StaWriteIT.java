package vn.citytwin.sensors.sta;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * Create/update/delete on /sta/v1.1 against a real PostGIS, checked by rows in the database: deep insert,
 * Observations and CreateObservations through the store (good and bad entries, duplicates), bad payloads that
 * write nothing, PATCH and DELETE with cascades.
 */
class StaWriteIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static StaFixture f;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("sta_write");
    server = TestServer.start(db.jdbcUrl(), Map.of("sensors.mqtt.enabled", "false", "sensors.max.batch", "50"));
    http = new Http(server.port());
    base = "http://127.0.0.1:" + server.port() + "/sta/v1.1";
    try (Connection c = db.connect()) {
      f = StaFixture.create(c);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  static HttpResponse<byte[]> send(String method, String path, Object body) {
    return http.send(method, "/sta/v1.1" + path, "application/json",
        body == null ? null : body instanceof String s ? s : io.vertx.core.json.Json.encode(body));
  }

  static long count(String sql, Object... params) throws Exception {
    try (Connection c = db.connect()) {
      return StaFixture.count(c, sql, params);
    }
  }

  static long tableCounts() throws Exception {
    return count("SELECT (SELECT count(*) FROM sensor.thing) + (SELECT count(*) FROM sensor.location) "
        + "+ (SELECT count(*) FROM sensor.datastream) + (SELECT count(*) FROM sensor.sensor) "
        + "+ (SELECT count(*) FROM sensor.observed_property) + (SELECT count(*) FROM sensor.observation) "
        + "+ (SELECT count(*) FROM sensor.feature_of_interest) + (SELECT count(*) FROM sensor.historical_location) "
        + "+ (SELECT count(*) FROM sensor.thing_location)");
  }

  @Test
  void deepInsertOfAThingWithLocationAndDatastreams() throws Exception {
    JsonObject thing = new JsonObject()
        .put("name", "Trạm đo tiếng ồn Lê Lợi").put("description", "noise")
        .put("properties", new JsonObject().put("code", "TO-LL"))
        .put("Locations", new JsonArray().add(new JsonObject().put("name", "Lê Lợi").put("description", "kerb")
            .put("encodingType", "application/geo+json")
            .put("location", new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(107.08212)
                .add(10.35372)))))
        .put("Datastreams", new JsonArray().add(new JsonObject().put("name", "LAeq Lê Lợi").put("description", "5 min")
            .put("observationType", StaFixture.MEASUREMENT)
            .put("unitOfMeasurement", new JsonObject().put("name", "decibel (A-weighted)").put("symbol", "dB(A)")
                .put("definition", "http://unitsofmeasure.org/ucum.html#para-30"))
            .put("Sensor", new JsonObject().put("name", "Class 1 sound level meter").put("description", "IEC 61672")
                .put("encodingType", "text/html").put("metadata", "https://example.org/slm"))
            .put("ObservedProperty", new JsonObject().put("@iot.id", f.op1))
            .put("Observations", new JsonArray().add(new JsonObject().put("phenomenonTime", "2026-11-03T00:00:00Z")
                .put("result", 61.5)))));
    HttpResponse<byte[]> r = send("POST", "/Things", thing);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
    JsonObject created = Http.json(r);
    long id = created.getLong("@iot.id");
    assertThat(r.headers().firstValue("Location")).contains(base + "/Things(" + id + ")");
    assertThat(count("SELECT count(*) FROM sensor.thing WHERE id = ? AND properties->>'code' = 'TO-LL'", id))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor.thing_location tl JOIN sensor.location l ON l.id = tl.location_id "
        + "WHERE tl.thing_id = ? AND ST_X(l.location) = 107.08212", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor.historical_location WHERE thing_id = ?", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor.datastream d JOIN sensor.sensor s ON s.id = d.sensor_id "
        + "WHERE d.thing_id = ? AND s.name = 'Class 1 sound level meter' AND d.observed_property_id = ? "
        + "AND d.unit_of_measurement->>'symbol' = 'dB(A)'", id, f.op1)).isEqualTo(1);
    // the observation got a FeatureOfInterest generated from the Thing's Location, and sensor.latest follows
    assertThat(count("SELECT count(*) FROM sensor.observation o JOIN sensor.datastream d ON d.id = o.datastream_id "
        + "JOIN sensor.feature_of_interest foi ON foi.id = o.feature_of_interest_id "
        + "WHERE d.thing_id = ? AND o.result_number = 61.5 AND ST_X(foi.feature) = 107.08212", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor.latest l JOIN sensor.datastream d ON d.id = l.datastream_id "
        + "WHERE d.thing_id = ? AND l.result_number = 61.5", id)).isEqualTo(1);
  }

  @Test
  void aDeepInsertWithOneBadPartWritesNothing() throws Exception {
    long before = tableCounts();
    JsonObject thing = new JsonObject().put("name", "half a station")
        .put("Locations", new JsonArray().add(new JsonObject().put("name", "x").put("encodingType",
            "application/geo+json").put("location", new JsonObject().put("type", "Point")
            .put("coordinates", new JsonArray().add(107.1).add(10.4)))))
        .put("Datastreams", new JsonArray().add(new JsonObject().put("name", "no property")
            .put("observationType", StaFixture.MEASUREMENT).put("unitOfMeasurement", new JsonObject())
            .put("Sensor", new JsonObject().put("@iot.id", f.s1))));
    HttpResponse<byte[]> r = send("POST", "/Things", thing);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).getString("message")).contains("ObservedProperty");
    assertThat(tableCounts()).isEqualTo(before);

    assertBad("POST", "/Things", new JsonObject().put("name", "x").put("colour", "red"), "colour");
    assertBad("POST", "/Locations", new JsonObject().put("name", "x").put("encodingType", "application/geo+json")
        .put("location", new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add("a"))),
        "GeoJSON");
    assertBad("POST", "/Datastreams", new JsonObject().put("name", "x").put("observationType", "urn:nonsense")
        .put("unitOfMeasurement", new JsonObject()).put("Thing", new JsonObject().put("@iot.id", f.t1))
        .put("Sensor", new JsonObject().put("@iot.id", f.s1))
        .put("ObservedProperty", new JsonObject().put("@iot.id", f.op1)), "observationType");
    assertBad("POST", "/Datastreams", new JsonObject().put("name", "x").put("observationType", StaFixture.MEASUREMENT)
        .put("unitOfMeasurement", new JsonObject()).put("Thing", new JsonObject().put("@iot.id", 987654))
        .put("Sensor", new JsonObject().put("@iot.id", f.s1))
        .put("ObservedProperty", new JsonObject().put("@iot.id", f.op1)), "987654");
    assertBad("POST", "/Things", "{not json", "JSON");
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  void observationsArePostedCheckedAndIdempotent() throws Exception {
    long before = count("SELECT count(*) FROM sensor.observation WHERE datastream_id = ?", f.d2);
    JsonObject obs = new JsonObject().put("phenomenonTime", "2026-11-03T00:00:00Z").put("result", 1.75)
        .put("resultTime", "2026-11-03T00:00:05Z").put("parameters", new JsonObject().put("tide", "rising"));
    HttpResponse<byte[]> r = send("POST", "/Datastreams(" + f.d2 + ")/Observations", obs);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
    long id = Http.json(r).getLong("@iot.id");
    assertThat(Http.json(r).getString("phenomenonTime")).isEqualTo("2026-11-03T00:00:00Z");
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE id = ? AND result_number = 1.75 "
        + "AND parameters->>'tide' = 'rising'", id)).isEqualTo(1);
    assertThat(count("SELECT observation_id FROM sensor.latest WHERE datastream_id = ?", f.d2)).isEqualTo(id);
    // the same reading again: stored once, answered with the same entity
    HttpResponse<byte[]> again = send("POST", "/Observations",
        obs.copy().put("Datastream", new JsonObject().put("@iot.id", f.d2)));
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(Http.json(again).getLong("@iot.id")).isEqualTo(id);
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE datastream_id = ?", f.d2)).isEqualTo(before + 1);

    String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
    assertBad("POST", "/Datastreams(" + f.d2 + ")/Observations", new JsonObject().put("result", "high"),
        "OM_Measurement");
    assertBad("POST", "/Datastreams(" + f.d2 + ")/Observations",
        new JsonObject().put("result", 2).put("phenomenonTime", future), "future");
    assertBad("POST", "/Observations", new JsonObject().put("result", 2)
        .put("Datastream", new JsonObject().put("@iot.id", 424242)), "424242");
    assertBad("POST", "/Datastreams(" + f.d2 + ")/Observations", new JsonObject().put("result", 2)
        .put("phenomenonTime", "yesterday"), "ISO 8601");
    assertBad("POST", "/Datastreams(" + f.d2 + ")/Observations", "{\"result\": NaN}", "JSON");
    assertBad("POST", "/Datastreams(" + f.d4 + ")/Observations", new JsonObject().put("result", 3),
        "OM_CategoryObservation");
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE datastream_id IN (?, ?)", f.d2, f.d4))
        .isEqualTo(before + 1 + 2);
  }

  @Test
  void createObservationsKeepsTheGoodEntriesAndReportsTheBad() throws Exception {
    long d1Before = count("SELECT count(*) FROM sensor.observation WHERE datastream_id = ?", f.d1);
    String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    JsonArray body = new JsonArray()
        .add(new JsonObject().put("Datastream", new JsonObject().put("@iot.id", f.d1))
            .put("components", new JsonArray().add("phenomenonTime").add("result"))
            .put("dataArray", new JsonArray()
                .add(new JsonArray().add("2026-11-04T00:00:00Z").add(21.5))     // good
                .add(new JsonArray().add("2026-11-04T01:00:00Z").add("bad"))    // wrong result type
                .add(new JsonArray().add(future).add(22))                        // in the future
                .add(new JsonArray().add("2026-11-04T02:00:00Z"))                // wrong length
                .add(new JsonArray().add("2026-11-04T03:00:00Z").add(23.25))    // good
                .add(new JsonArray().add("2026-11-04T00:00:00Z").add(21.5))))   // duplicate of the first
        .add(new JsonObject().put("Datastream", new JsonObject().put("@iot.id", 31337))
            .put("components", new JsonArray().add("phenomenonTime").add("result"))
            .put("dataArray", new JsonArray().add(new JsonArray().add("2026-11-04T00:00:00Z").add(1))));
    HttpResponse<byte[]> r = send("POST", "/CreateObservations", body);
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
    JsonArray answer = new JsonArray(Http.text(r));
    assertThat(answer).hasSize(7);
    assertThat(answer.getString(0)).startsWith(base + "/Observations(");
    assertThat(answer.getString(1)).isEqualTo("error");
    assertThat(answer.getString(2)).isEqualTo("error");
    assertThat(answer.getString(3)).isEqualTo("error");
    assertThat(answer.getString(4)).startsWith(base + "/Observations(");
    assertThat(answer.getString(5)).isEqualTo(answer.getString(0));
    assertThat(answer.getString(6)).isEqualTo("error");
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE datastream_id = ?", f.d1)).isEqualTo(d1Before + 2);
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE datastream_id = ? "
        + "AND phenomenon_time_start >= '2026-11-04' AND result_number IN (21.5, 23.25)", f.d1)).isEqualTo(2);
    // every outcome is counted for /metrics, whichever way the observations came
    String metrics = http.getText("/metrics");
    assertThat(metrics)
        .containsPattern("citytwin_sensors_observations_total\\{outcome=\"rejected\",reason=\"future-time\",?\\} [1-9]")
        .containsPattern("citytwin_sensors_observations_total\\{outcome=\"duplicate\",reason=\"\",?\\} [1-9]");
    // the created entities are readable by the returned links
    String link = answer.getString(4);
    assertThat(http.getJson(link.substring(link.indexOf("/sta/v1.1"))).getDouble("result")).isEqualTo(23.25);
  }

  @Test
  void oversizeAndMalformedBatchesWriteNothing() throws Exception {
    long before = count("SELECT count(*) FROM sensor.observation");
    JsonArray rows = new JsonArray();
    for (int i = 0; i < 51; i++) {
      rows.add(new JsonArray().add("2026-11-05T00:00:" + String.format("%02d", i % 60) + "Z").add(i));
    }
    JsonArray body = new JsonArray().add(new JsonObject().put("Datastream", new JsonObject().put("@iot.id", f.d3))
        .put("components", new JsonArray().add("phenomenonTime").add("result")).put("dataArray", rows));
    HttpResponse<byte[]> r = send("POST", "/CreateObservations", body);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(Http.json(r).getString("type")).isEqualTo("error");
    assertBad("POST", "/CreateObservations", new JsonObject().put("not", "an array"), "array");
    assertBad("POST", "/CreateObservations", new JsonArray().add(new JsonObject()
        .put("Datastream", new JsonObject().put("@iot.id", f.d3)).put("components", new JsonArray().add("colour"))
        .put("dataArray", new JsonArray())), "colour");
    assertThat(count("SELECT count(*) FROM sensor.observation")).isEqualTo(before);
  }

  @Test
  void patchAndDelete() throws Exception {
    long thing = Http.json(send("POST", "/Things", new JsonObject().put("name", "temporary")
        .put("Locations", new JsonArray().add(new JsonObject().put("@iot.id", f.l3))))).getLong("@iot.id");
    HttpResponse<byte[]> r = send("PATCH", "/Things(" + thing + ")", new JsonObject().put("name", "renamed")
        .put("properties", new JsonObject().put("owner", "IOC")));
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(Http.json(r).getString("name")).isEqualTo("renamed");
    assertThat(count("SELECT count(*) FROM sensor.thing WHERE id = ? AND name = 'renamed' "
        + "AND properties->>'owner' = 'IOC'", thing)).isEqualTo(1);
    // posting a reference under a many-to-many navigation links the existing entity
    assertThat(send("POST", "/Things(" + thing + ")/Locations", new JsonObject().put("@iot.id", f.l1)).statusCode())
        .isEqualTo(201);
    assertThat(count("SELECT count(*) FROM sensor.thing_location WHERE thing_id = ?", thing)).isEqualTo(2);
    // moving the Thing records another HistoricalLocation
    assertThat(send("PATCH", "/Things(" + thing + ")", new JsonObject().put("Locations",
        new JsonArray().add(new JsonObject().put("@iot.id", f.l2)))).statusCode()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM sensor.thing_location WHERE thing_id = ? AND location_id = ?", thing, f.l2))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor.thing_location WHERE thing_id = ?", thing)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor.historical_location WHERE thing_id = ?", thing)).isEqualTo(3);

    long ds = Http.json(send("POST", "/Things(" + thing + ")/Datastreams", new JsonObject().put("name", "tmp")
        .put("observationType", StaFixture.MEASUREMENT).put("unitOfMeasurement", new JsonObject())
        .put("Sensor", new JsonObject().put("@iot.id", f.s1))
        .put("ObservedProperty", new JsonObject().put("@iot.id", f.op3)))).getLong("@iot.id");
    assertThat(send("PATCH", "/Datastreams(" + ds + ")", new JsonObject().put("ObservedProperty",
        new JsonObject().put("@iot.id", f.op2))).statusCode()).isEqualTo(200);
    assertThat(count("SELECT observed_property_id FROM sensor.datastream WHERE id = ?", ds)).isEqualTo(f.op2);
    long obs = Http.json(send("POST", "/Datastreams(" + ds + ")/Observations", new JsonObject()
        .put("phenomenonTime", "2026-11-06T00:00:00Z").put("result", 5))).getLong("@iot.id");
    assertThat(send("PATCH", "/Observations(" + obs + ")", new JsonObject().put("result", 6.5)).statusCode())
        .isEqualTo(200);
    assertThat(count("SELECT count(*) FROM sensor.latest WHERE datastream_id = ? AND result_number = 6.5", ds))
        .isEqualTo(1);
    assertBad("PATCH", "/Observations(" + obs + ")", new JsonObject().put("result", "six"), "OM_Measurement");
    assertBad("PATCH", "/Observations(" + obs + ")", new JsonObject().put("phenomenonTime",
        Instant.now().plus(3, ChronoUnit.DAYS).toString()), "future");
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE id = ? AND result_number = 6.5 "
        + "AND phenomenon_time_start = '2026-11-06T00:00:00Z'", obs)).isEqualTo(1);
    assertBad("PATCH", "/Datastreams(" + ds + ")", new JsonObject().put("phenomenonTime", "2026-01-01T00:00:00Z"),
        "computed");

    assertThat(send("DELETE", "/Observations(" + obs + ")", null).statusCode()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE id = ?", obs)).isZero();
    assertThat(count("SELECT count(*) FROM sensor.latest WHERE datastream_id = ?", ds)).isZero();
    assertThat(send("DELETE", "/Things(" + thing + ")", null).statusCode()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM sensor.datastream WHERE id = ?", ds)).isZero();
    assertThat(count("SELECT count(*) FROM sensor.location WHERE id = ?", f.l2)).isEqualTo(1);
    assertThat(send("DELETE", "/Things(" + thing + ")", null).statusCode()).isEqualTo(404);
  }

  static void assertBad(String method, String path, Object body, String messagePart) {
    HttpResponse<byte[]> r = send(method, path, body);
    assertThat(r.statusCode()).as(method + " " + path + " " + Http.text(r)).isBetween(400, 499);
    JsonObject e = Http.json(r);
    assertThat(e.getInteger("code")).isEqualTo(r.statusCode());
    assertThat(e.getString("type")).isEqualTo("error");
    assertThat(e.getString("message")).contains(messagePart);
  }
}
