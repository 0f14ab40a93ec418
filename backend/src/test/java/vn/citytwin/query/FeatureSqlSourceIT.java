package vn.citytwin.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.filter.Cql2Parser;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * {@link FeatureSql#source}: the read path as a subquery that aggregates and joins wrap (planning's indicators,
 * diffs and simulation inputs). Three lots; the scenario changes lot 2's kind, deletes lot 3 and adds one.
 */
class FeatureSqlSourceIT {
  static final long ADDED = 1_000_000_000_000L;
  static TestDatabase db;
  static CityTwinServer server;
  static Layer lots;
  static ScenarioRef scenario;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("featuresql");
    server = TestServer.start(db);
    long id;
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE city.lots (id bigint PRIMARY KEY, name text, kind text, geom geometry(Polygon, 4326))");
      s.execute("INSERT INTO city.lots VALUES"
          + " (1, 'one', 'park', 'SRID=4326;POLYGON((107.00 10.00, 107.01 10.00, 107.01 10.01, 107.00 10.00))'),"
          + " (2, 'two', 'shop', 'SRID=4326;POLYGON((107.10 10.10, 107.11 10.10, 107.11 10.11, 107.10 10.10))'),"
          + " (3, 'three', 'home', 'SRID=4326;POLYGON((107.20 10.20, 107.21 10.20, 107.21 10.21, 107.20 10.20))')");
      try (ResultSet rs = s.executeQuery("INSERT INTO planning.scenario (name) VALUES ('s') RETURNING id")) {
        rs.next();
        id = rs.getLong(1);
      }
      s.execute("INSERT INTO planning.edit (scenario_id, layer_id, feature_id, op, properties, geom) VALUES"
          + " (" + id + ", 'lots', 2, 'modify', '{\"name\": \"two\", \"kind\": \"park\"}',"
          + " 'SRID=4326;POLYGON((107.10 10.10, 107.11 10.10, 107.11 10.11, 107.10 10.10))'),"
          + " (" + id + ", 'lots', 3, 'delete', '{}', NULL),"
          + " (" + id + ", 'lots', " + ADDED + ", 'add', '{\"name\": \"new\", \"kind\": \"park\"}',"
          + " 'SRID=4326;POLYGON((107.30 10.30, 107.31 10.30, 107.31 10.31, 107.30 10.30))')");
    }
    server.catalog().reloadNow();
    lots = server.catalog().find("lots").orElseThrow();
    scenario = server.scenarios().resolve(id, vn.citytwin.access.AccessView.EVERYTHING);
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void anAggregateOverTheSourceCountsTheScenariosCity() throws Exception {
    String base = "SELECT string_agg(s.id || ':' || s.kind || ':' || s.scenario_status, ',' ORDER BY s.id) FROM %s s";
    assertThat(one(base, LayerQuery.of(lots).build())).isEqualTo("1:park:base,2:shop:base,3:home:base");
    assertThat(one(base, LayerQuery.of(lots).scenario(scenario).build()))
        .isEqualTo("1:park:base,2:park:modify," + ADDED + ":park:add");
  }

  @Test
  void theSourceCarriesTheIdTheNamedPropertiesTheGeometryAndTheStatus() throws Exception {
    String row = one("SELECT to_jsonb(s)::text FROM %s s WHERE s.id = 2",
        LayerQuery.of(lots).scenario(scenario).properties(List.of("kind")).build());
    assertThat(new JsonObject(row).fieldNames()).containsExactlyInAnyOrder("id", "kind", "geom", "scenario_status");
  }

  @Test
  void whatTheLayerQueryExcludesStaysExcludedInTheWrappingSql() throws Exception {
    LayerQuery near = LayerQuery.of(lots).scenario(scenario).bbox(new BBox(107.0, 10.0, 107.15, 10.15, 4326)).build();
    assertThat(one("SELECT string_agg(s.id::text, ',' ORDER BY s.id) FROM %s s", near)).isEqualTo("1,2");
    LayerQuery homes = LayerQuery.of(lots).filter(Cql2Parser.parse("kind = 'home'")).build();
    assertThat(one("SELECT string_agg(s.id::text, ',' ORDER BY s.id) FROM %s s", homes)).isEqualTo("3");
  }

  @Test
  void twoCitiesJoinByIdWithTheirOwnBoundValues() throws Exception {
    SqlStatement a = FeatureSql.source(LayerQuery.of(lots).scenario(scenario).build());
    SqlStatement b = FeatureSql.source(LayerQuery.of(lots).build());
    List<Object> params = new ArrayList<>(a.params());
    params.addAll(b.params());
    String sql = "SELECT string_agg(coalesce(a.id, b.id) || ':' || coalesce(a.kind, '-') || '/' || coalesce(b.kind,"
        + " '-'), ',' ORDER BY coalesce(a.id, b.id)) FROM " + a.sql() + " a FULL JOIN " + b.sql() + " b ON a.id = b.id"
        + " WHERE a.kind IS DISTINCT FROM b.kind";
    try (Connection c = db.connect(); PreparedStatement ps = new SqlStatement(sql, params).prepare(c);
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("2:park/shop,3:-/home," + ADDED + ":park/-");
    }
  }

  /** The first column of the first row of {@code sqlTemplate} with the query's source in place of %s. */
  private static String one(String sqlTemplate, LayerQuery q) throws Exception {
    SqlStatement src = FeatureSql.source(q);
    try (Connection c = db.connect();
         PreparedStatement ps = new SqlStatement(String.format(sqlTemplate, src.sql()), src.params()).prepare(c);
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
