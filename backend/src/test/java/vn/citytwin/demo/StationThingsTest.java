package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.testing.TestDatabase;

/**
 * The 21 demo stations (gis-data/sensor_stations.geojson, as the demo loader stores them) become SensorThings
 * entities with the quantities and UCUM units of their kind; a second run adds nothing.
 */
class StationThingsTest {
  private static TestDatabase db;
  private static StationThings.Result first;
  private static StationThings.Result second;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.create("stations");
    Flyway.configure().dataSource(db.jdbcUrl(), db.config().user(), db.config().password())
        .locations("classpath:db/migration").schemas("citytwin").createSchemas(true).load().migrate();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      long id = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO city.sensor_stations (id, code, name, kind, geom) "
          + "VALUES (?, ?, ?, ?, ST_GeomFromText(?, 4326))")) {
        for (GeoJson.Feature f : GeoJson.resource("sensor_stations")) {
          ps.setLong(1, ++id);
          ps.setString(2, f.properties().getString("code"));
          ps.setString(3, f.properties().getString("name"));
          ps.setString(4, f.properties().getString("kind"));
          ps.setString(5, f.geometry().toText());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      first = StationThings.ensure(c);
      second = StationThings.ensure(c);
      c.commit();
    }
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void everyStationIsAThingWithItsKindsQuantities() throws SQLException {
    // 4 air (5 each), 3 coastal water (5), 1 tide gauge (2), 4 traffic (2), 4 noise (1), 4 lake level (1), 1 weather (5)
    assertThat(first).isEqualTo(new StationThings.Result(21, 58));
    assertThat(second).isEqualTo(new StationThings.Result(0, 0));
    assertThat(count("SELECT count(*) FROM sensor.thing")).isEqualTo(21);
    assertThat(count("SELECT count(*) FROM sensor.thing t JOIN sensor.thing_location tl ON tl.thing_id = t.id "
        + "JOIN sensor.location l ON l.id = tl.location_id JOIN city.sensor_stations s "
        + "ON s.code = t.properties->>'stationCode' AND ST_Equals(s.geom, l.location)")).isEqualTo(21);
    assertThat(count("SELECT count(*) FROM sensor.historical_location")).isEqualTo(21);
    assertThat(count("SELECT count(*) FROM sensor.observed_property")).isEqualTo(20);
    assertThat(count("SELECT count(*) FROM sensor.sensor")).isEqualTo(7);
    assertThat(rows("SELECT p.name || ' ' || (d.unit_of_measurement->>'symbol') FROM sensor.datastream d "
        + "JOIN sensor.observed_property p ON p.id = d.observed_property_id JOIN sensor.thing t ON t.id = d.thing_id "
        + "WHERE t.properties->>'stationCode' = 'KK-GN' ORDER BY d.id"))
        .containsExactly("PM2.5 ug/m3", "PM10 ug/m3", "NO2 ug/m3", "O3 ug/m3", "CO ug/m3");
    assertThat(rows("SELECT (d.unit_of_measurement->>'symbol') || ' ' || p.description FROM sensor.datastream d "
        + "JOIN sensor.observed_property p ON p.id = d.observed_property_id "
        + "WHERE d.properties->>'stationCode' = 'MN-BS'"))
        .containsExactly("m Water surface height above the VN-2000 height datum (Hòn Dấu) (Mực nước)");
    assertThat(rows("SELECT observation_type || ' ' || (unit_of_measurement->>'symbol') FROM sensor.datastream "
        + "WHERE properties->>'stationCode' = 'GT-304' ORDER BY id")).containsExactly(
        "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation {vehicle}/(5.min)",
        "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement km/h");
    assertThat(rows("SELECT unit_of_measurement->>'symbol' FROM sensor.datastream WHERE properties->>'kind' = 'noise'"))
        .hasSize(4).containsOnly("dB(A)");
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
