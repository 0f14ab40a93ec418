package vn.citytwin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** Discovery against a real PostGIS with one fixture per edge case (after Martin's tests/fixtures/tables). */
class CatalogDiscoveryIT {
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("catalog");
    server = TestServer.start(db); // migrates
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE city.\"Mixed Case \"\"Quoted\"\"\" (id integer PRIMARY KEY, \"Tên\" text, "
          + "geom geometry(Point, 4326))");
      s.execute("INSERT INTO city.\"Mixed Case \"\"Quoted\"\"\" VALUES (1, 'a', 'SRID=4326;POINT(107.08 10.35)')");
      s.execute("CREATE TABLE city.empty_layer (id bigint PRIMARY KEY, geom geometry(LineString, 4326))");
      s.execute("CREATE TABLE city.srid_zero (id bigint PRIMARY KEY, geom geometry(Point))");
      s.execute("INSERT INTO city.srid_zero VALUES (1, 'POINT(107.1 10.4)')");
      s.execute("CREATE TABLE city.no_geometry (id bigint PRIMARY KEY, name text)");
      s.execute("CREATE TABLE city.null_geoms (id bigint PRIMARY KEY, when_seen timestamptz, ok boolean, "
          + "n numeric, geom geometry(Polygon, 4326))");
      s.execute("INSERT INTO city.null_geoms VALUES (1, now(), true, 1.5, NULL)");
      s.execute("CREATE TABLE public.elsewhere (id bigint PRIMARY KEY, geom geometry(Point, 4326))");
    }
    server.catalog().reloadNow();
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  @Test
  void everyReadableCityTableWithGeometryIsALayerAndNothingElse() {
    var ids = server.catalog().all().stream().map(Layer::id).toList();
    assertThat(ids).contains("buildings", "roads", "wards", "Mixed Case \"Quoted\"", "empty_layer", "srid_zero",
        "null_geoms").doesNotContain("no_geometry", "elsewhere");
  }

  @Test
  void fieldsAreTypedAndTheGeometryColumnIsNotAField() {
    Layer l = server.catalog().find("null_geoms").orElseThrow();
    assertThat(l.idColumn()).isEqualTo("id");
    assertThat(l.geometryColumn()).isEqualTo("geom");
    assertThat(l.geometryKind()).isEqualTo(GeometryKind.POLYGON);
    assertThat(l.fields()).extracting(Field::name).containsExactly("id", "when_seen", "ok", "n");
    assertThat(l.fields()).extracting(Field::type)
        .containsExactly(FieldType.INTEGER, FieldType.TIMESTAMP, FieldType.BOOLEAN, FieldType.NUMBER);
  }

  @Test
  void catalogMetadataIsJoinedAndDefaultsApplyWithoutARow() {
    Layer b = server.catalog().find("buildings").orElseThrow();
    assertThat(b.meta().titleVi()).isEqualTo("Công trình xây dựng");
    assertThat(b.meta().titleEn()).isEqualTo("Buildings");
    assertThat(b.isExtrudable()).isTrue();
    assertThat(b.tileFields()).extracting(Field::name).contains("height", "use_type").doesNotContain("address");
    Layer f = server.catalog().find("flood_reports").orElseThrow();
    assertThat(f.isTimeEnabled()).isTrue();
    Layer plain = server.catalog().find("empty_layer").orElseThrow();
    assertThat(plain.meta().title("en")).isEqualTo("empty_layer");
    assertThat(plain.meta().isPublic()).isTrue();
  }

  @Test
  void sridZeroIsReadAsWgs84() {
    Layer l = server.catalog().find("srid_zero").orElseThrow();
    assertThat(l.srid()).isZero();
    assertThat(l.storageSrid()).isEqualTo(4326);
    JsonObject json = http.getJson("/api/layers/srid_zero");
    assertThat(json.getJsonArray("bbox").getDouble(0)).isEqualTo(107.1);
  }

  @Test
  void apiLayersDescribesEveryPublicLayer() {
    JsonObject body = http.getJson("/api/layers");
    JsonArray layers = body.getJsonArray("layers");
    var ids = layers.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertThat(ids).contains("buildings", "Mixed Case \"Quoted\"").doesNotContain("cameras"); // cameras are internal
    JsonObject mixed = http.getJson("/api/layers/" + java.net.URLEncoder.encode("Mixed Case \"Quoted\"",
        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    assertThat(mixed.getLong("featureCount")).isEqualTo(1);
    assertThat(mixed.getString("geometryType")).isEqualTo("Point");
    assertThat(mixed.getJsonArray("fields").getJsonObject(1).getString("name")).isEqualTo("Tên");
    JsonObject empty = http.getJson("/api/layers/empty_layer");
    assertThat(empty.getValue("bbox")).isNull();
    assertThat(empty.getLong("featureCount")).isZero();
  }

  @Test
  void unknownAndInternalLayersAre404WithAJsonBody() {
    var r = http.get("/api/layers/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.json(r).getString("code")).isEqualTo("NotFound");
    assertThat(Http.json(r).getString("locator")).isEqualTo("id");
    assertThat(http.get("/api/layers/cameras").statusCode()).isEqualTo(404);
    var unmatched = http.get("/api/nothing-here");
    assertThat(unmatched.statusCode()).isEqualTo(404);
    assertThat(Http.text(unmatched)).contains("\"code\"");
  }

  @Test
  void aWriteBumpsTheDataVersionAndTheServerSeesIt() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE city.written_later (id bigint PRIMARY KEY, geom geometry(LineString, 4326))");
    }
    server.catalog().reloadNow(); // installs the data-version trigger on the new table
    long before = server.catalog().versions().of("written_later");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.written_later VALUES (7, 'SRID=4326;LINESTRING(107.08 10.35, 107.09 10.36)')");
    }
    // Written behind the server's back (as psql or another node would): the NOTIFY carries it over.
    await().atMost(Duration.ofSeconds(10))
        .until(() -> server.catalog().versions().of("written_later") > before);
    JsonObject json = http.getJson("/api/layers/written_later");
    assertThat(json.getLong("featureCount")).isEqualTo(1);
    assertThat(json.getLong("dataVersion")).isGreaterThan(before);
  }

  @Test
  void aNewTableIsPickedUpByAReload() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE city.imported_later (id bigint PRIMARY KEY, geom geometry(Point, 4326))");
    }
    server.catalog().reloadNow();
    assertThat(server.catalog().find("imported_later")).isPresent();
  }
}
