package vn.citytwin.sensors.sta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A small hand-checked SensorThings city written with plain SQL (not through the API under test):
 * <pre>
 * T1 "Trạm Bãi Trước" {kind: air_quality, code: K22}  L1 POINT(107.0752 10.3452)
 *    D1 "PM2.5 Bãi Trước"   OM_Measurement µg/m³  S1 OP1 PM2.5   10 readings 10..19, hourly from 2026-11-01T00:00Z
 *    D4 "Trạng thái Bãi Trước" OM_CategoryObservation S1 OP1      "ok" 2026-11-01T00:00Z, "warn" 01:00Z
 * T2 "Trạm Bàu Sen" {kind: water_level}                L2 POINT(107.0835 10.3499)
 *    D2 "Mực nước Bàu Sen"  OM_Measurement m      S2 OP2 Water level  1.0,1.5,2.0,2.5,3.0 every 6 h from 2026-11-01
 * T3 "Trạm khí tượng" {kind: weather}                  L3 POINT(107.095 10.37)
 *    D3 "Nhiệt độ"          OM_Measurement °C     S1 OP3 Air temperature  25.5, 27.0, 30.25 at 2026-11-02T00/06/12Z
 * </pre>
 */
final class StaFixture {
  static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";
  static final String CATEGORY = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CategoryObservation";

  long t1;
  long t2;
  long t3;
  long l1;
  long l2;
  long l3;
  long s1;
  long s2;
  long op1;
  long op2;
  long op3;
  long d1;
  long d2;
  long d3;
  long d4;

  static StaFixture create(Connection c) throws SQLException {
    StaFixture f = new StaFixture();
    f.t1 = id(c, "INSERT INTO sensor.thing (name, description, properties) VALUES ('Trạm Bãi Trước', 'air', "
        + "'{\"kind\":\"air_quality\",\"code\":\"K22\"}') RETURNING id");
    f.t2 = id(c, "INSERT INTO sensor.thing (name, description, properties) VALUES ('Trạm Bàu Sen', 'lake', "
        + "'{\"kind\":\"water_level\"}') RETURNING id");
    f.t3 = id(c, "INSERT INTO sensor.thing (name, description, properties) VALUES ('Trạm khí tượng', 'weather', "
        + "'{\"kind\":\"weather\"}') RETURNING id");
    f.l1 = location(c, "L1", 107.0752, 10.3452);
    f.l2 = location(c, "L2", 107.0835, 10.3499);
    f.l3 = location(c, "L3", 107.095, 10.37);
    link(c, f.t1, f.l1);
    link(c, f.t2, f.l2);
    link(c, f.t3, f.l3);
    f.s1 = id(c, "INSERT INTO sensor.sensor (name, encoding_type, metadata) VALUES ('AQ monitor', 'text/html', "
        + "'https://example.org/aq') RETURNING id");
    f.s2 = id(c, "INSERT INTO sensor.sensor (name, encoding_type, metadata) VALUES ('Level gauge', 'text/html', "
        + "'https://example.org/level') RETURNING id");
    f.op1 = id(c, "INSERT INTO sensor.observed_property (name, definition) VALUES ('PM2.5', 'pm25') RETURNING id");
    f.op2 = id(c, "INSERT INTO sensor.observed_property (name, definition) VALUES ('Water level', 'wl') RETURNING id");
    f.op3 = id(c, "INSERT INTO sensor.observed_property (name, definition) VALUES ('Air temperature', 'ta') "
        + "RETURNING id");
    f.d1 = datastream(c, "PM2.5 Bãi Trước", MEASUREMENT, "{\"name\":\"microgram per cubic metre\",\"symbol\":\"ug/m3\"}",
        f.t1, f.s1, f.op1);
    f.d2 = datastream(c, "Mực nước Bàu Sen", MEASUREMENT, "{\"name\":\"metre\",\"symbol\":\"m\"}", f.t2, f.s2, f.op2);
    f.d3 = datastream(c, "Nhiệt độ", MEASUREMENT, "{\"name\":\"degree Celsius\",\"symbol\":\"Cel\"}", f.t3, f.s1,
        f.op3);
    f.d4 = datastream(c, "Trạng thái Bãi Trước", CATEGORY, "{}", f.t1, f.s1, f.op1);
    exec(c, "INSERT INTO sensor.observation (datastream_id, phenomenon_time_start, result_number) "
        + "SELECT ?, timestamptz '2026-11-01T00:00:00Z' + i * interval '1 hour', 10 + i FROM generate_series(0, 9) i",
        f.d1);
    exec(c, "INSERT INTO sensor.observation (datastream_id, phenomenon_time_start, result_number) "
        + "SELECT ?, timestamptz '2026-11-01T00:00:00Z' + i * interval '6 hours', 1 + i * 0.5 "
        + "FROM generate_series(0, 4) i", f.d2);
    exec(c, "INSERT INTO sensor.observation (datastream_id, phenomenon_time_start, result_number) VALUES "
        + "(?, '2026-11-02T00:00:00Z', 25.5), (?, '2026-11-02T06:00:00Z', 27.0), (?, '2026-11-02T12:00:00Z', 30.25)",
        f.d3, f.d3, f.d3);
    exec(c, "INSERT INTO sensor.observation (datastream_id, phenomenon_time_start, result_json) VALUES "
        + "(?, '2026-11-01T00:00:00Z', '\"ok\"'), (?, '2026-11-01T01:00:00Z', '\"warn\"')", f.d4, f.d4);
    return f;
  }

  private static long location(Connection c, String name, double lon, double lat) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensor.location (name, location) "
        + "VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326)) RETURNING id")) {
      ps.setString(1, name);
      ps.setDouble(2, lon);
      ps.setDouble(3, lat);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void link(Connection c, long thing, long location) throws SQLException {
    exec(c, "INSERT INTO sensor.thing_location (thing_id, location_id) VALUES (?, ?)", thing, location);
  }

  private static long datastream(Connection c, String name, String type, String unit, long thing, long sensor,
                                 long op) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensor.datastream (name, observation_type, "
        + "unit_of_measurement, thing_id, sensor_id, observed_property_id) VALUES (?, ?, ?::jsonb, ?, ?, ?) "
        + "RETURNING id")) {
      ps.setString(1, name);
      ps.setString(2, type);
      ps.setString(3, unit);
      ps.setLong(4, thing);
      ps.setLong(5, sensor);
      ps.setLong(6, op);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long id(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.execute();
    }
  }

  /** An independent count with plain SQL. */
  static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
