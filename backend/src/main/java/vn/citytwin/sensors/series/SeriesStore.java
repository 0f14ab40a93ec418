package vn.citytwin.sensors.series;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.error.ApiException;

/**
 * Aggregates one datastream's observations into fixed buckets in SQL. The shape, with the selected aggregates
 * (from {@link Aggregate}, never from the request) and every value bound:
 *
 * <pre>
 * SELECT date_bin(make_interval(secs => $step), o.phenomenon_time_start, $from) AS bucket, avg(o.result_number), …
 * FROM sensor.observation o
 * WHERE o.datastream_id = $ds AND o.phenomenon_time_start >= $from AND o.phenomenon_time_start < $to
 * GROUP BY 1 ORDER BY 1
 * </pre>
 *
 * The range condition on the partition key prunes the monthly partitions, and the (datastream, time) index reads
 * only the rows in range. Buckets without observations are left out.
 */
public final class SeriesStore {
  private static final String DATASTREAM_SQL = """
      SELECT op.name, d.unit_of_measurement ->> 'symbol' FROM sensor.datastream d
      JOIN sensor.observed_property op ON op.id = d.observed_property_id WHERE d.id = ?""";

  /** A bucket: its start and one value per requested aggregate (null where there was nothing to aggregate). */
  public record Bucket(Instant start, List<Number> values) {}

  public record Series(SeriesRequest request, String observedProperty, String unit, List<Bucket> buckets) {}

  private final Database db;

  public SeriesStore(Database db) {
    this.db = db;
  }

  /** @return the series; fails with 404 when the datastream does not exist */
  public Future<Series> series(SeriesRequest r) {
    return db.withConnection(c -> read(c, r));
  }

  static String sql(List<Aggregate> aggregates) {
    return "SELECT date_bin(make_interval(secs => ?), o.phenomenon_time_start, ?) AS bucket, "
        + aggregates.stream().map(Aggregate::sql).collect(Collectors.joining(", "))
        + " FROM sensor.observation o WHERE o.datastream_id = ? AND o.phenomenon_time_start >= ?"
        + " AND o.phenomenon_time_start < ? GROUP BY 1 ORDER BY 1";
  }

  private static Series read(Connection c, SeriesRequest r) throws SQLException {
    String property;
    String unit;
    try (PreparedStatement ps = c.prepareStatement(DATASTREAM_SQL)) {
      ps.setLong(1, r.datastream());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ApiException.notFound("datastream", "No Datastream " + r.datastream());
        }
        property = rs.getString(1);
        unit = rs.getString(2);
      }
    }
    List<Bucket> buckets = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql(r.aggregates()))) {
      ps.setDouble(1, r.step().getSeconds());
      ps.setTimestamp(2, Timestamp.from(r.from()));
      ps.setLong(3, r.datastream());
      ps.setTimestamp(4, Timestamp.from(r.from()));
      ps.setTimestamp(5, Timestamp.from(r.to()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Number> values = new ArrayList<>(r.aggregates().size());
          for (int i = 0; i < r.aggregates().size(); i++) {
            Aggregate a = r.aggregates().get(i);
            if (a == Aggregate.COUNT) {
              values.add(rs.getLong(i + 2));
            } else {
              double v = rs.getDouble(i + 2);
              values.add(rs.wasNull() ? null : v);
            }
          }
          buckets.add(new Bucket(rs.getTimestamp(1).toInstant(), values));
        }
      }
    }
    return new Series(r, property, unit, buckets);
  }
}
