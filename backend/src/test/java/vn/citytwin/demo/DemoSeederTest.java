package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.WKBReader;
import org.postgresql.ds.PGSimpleDataSource;
import vn.citytwin.testing.TestDatabase;

/** Loads the default demo city (60,000 buildings) into a fresh PostGIS database and checks it is realistic. */
class DemoSeederTest {
  private static TestDatabase db;
  private static PGSimpleDataSource ds;
  private static DemoSeeder.Result first;

  @BeforeAll
  static void seed() throws Exception {
    db = TestDatabase.create("demo");
    ds = new PGSimpleDataSource();
    ds.setUrl(db.jdbcUrl());
    ds.setUser(db.config().user());
    ds.setPassword(db.config().password());
    Flyway.configure().dataSource(db.jdbcUrl(), db.config().user(), db.config().password())
        .locations("classpath:db/migration").schemas("citytwin").createSchemas(true).load().migrate();
    assertThat(DemoSeeder.isEmpty(ds)).isTrue();
    first = DemoSeeder.seed(ds, DemoOptions.defaults(), false);
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void loadsEveryTableWithTheDefaultSize() throws SQLException {
    assertThat(first.loaded()).isTrue();
    assertThat(DemoSeeder.isEmpty(ds)).isFalse();
    assertThat(first.summary().rows().get(DemoTable.BUILDINGS)).isEqualTo(60_000L);
    for (DemoTable t : DemoTable.values()) {
      assertThat(count("SELECT count(*) FROM " + t.qualifiedName())).as(t.qualifiedName())
          .isEqualTo(first.summary().rows().get(t)).isPositive();
    }
    assertThat(count("SELECT count(*) FROM city.schools")).isBetween(50L, 70L);
    assertThat(count("SELECT count(*) FROM city.cameras WHERE kind = 'security'")).isEqualTo(1100L);
    assertThat(count("SELECT count(*) FROM city.cameras WHERE kind <> 'security'")).isBetween(30L, 40L);
    assertThat(count("SELECT count(*) FROM city.wards")).isEqualTo(5L);
    assertThat(count("SELECT count(*) FROM citytwin.catalog WHERE synthetic AND attribution = '"
        + DemoSeeder.ATTRIBUTION + "'")).isEqualTo(14L);
  }

  @Test
  void everyLayerLiesInsideThePilotExtentAndIsValid() throws SQLException {
    for (DemoTable t : DemoTable.values()) {
      if (!t.isCityLayer()) {
        continue;
      }
      String q = "SELECT ST_XMin(e) >= 106.9 AND ST_XMax(e) <= 107.3 AND ST_YMin(e) >= 10.2 AND ST_YMax(e) <= 10.6 "
          + "FROM (SELECT ST_Extent(geom)::geometry AS e FROM " + t.qualifiedName() + ") x";
      assertThat(bool(q)).as(t.qualifiedName() + " extent").isTrue();
      assertThat(count("SELECT count(*) FROM " + t.qualifiedName() + " WHERE NOT ST_IsValid(geom)"))
          .as(t.qualifiedName() + " invalid").isZero();
    }
  }

  @Test
  void buildingsStandOnFreeLand() throws SQLException {
    assertThat(count("SELECT count(*) FROM city.buildings b JOIN city.water w ON ST_Intersects(b.geom, w.geom)"))
        .as("buildings in water").isZero();
    assertThat(count("SELECT count(*) FROM city.buildings a JOIN city.buildings b "
        + "ON a.id < b.id AND ST_Intersects(a.geom, b.geom)")).as("overlapping buildings").isZero();
    // every footprint keeps (almost) half the carriageway width from every road axis; 110610 m per degree
    assertThat(count("SELECT count(*) FROM city.buildings b JOIN city.roads r "
        + "ON ST_DWithin(b.geom, r.geom, (r.width / 2 - 0.3) / 110610.0)")).as("buildings on roads").isZero();
    assertThat(count("SELECT count(*) FROM city.buildings b JOIN city.land_use l ON ST_Intersects(b.geom, l.geom) "
        + "WHERE b.name IS NULL AND l.class IN ('airport', 'forest', 'beach', 'water', 'mangrove')"))
        .as("ordinary buildings on the airport, forest, beach or water").isZero();
    assertThat(count("SELECT count(*) FROM city.buildings WHERE ground_elev > 20 AND name IS NULL"))
        .as("unnamed buildings on hill slopes").isZero();
    assertThat(count("SELECT count(*) FROM city.buildings WHERE ground_elev > 20")).isPositive().isLessThan(10);
  }

  @Test
  void buildingsKnowTheirWardAndAddress() throws SQLException {
    assertThat(count("SELECT count(*) FROM city.buildings b LEFT JOIN city.wards w "
        + "ON ST_Contains(w.geom, ST_Centroid(b.geom)) WHERE w.name IS DISTINCT FROM b.ward")).isZero();
    assertThat(count("SELECT count(*) FROM city.buildings WHERE name IS NULL AND (address IS NULL "
        + "OR address !~ '^[0-9]+(/[0-9]+)? .+')")).isZero();
    assertThat(count("SELECT count(*) FROM city.buildings WHERE name IS NULL AND year_built NOT BETWEEN 1930 AND 2025"))
        .isZero();
    assertThat(count("SELECT count(*) FROM city.roads WHERE name LIKE 'Hẻm %'")).isGreaterThan(500);
    // the wards' shares roughly follow their populations
    assertThat(count("SELECT count(*) FROM city.buildings WHERE ward = 'Phường Vũng Tàu'"))
        .isGreaterThan(count("SELECT count(*) FROM city.buildings WHERE ward = 'Xã Long Sơn'") * 3);
  }

  @Test
  void hotelsOnThuyVanAreTallerThanCentreShophouses() throws SQLException {
    double hotels = number("SELECT avg(height) FROM city.buildings WHERE use_type = 'hotel' AND address LIKE '% Thùy Vân'");
    double shops = number("SELECT avg(height) FROM city.buildings WHERE use_type = 'shophouse' "
        + "AND ward = 'Phường Vũng Tàu'");
    assertThat(hotels).isGreaterThan(2 * shops);
    assertThat(count("SELECT count(*) FROM city.hotels")).isBetween(300L, 3000L);
    assertThat(count("SELECT count(*) FROM city.buildings WHERE use_type = 'hotel' AND levels >= 30")).isPositive();
    assertThat(number("SELECT avg(levels) FROM city.buildings WHERE use_type = 'shophouse'")).isBetween(3.0, 5.0);
  }

  @Test
  void floodReportsFollowTheRainySeason() throws SQLException {
    assertThat(count("SELECT count(*) FROM city.flood_reports")).isBetween(200L, 600L);
    assertThat(count("SELECT count(*) FROM city.flood_reports WHERE depth_cm NOT BETWEEN 10 AND 80")).isZero();
    assertThat(count("SELECT count(*) FROM city.flood_reports WHERE reported_at < '2022-01-01' "
        + "OR reported_at >= '2025-12-01'")).isZero();
    assertThat(count("SELECT count(*) FROM city.flood_reports "
        + "WHERE (reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = '2022-10-20'")).isGreaterThanOrEqualTo(28);
    assertThat(number("SELECT avg((extract(month FROM reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh') BETWEEN 5 AND 10)::int) "
        + "FROM city.flood_reports")).isGreaterThan(0.7);
  }

  @Test
  void demHasSeaBelowZeroAndNuiLonNear245m() throws Exception {
    int ncols;
    int nrows;
    double west;
    double south;
    double cell;
    float[] h;
    Geometry sea;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT ncols, nrows, west, south, cell_deg, heights FROM terrain.dem WHERE id = 1 "
          + "AND name = 'vungtau_dem'")) {
        assertThat(rs.next()).isTrue();
        ncols = rs.getInt(1);
        nrows = rs.getInt(2);
        west = rs.getDouble(3);
        south = rs.getDouble(4);
        cell = rs.getDouble(5);
        byte[] b = rs.getBytes(6);
        assertThat(b).hasSize(ncols * nrows * 4);
        h = new float[ncols * nrows];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(h);
      }
      try (ResultSet rs = s.executeQuery("SELECT ST_AsBinary(ST_Union(geom)) FROM city.water WHERE kind = 'sea'")) {
        rs.next();
        sea = new WKBReader().read(rs.getBytes(1));
      }
    }
    assertThat(west).isEqualTo(107.0);
    assertThat(south).isEqualTo(10.3);
    IndexedPointInAreaLocator inSea = new IndexedPointInAreaLocator(sea);
    int seaCells = 0;
    float peak = -1000;
    for (int r = 0; r < nrows; r++) {
      for (int c = 0; c < ncols; c++) {
        double lon = west + (c + 0.5) * cell;
        double lat = south + (r + 0.5) * cell;
        float v = h[r * ncols + c];
        if (inSea.locate(new Coordinate(lon, lat)) == Location.INTERIOR) {
          seaCells++;
          assertThat(v).as("sea cell %d,%d", c, r).isNegative();
        }
        if (Math.hypot((lon - 107.072) * 109_500, (lat - 10.362) * 110_610) < 300) {
          peak = Math.max(peak, v);
        }
      }
    }
    assertThat(seaCells).isGreaterThan(ncols * nrows / 3);
    assertThat((double) peak).isCloseTo(245.0, org.assertj.core.data.Offset.offset(10.0));
  }

  @Test
  void seedingAgainIsANoOpAndForcingReloadsTheSameData() throws SQLException {
    Map<DemoTable, String> before = checksums();
    DemoSeeder.Result again = DemoSeeder.seed(ds, DemoOptions.defaults(), false);
    assertThat(again.loaded()).isFalse();
    assertThat(checksums()).isEqualTo(before);
    DemoSeeder.Result forced = DemoSeeder.seed(ds, DemoOptions.defaults(), true);
    assertThat(forced.loaded()).isTrue();
    assertThat(checksums()).isEqualTo(before);
    try (Connection c = db.connect()) {
      assertThat(DemoSeeder.currentMarker(c)).isEqualTo(DemoSeeder.marker(DemoOptions.defaults()));
    }
  }

  private static Map<DemoTable, String> checksums() throws SQLException {
    Map<DemoTable, String> out = new LinkedHashMap<>();
    for (DemoTable t : DemoTable.values()) {
      out.put(t, string("SELECT count(*) || ':' || md5(string_agg(md5(t::text), '' ORDER BY id)) FROM "
          + t.qualifiedName() + " t"));
    }
    return out;
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(string(sql));
  }

  private static double number(String sql) throws SQLException {
    return Double.parseDouble(string(sql));
  }

  private static boolean bool(String sql) throws SQLException {
    return Boolean.parseBoolean(string(sql).equals("t") ? "true" : string(sql));
  }

  private static String string(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
