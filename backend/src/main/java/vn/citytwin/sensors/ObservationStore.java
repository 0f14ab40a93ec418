package vn.citytwin.sensors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.config.SensorSettings;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * The one way observations get into {@code sensor.observation}: a batch is checked entry by entry (a bad entry is
 * {@link InsertResult.Rejected} and never costs the good ones), the good ones go in with one
 * {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING} (the unique index makes duplicates idempotent), and
 * listeners hear about the new rows only after commit. {@code sensor.latest} follows by trigger.
 *
 * <p>SQL shape: {@code SELECT id, observation_type, feature FROM datastream (+ default feature per Location)};
 * {@code SELECT nextval(seq) FROM generate_series(1, n)}; {@code INSERT … RETURNING id}; for duplicates
 * {@code SELECT existing id FROM unnest(…) JOIN observation}.
 */
public final class ObservationStore {
  private static final Logger LOG = LoggerFactory.getLogger(ObservationStore.class);
  private static final int RETRIES = 3;

  private final Database db;
  private final SensorSettings settings;
  private final List<ObservationListener> listeners = new CopyOnWriteArrayList<>();
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /** A store without metrics (tools, tests). */
  public ObservationStore(Database db, SensorSettings settings) {
    this(db, settings, null);
  }

  /**
   * @param registry where {@code citytwin.sensors.observations} (tags outcome = created|duplicate|rejected, reason =
   *     the rejection code) is counted for every ingest path; null: no metrics
   */
  public ObservationStore(Database db, SensorSettings settings, MeterRegistry registry) {
    this.db = db;
    this.settings = settings;
    this.registry = registry;
  }

  public SensorSettings settings() {
    return settings;
  }

  public void addListener(ObservationListener listener) {
    listeners.add(listener);
  }

  /**
   * Stores a batch in one transaction on the database workers; the future completes after commit (or fails, with
   * nothing stored). A deadlock or serialization failure is retried.
   *
   * @return one result per entry, in order
   * @throws ApiException (failed future) TOO_LARGE when the batch exceeds {@code sensors.max.batch}
   */
  public Future<List<InsertResult>> insertBatch(List<NewObservation> batch) {
    return db.withConnection(c -> insertCommitted(c, batch));
  }

  /** {@link #insertBatch} on the calling thread (a worker, a CLI, a test). */
  public List<InsertResult> insertBatchNow(List<NewObservation> batch) {
    return db.inConnection(c -> insertCommitted(c, batch));
  }

  private List<InsertResult> insertCommitted(Connection c, List<NewObservation> batch) throws SQLException {
    checkSize(batch);
    SQLException last = null;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      c.setAutoCommit(false);
      List<StoredObservation> created = new ArrayList<>();
      try {
        List<InsertResult> results = insert(c, batch, created);
        c.commit();
        count(results);
        notifyListeners(created);
        return results;
      } catch (SQLException e) {
        c.rollback();
        if (!"40P01".equals(e.getSQLState()) && !"40001".equals(e.getSQLState())) {
          throw e;
        }
        last = e;
        LOG.info("observation batch retried after {}", e.getSQLState());
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    throw last;
  }

  /**
   * Stores a batch inside the caller's transaction (the caller commits; listeners are told by
   * {@link #committed} when it has).
   */
  public List<InsertResult> insertBatchIn(Connection c, List<NewObservation> batch, List<StoredObservation> created)
      throws SQLException {
    checkSize(batch);
    List<InsertResult> results = insert(c, batch, created);
    count(results);
    return results;
  }

  private void count(List<InsertResult> results) {
    if (registry == null) {
      return;
    }
    for (InsertResult r : results) {
      String outcome = r instanceof InsertResult.Created ? "created" : r instanceof InsertResult.Duplicate
          ? "duplicate" : "rejected";
      String reason = r instanceof InsertResult.Rejected bad ? bad.code() : "";
      counters.computeIfAbsent(outcome + "/" + reason, k -> Counter.builder("citytwin.sensors.observations")
          .description("Observations offered to the store (HTTP and MQTT), by outcome")
          .tag("outcome", outcome).tag("reason", reason).register(registry)).increment();
    }
  }

  /** Tells the listeners about rows a caller's transaction committed. */
  public void committed(List<StoredObservation> created) {
    notifyListeners(created);
  }

  /** Creates the observation partitions of the rolling window (last month to 3 months ahead); returns how many. */
  public int ensurePartitions() {
    return db.inConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT sensor.ensure_observation_partitions()");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private void checkSize(List<NewObservation> batch) {
    if (batch.size() > settings.maxBatch()) {
      throw new ApiException(ErrorKind.TOO_LARGE, null, null, "A batch may hold at most " + settings.maxBatch()
          + " observations; this one has " + batch.size(), null);
    }
  }

  private void notifyListeners(List<StoredObservation> created) {
    if (created.isEmpty()) {
      return;
    }
    List<StoredObservation> view = List.copyOf(created);
    for (ObservationListener l : listeners) {
      try {
        l.committed(view);
      } catch (RuntimeException e) {
        LOG.warn("observation listener {} failed", l.getClass().getName(), e);
      }
    }
  }

  /** What the store needs to know about a datastream: its type and the feature its observations default to. */
  private record Target(ObservationType type, long defaultFeature) {}

  private List<InsertResult> insert(Connection c, List<NewObservation> batch, List<StoredObservation> created)
      throws SQLException {
    InsertResult[] results = new InsertResult[batch.size()];
    if (batch.isEmpty()) {
      return List.of();
    }
    Set<Long> dsIds = new HashSet<>();
    Set<Long> featureIds = new HashSet<>();
    for (NewObservation o : batch) {
      dsIds.add(o.datastreamId());
      if (o.featureOfInterestId() != null) {
        featureIds.add(o.featureOfInterestId());
      }
    }
    Map<Long, Target> targets = targets(c, dsIds);
    Set<Long> features = existingFeatures(c, featureIds);
    Instant horizon = Instant.now().plusSeconds(settings.maxFutureSeconds());
    List<Integer> good = new ArrayList<>();
    long[] featureOf = new long[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      NewObservation o = batch.get(i);
      Target t = targets.get(o.datastreamId());
      InsertResult bad = check(o, t, features, horizon);
      if (bad != null) {
        results[i] = bad;
        continue;
      }
      featureOf[i] = o.featureOfInterestId() != null ? o.featureOfInterestId() : t.defaultFeature();
      good.add(i);
    }
    if (!good.isEmpty()) {
      writeRows(c, batch, good, featureOf, results, created);
    }
    return List.of(results);
  }

  private static InsertResult check(NewObservation o, Target t, Set<Long> features, Instant horizon) {
    if (t == null) {
      return new InsertResult.Rejected("unknown-datastream", "No Datastream with id " + o.datastreamId());
    }
    if (t.type() != null) {
      String why = t.type().rejects(o.result());
      if (why != null) {
        return new InsertResult.Rejected("wrong-result-type", why);
      }
    } else if (o.result() instanceof Double d && !Double.isFinite(d)) {
      return new InsertResult.Rejected("wrong-result-type", "result must be a finite number");
    }
    Instant last = o.phenomenonTimeEnd() != null ? o.phenomenonTimeEnd() : o.phenomenonTimeStart();
    if (last.isAfter(horizon) || o.resultTime() != null && o.resultTime().isAfter(horizon)) {
      return new InsertResult.Rejected("future-time", "phenomenonTime/resultTime lies in the future");
    }
    if (o.phenomenonTimeEnd() != null && o.phenomenonTimeEnd().isBefore(o.phenomenonTimeStart())) {
      return new InsertResult.Rejected("invalid", "phenomenonTime ends before it starts");
    }
    if (o.featureOfInterestId() != null && !features.contains(o.featureOfInterestId())) {
      return new InsertResult.Rejected("unknown-feature", "No FeatureOfInterest with id " + o.featureOfInterestId());
    }
    return null;
  }

  /**
   * Types and default features of the datastreams (one row each): the default feature is the one generated from
   * the Thing's first Location, created here on first use. 0 when the Thing has no Location.
   */
  private static Map<Long, Target> targets(Connection c, Set<Long> ids) throws SQLException {
    Map<Long, Target> out = new HashMap<>();
    Map<Long, Long> locationOf = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.observation_type, l.location_id, f.id "
        + "FROM sensor.datastream d "
        + "LEFT JOIN LATERAL (SELECT location_id FROM sensor.thing_location tl WHERE tl.thing_id = d.thing_id "
        + "ORDER BY location_id LIMIT 1) l ON true "
        + "LEFT JOIN sensor.feature_of_interest f ON f.location_id = l.location_id "
        + "WHERE d.id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          long location = rs.getLong(3);
          long feature = rs.getLong(4);
          if (feature == 0 && location != 0) {
            locationOf.put(id, location);
          }
          out.put(id, new Target(ObservationType.ofUri(rs.getString(2)), feature));
        }
      }
    }
    for (Map.Entry<Long, Long> e : locationOf.entrySet()) {
      Target t = out.get(e.getKey());
      out.put(e.getKey(), new Target(t.type(), featureOfLocation(c, e.getValue())));
    }
    return out;
  }

  /** The feature generated from a Location (created on first use; a concurrent creator wins harmlessly). */
  static long featureOfLocation(Connection c, long locationId) throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO sensor.feature_of_interest "
        + "(name, description, encoding_type, feature, location_id) "
        + "SELECT name, description, encoding_type, location, id FROM sensor.location WHERE id = ? "
        + "ON CONFLICT (location_id) DO NOTHING")) {
      ins.setLong(1, locationId);
      ins.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sensor.feature_of_interest WHERE location_id = ?")) {
      ps.setLong(1, locationId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static Set<Long> existingFeatures(Connection c, Set<Long> ids) throws SQLException {
    Set<Long> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sensor.feature_of_interest WHERE id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static final String INSERT = "INSERT INTO sensor.observation (id, datastream_id, phenomenon_time_start, "
      + "phenomenon_time_end, result_number, result_json, result_time, result_quality, valid_time_start, "
      + "valid_time_end, parameters, feature_of_interest_id) "
      + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], "
      + "?::float8[], ?::text[]::jsonb[], ?::text[]::timestamptz[], ?::text[]::jsonb[], ?::text[]::timestamptz[], "
      + "?::text[]::timestamptz[], ?::text[]::jsonb[], ?::bigint[]) "
      + "ON CONFLICT DO NOTHING RETURNING id";

  private static final String EXISTING = "SELECT u.ord, o.id FROM unnest(?::bigint[], ?::text[]::timestamptz[], "
      + "?::float8[], ?::text[]::jsonb[]) WITH ORDINALITY AS u(ds, t, rn, rj, ord) "
      + "JOIN sensor.observation o ON o.datastream_id = u.ds AND o.phenomenon_time_start = u.t "
      + "AND o.result_number IS NOT DISTINCT FROM u.rn AND md5(o.result_json::text) IS NOT DISTINCT FROM md5(u.rj::text)";

  private static void writeRows(Connection c, List<NewObservation> batch, List<Integer> good, long[] featureOf,
                                InsertResult[] results, List<StoredObservation> created) throws SQLException {
    int n = good.size();
    Long[] ids = reserveIds(c, n);
    Long[] ds = new Long[n];
    String[] t0 = new String[n];
    String[] t1 = new String[n];
    Double[] num = new Double[n];
    String[] json = new String[n];
    String[] rt = new String[n];
    String[] quality = new String[n];
    String[] v0 = new String[n];
    String[] v1 = new String[n];
    String[] params = new String[n];
    Long[] foi = new Long[n];
    for (int k = 0; k < n; k++) {
      NewObservation o = batch.get(good.get(k));
      ds[k] = o.datastreamId();
      t0[k] = o.phenomenonTimeStart().toString();
      t1[k] = text(o.phenomenonTimeEnd());
      num[k] = o.result() instanceof Number x ? x.doubleValue() : null;
      json[k] = ObservationJson.jsonText(o.result());
      rt[k] = text(o.resultTime());
      quality[k] = o.resultQuality() == null ? null : io.vertx.core.json.Json.encode(o.resultQuality());
      v0[k] = text(o.validTimeStart());
      v1[k] = text(o.validTimeEnd());
      params[k] = o.parameters() == null ? null : o.parameters().encode();
      foi[k] = featureOf[good.get(k)] == 0 ? null : featureOf[good.get(k)];
    }
    Set<Long> inserted = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      Object[][] cols = {ids, ds, t0, t1, num, json, rt, quality, v0, v1, params, foi};
      String[] types = {"bigint", "bigint", "text", "text", "float8", "text", "text", "text", "text", "text", "text",
          "bigint"};
      for (int i = 0; i < cols.length; i++) {
        ps.setArray(i + 1, c.createArrayOf(types[i], cols[i]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getLong(1));
        }
      }
    }
    List<Integer> dupes = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int i = good.get(k);
      if (inserted.contains(ids[k])) {
        results[i] = new InsertResult.Created(ids[k]);
        created.add(new StoredObservation(ids[k], featureOf[i], batch.get(i)));
      } else {
        dupes.add(k);
      }
    }
    if (!dupes.isEmpty()) {
      resolveDuplicates(c, dupes, good, ds, t0, num, json, results);
    }
  }

  private static void resolveDuplicates(Connection c, List<Integer> dupes, List<Integer> good, Long[] ds, String[] t0,
                                        Double[] num, String[] json, InsertResult[] results) throws SQLException {
    int m = dupes.size();
    Long[] dds = new Long[m];
    String[] dt = new String[m];
    Double[] dn = new Double[m];
    String[] dj = new String[m];
    for (int j = 0; j < m; j++) {
      int k = dupes.get(j);
      dds[j] = ds[k];
      dt[j] = t0[k];
      dn[j] = num[k];
      dj[j] = json[k];
    }
    try (PreparedStatement ps = c.prepareStatement(EXISTING)) {
      ps.setArray(1, c.createArrayOf("bigint", dds));
      ps.setArray(2, c.createArrayOf("text", dt));
      ps.setArray(3, c.createArrayOf("float8", dn));
      ps.setArray(4, c.createArrayOf("text", dj));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int j = (int) rs.getLong(1) - 1;
          results[good.get(dupes.get(j))] = new InsertResult.Duplicate(rs.getLong(2));
        }
      }
    }
    for (int j = 0; j < m; j++) {
      int i = good.get(dupes.get(j));
      if (results[i] == null) {
        // Conflicted with a row another transaction is still inserting: stored by that one, not by us.
        results[i] = new InsertResult.Duplicate(-1);
      }
    }
  }

  private static Long[] reserveIds(Connection c, int n) throws SQLException {
    Long[] ids = new Long[n];
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT nextval('sensor.observation_id_seq') FROM generate_series(1, ?)")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        for (int k = 0; rs.next(); k++) {
          ids[k] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
