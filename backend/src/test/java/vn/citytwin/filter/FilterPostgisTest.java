package vn.citytwin.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * Runs generated SQL against a real PostGIS (a temporary database, dropped afterwards) and checks that every filter
 * selects exactly the rows {@link FilterEvaluator} accepts. Fails, rather than skips, when PostGIS is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterPostgisTest {
  private static final String SERVER = System.getProperty("citytwin.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = System.getProperty("citytwin.test.pguser", "postgres");

  private static final double X0 = 107.075;
  private static final double Y0 = 10.340;
  private static final double STEP = 0.003;

  private static final FieldResolver FIELDS = FieldResolver.of("buildings", List.of(
      new FieldRef("id", "t.\"id\"", FieldType.INTEGER),
      new FieldRef("name", "t.\"name\"", FieldType.STRING),
      new FieldRef("height", "t.\"height\"", FieldType.NUMBER),
      new FieldRef("levels", "t.\"levels\"", FieldType.INTEGER),
      new FieldRef("use_type", "t.\"use_type\"", FieldType.STRING),
      new FieldRef("built", "t.\"built\"", FieldType.DATE),
      new FieldRef("geom", "t.\"geom\"", FieldType.GEOMETRY)));

  private final String database = "ct_test_filter_" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
  private Connection db;
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<Geometry> footprints = new ArrayList<>();

  @BeforeAll
  void createDatabase() throws Exception {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    db = DriverManager.getConnection(SERVER + database, USER, "");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE EXTENSION postgis");
      s.execute("SET TIME ZONE 'UTC'");
      s.execute("SET statement_timeout = '20s'");
      s.execute("CREATE TABLE buildings (id bigint PRIMARY KEY, name text, height double precision, levels int,"
          + " use_type text, built date, geom geometry(Polygon, 4326))");
    }
    insertFixture();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, height, levels, use_type, built, ST_AsBinary(geom)"
            + " FROM buildings ORDER BY id")) {
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (String c : new String[] {"id", "name", "height", "levels", "use_type", "built"}) {
          row.put(c, rs.getObject(c));
        }
        byte[] wkb = rs.getBytes(7);
        rows.add(row);
        footprints.add(wkb == null ? null : new WKBReader().read(wkb));
      }
    }
  }

  @AfterAll
  void dropDatabase() throws SQLException {
    if (db != null) {
      db.close();
    }
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  /** 30 buildings on a 6 × 5 grid 0.003° apart, plus one without geometry; nulls and tricky names mixed in. */
  private void insertFixture() throws SQLException {
    String[] names = {"Khách sạn Biển Xanh", "Khách sạn 50% Sao Mai", "Văn phòng A_1", "Nhà O'Brien", "biển đông",
        "BIỂN ĐÔNG", null, "Zeta", "alpha", "Ánh Dương", "Khách sạn Sóng", "Mặt trời"};
    String[] uses = {"hotel", "office", "residential", "school", null};
    Random r = new Random(42);
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO buildings VALUES (?, ?, ?, ?, ?, ?,"
        + " ST_GeomFromText(?, 4326))")) {
      for (int k = 1; k <= 31; k++) {
        ps.setLong(1, k);
        ps.setString(2, names[k % names.length]);
        if (k % 7 == 3) {
          ps.setNull(3, java.sql.Types.DOUBLE);
        } else {
          ps.setDouble(3, 5 + r.nextInt(750) / 10.0);
        }
        if (k % 9 == 4) {
          ps.setNull(4, java.sql.Types.INTEGER);
        } else {
          ps.setInt(4, 1 + r.nextInt(25));
        }
        ps.setString(5, uses[k % uses.length]);
        ps.setDate(6, k % 8 == 5 ? null : java.sql.Date.valueOf(java.time.LocalDate.of(1990, 1, 1)
            .plusDays(r.nextInt(12_000))));
        ps.setString(7, k == 31 ? null : square(k));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Building k's footprint; building 30 shares its west edge with building 29's east edge. */
  private static String square(int k) {
    if (k == 30) {
      double[] b = corner(29);
      double size = size(29);
      return String.format(Locale.ROOT, "POLYGON((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
          b[0] + size, b[1], b[0] + 2 * size, b[1], b[0] + 2 * size, b[1] + size, b[0] + size, b[1] + size,
          b[0] + size, b[1]);
    }
    double[] c = corner(k);
    double s = size(k);
    return String.format(Locale.ROOT, "POLYGON((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
        c[0], c[1], c[0] + s, c[1], c[0] + s, c[1] + s, c[0], c[1] + s, c[0], c[1]);
  }

  private static double[] corner(int k) {
    int i = (k - 1) % 6;
    int j = (k - 1) / 6;
    return new double[] {X0 + i * STEP, Y0 + j * STEP};
  }

  private static double size(int k) {
    return 0.0004 + (k % 3) * 0.0001;
  }

  private static String centre(int k) {
    double[] c = corner(k);
    return String.format(Locale.ROOT, "POINT(%.6f %.6f)", c[0] + size(k) / 2, c[1] + size(k) / 2);
  }

  private static String mercator(double lon, double lat) {
    double r = 6_378_137.0;
    double x = Math.toRadians(lon) * r;
    double y = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * r;
    return String.format(Locale.ROOT, "%.2f, %.2f", x, y);
  }

  private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
      + "xmlns:gml=\"http://www.opengis.net/gml/3.2\"";

  static Stream<Arguments> filters() {
    List<Arguments> cql = List.of(
        Arguments.of("height > 30"),
        Arguments.of("height > 30 AND use_type = 'hotel'"),
        Arguments.of("NOT height > 30"),
        Arguments.of("use_type IN ('hotel', 'office')"),
        Arguments.of("name LIKE 'Khách sạn%'"),
        Arguments.of("name LIKE '%50\\%%'"),
        Arguments.of("name LIKE 'Văn phòng A\\_%'"),
        Arguments.of("CASEI(name) = 'biển đông'"),
        Arguments.of("name ILIKE '%XANH%'"),
        Arguments.of("name = 'Nhà O''Brien'"),
        Arguments.of("levels BETWEEN 3 AND 10"),
        Arguments.of("levels NOT IN (1, 2, 3, 4, 5)"),
        Arguments.of("built > DATE('2010-01-01')"),
        Arguments.of("built <= '2005-06-30' OR built IS NULL"),
        Arguments.of("name IS NULL OR levels IS NULL"),
        Arguments.of("name < 'M'"),
        Arguments.of("height > levels"),
        Arguments.of("S_INTERSECTS(geom, POLYGON((107.074 10.339, 107.0835 10.339, 107.0835 10.3455,"
            + " 107.074 10.339)))"),
        Arguments.of("BBOX(geom, 107.07, 10.33, 107.085, 10.35)"),
        Arguments.of("BBOX(geom, " + mercator(107.0795, 10.3445) + ", " + mercator(107.0875, 10.352)
            + ", 'EPSG:3857')"),
        Arguments.of("DWITHIN(geom, POINT(107.085 10.35), 800, meters)"),
        Arguments.of("BEYOND(geom, POINT(107.085 10.35), 1.2, kilometers)"),
        Arguments.of("DWITHIN(geom, POINT(107.085 10.35), 0.005, degrees)"),
        Arguments.of("S_WITHIN(geom, POLYGON((107.074 10.339, 107.086 10.339, 107.086 10.347, 107.074 10.347,"
            + " 107.074 10.339)))"),
        Arguments.of("S_CONTAINS(geom, " + centre(5) + ")"),
        Arguments.of("S_TOUCHES(geom, " + square(29) + ")"),
        Arguments.of("S_EQUALS(geom, " + square(8) + ") OR S_OVERLAPS(geom, BBOX(107.0755, 10.3405, 107.0795,"
            + " 10.3445))"),
        Arguments.of("S_CROSSES(geom, LINESTRING(107.074 10.3402, 107.090 10.3402))"),
        Arguments.of("S_DISJOINT(geom, MULTIPOLYGON(((107.074 10.339, 107.080 10.339, 107.080 10.345,"
            + " 107.074 10.339)), ((107.088 10.350, 107.092 10.350, 107.092 10.353, 107.088 10.350))))"),
        Arguments.of("S_INTERSECTS(geom, GEOMETRYCOLLECTION(" + centre(12) + ", LINESTRING(107.074 10.3521,"
            + " 107.092 10.3521)))"),
        Arguments.of("IN ('buildings.3', 'buildings.7', 'roads.9', '11')"),
        Arguments.of("T_DURING(built, INTERVAL('2000-01-01', '2015-12-31'))"),
        Arguments.of("NOT (use_type = 'hotel' OR S_INTERSECTS(geom, BBOX(107.07, 10.33, 107.08, 10.345)))"));
    List<Arguments> fes = List.of(
        Arguments.of("<fes:Filter " + FES + "><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
            + "<fes:ValueReference>name</fes:ValueReference><fes:Literal>Kh.ch*</fes:Literal></fes:PropertyIsLike>"
            + "</fes:Filter>"),
        Arguments.of("<fes:Filter " + FES + "><fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
            + "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>10.343 107.078</gml:lowerCorner>"
            + "<gml:upperCorner>10.353 107.09</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>"),
        Arguments.of("<fes:Filter " + FES + "><fes:DWithin><fes:ValueReference>geom</fes:ValueReference>"
            + "<gml:Point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><gml:pos>10.346 107.082</gml:pos>"
            + "</gml:Point><fes:Distance uom=\"m\">500</fes:Distance></fes:DWithin></fes:Filter>"),
        Arguments.of("<fes:Filter " + FES + "><fes:And><fes:PropertyIsGreaterThan><fes:ValueReference>height"
            + "</fes:ValueReference><fes:Literal>30</fes:Literal></fes:PropertyIsGreaterThan><fes:Not>"
            + "<fes:PropertyIsNull><fes:ValueReference>name</fes:ValueReference></fes:PropertyIsNull></fes:Not>"
            + "</fes:And></fes:Filter>"),
        Arguments.of("<fes:Filter " + FES + "><fes:ResourceId rid=\"buildings.2\"/><fes:ResourceId"
            + " rid=\"buildings.31\"/></fes:Filter>"),
        Arguments.of("<fes:Filter " + FES + "><fes:PropertyIsNotEqualTo matchCase=\"false\"><fes:ValueReference>"
            + "use_type</fes:ValueReference><fes:Literal>HOTEL</fes:Literal></fes:PropertyIsNotEqualTo></fes:Filter>"));
    return Stream.concat(cql.stream(), fes.stream());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("filters")
  void databaseAndEvaluatorSelectTheSameRows(String text) throws SQLException {
    Filter filter = text.startsWith("<") ? FesParser.parse(text) : Cql2Parser.parse(text);
    SqlFragment sql = FilterSqlWriter.toSql(filter, FIELDS);

    List<Long> fromDb = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT t.\"id\" FROM buildings t WHERE " + sql.sql()
        + " ORDER BY 1")) {
      for (int i = 0; i < sql.params().size(); i++) {
        ps.setObject(i + 1, sql.params().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fromDb.add(rs.getLong(1));
        }
      }
    }

    var predicate = FilterEvaluator.compile(filter, "buildings");
    List<Long> inMemory = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      if (predicate.test(row::get, footprints.get(i))) {
        inMemory.add((Long) row.get("id"));
      }
    }

    Supplier<String> context = () -> text + "\nSQL: " + sql.sql();
    assertThat(fromDb).as(context).isEqualTo(inMemory);
    assertThat(fromDb).as("a filter that selects some but not all rows: %s", text).isNotEmpty()
        .hasSizeLessThan(rows.size());
  }
}
