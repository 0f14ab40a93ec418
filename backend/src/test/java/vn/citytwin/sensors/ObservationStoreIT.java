package vn.citytwin.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.config.SensorSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.testing.TestDatabase;

/**
 * The store the HTTP API and MQTT ingest share, against a real PostGIS: per-entry results, idempotent duplicates,
 * listeners told after commit only about new rows, sensor.latest, and the partitions (a reading of a month without
 * partition is kept in the default partition and moved when its month is created).
 */
class ObservationStoreIT {
  static TestDatabase db;
  static Vertx vertx;
  static Database database;
  static ObservationStore store;
  static final List<StoredObservation> heard = new CopyOnWriteArrayList<>();
  static long measurement;
  static long truth;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("obs_store");
    vertx = Vertx.vertx();
    database = Database.open(vertx, db.config(), null);
    SensorSettings d = SensorSettings.defaults();
    store = new ObservationStore(database, new SensorSettings(5, 60, d.defaultTop(), d.maxTop(), d.live()));
    store.addListener(heard::addAll);
    try (Connection c = db.connect()) {
      long thing = id(c, "INSERT INTO sensor.thing (name) VALUES ('t') RETURNING id");
      long loc = id(c, "INSERT INTO sensor.location (name, location) VALUES ('here', "
          + "ST_SetSRID(ST_MakePoint(107.08, 10.35), 4326)) RETURNING id");
      id(c, "INSERT INTO sensor.thing_location VALUES (" + thing + ", " + loc + ") RETURNING thing_id");
      long sensor = id(c, "INSERT INTO sensor.sensor (name) VALUES ('s') RETURNING id");
      long op = id(c, "INSERT INTO sensor.observed_property (name) VALUES ('PM2.5') RETURNING id");
      measurement = id(c, "INSERT INTO sensor.datastream (name, observation_type, thing_id, sensor_id, "
          + "observed_property_id) VALUES ('m', '" + ObservationType.MEASUREMENT.uri() + "', " + thing + ", " + sensor
          + ", " + op + ") RETURNING id");
      truth = id(c, "INSERT INTO sensor.datastream (name, observation_type, thing_id, sensor_id, "
          + "observed_property_id) VALUES ('t', '" + ObservationType.TRUTH.uri() + "', " + thing + ", " + sensor
          + ", " + op + ") RETURNING id");
    }
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
    if (vertx != null) {
      vertx.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void oneResultPerEntryAndOnlyNewRowsAreHeardAfterCommit() throws Exception {
    heard.clear();
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    List<NewObservation> batch = List.of(
        NewObservation.of(measurement, t, 12.5),
        NewObservation.of(measurement, t, "twelve"),
        NewObservation.of(99999, t, 1),
        NewObservation.of(measurement, Instant.now().plusSeconds(3600), 1),
        NewObservation.of(truth, t, true));
    List<InsertResult> r = store.insertBatch(batch).await(30, TimeUnit.SECONDS);
    assertThat(r.get(0)).isInstanceOf(InsertResult.Created.class);
    assertThat(r.get(1)).isEqualTo(new InsertResult.Rejected("wrong-result-type",
        "result of an OM_Measurement must be a number"));
    assertThat(((InsertResult.Rejected) r.get(2)).code()).isEqualTo("unknown-datastream");
    assertThat(((InsertResult.Rejected) r.get(3)).code()).isEqualTo("future-time");
    assertThat(r.get(4)).isInstanceOf(InsertResult.Created.class);
    assertThat(heard).extracting(StoredObservation::id).containsExactly(r.get(0).id(), r.get(4).id());
    assertThat(heard.get(0).featureOfInterestIdOrZero()).isPositive();
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE id IN (" + r.get(0).id() + ", " + r.get(4).id()
        + ") AND feature_of_interest_id IS NOT NULL")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE datastream_id = " + truth
        + " AND result_json = 'true'::jsonb")).isEqualTo(1);

    // the same batch again: the good entries are duplicates with the same ids, nothing new is heard or stored
    heard.clear();
    List<InsertResult> again = store.insertBatchNow(batch);
    assertThat(again.get(0)).isEqualTo(new InsertResult.Duplicate(r.get(0).id()));
    assertThat(again.get(4)).isEqualTo(new InsertResult.Duplicate(r.get(4).id()));
    assertThat(heard).isEmpty();
    // duplicates inside one batch: the first is created, the second points at it
    List<InsertResult> twice = store.insertBatchNow(List.of(NewObservation.of(measurement, t.plusSeconds(60), 13.0),
        NewObservation.of(measurement, t.plusSeconds(60), 13.0)));
    assertThat(twice.get(1)).isEqualTo(new InsertResult.Duplicate(twice.get(0).id()));
    assertThat(count("SELECT observation_id FROM sensor.latest WHERE datastream_id = " + measurement))
        .isEqualTo(twice.get(0).id());
  }

  @Test
  void anOversizeBatchIsRefusedWhole() throws Exception {
    long before = count("SELECT count(*) FROM sensor.observation");
    List<NewObservation> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(NewObservation.of(measurement, Instant.parse("2026-11-21T00:00:00Z").plusSeconds(i), i));
    }
    assertThatThrownBy(() -> store.insertBatchNow(six)).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).kind()).isEqualTo(ErrorKind.TOO_LARGE));
    assertThat(count("SELECT count(*) FROM sensor.observation")).isEqualTo(before);
  }

  @Test
  void aMonthWithoutPartitionIsKeptAndMovedLater() throws Exception {
    InsertResult r = store.insertBatchNow(List.of(new NewObservation(measurement,
        Instant.parse("2019-03-10T00:00:00Z"), null, 7.0, null, null, null, null,
        new JsonObject().put("backfill", true), null))).get(0);
    assertThat(partitionOf(r.id())).isEqualTo("sensor.observation_default");
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT sensor.create_observation_partitions('2019-03-01', '2019-04-01')")) {
      ps.execute();
    }
    assertThat(partitionOf(r.id())).isEqualTo("sensor.observation_p201903");
    assertThat(count("SELECT count(*) FROM sensor.observation WHERE id = " + r.id()
        + " AND parameters->>'backfill' = 'true'")).isEqualTo(1);
    assertThat(store.ensurePartitions()).isZero(); // the migration already made the rolling window
  }

  private static String partitionOf(long id) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT tableoid::regclass::text FROM sensor.observation WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return id(c, sql);
    }
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
