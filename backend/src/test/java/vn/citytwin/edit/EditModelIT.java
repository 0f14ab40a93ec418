package vn.citytwin.edit;

import vn.citytwin.testing.Identities;
import vn.citytwin.access.Role;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.ogc.FeatureFixtures;
import vn.citytwin.ogc.XmlDoc;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * One edit model: the same bad feature gets the same answer from WFS-T (an OGC exception report), OGC API –
 * Features Part 4 (an OGC API JSON 400) and scenario edits (a JSON 400), and nothing is written. Each case here was
 * answered differently by the pipelines before they shared the validator, the row check and the city boundary
 * (the city: the fixture's one ward, 107.06–107.10 E, 10.32–10.37 N).
 */
class EditModelIT {
  static final String NS = "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
      + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:citytwin=\"https://citytwin.vn/features\"";
  /** A square 30 m east of the ward: outside the city. */
  static final double[] OUTSIDE = {107.12, 10.38};
  /** A square inside the ward, clear of the fixture's buildings. */
  static final double[] INSIDE = {107.09, 10.365};
  static TestDatabase db;
  static CityTwinServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("editmodel");
    server = TestServer.start(db.jdbcUrl(), Map.of("wfs.transactions.enabled", "true"));
    // Writes need a role: the test acts as a real user with an API token.
    http = new Http(server.port()).as(Identities.bearer(Identities.token(db, "test-editor", Role.GIS_ADMIN, Role.PLANNER)));
    FeatureFixtures.load(db);
    server.catalog().reloadNow();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  static long rows(String where) throws Exception {
    return FeatureFixtures.count(db, "SELECT count(*) FROM city.buildings WHERE " + where);
  }

  static long scenarioEdits(long scenario) throws Exception {
    return FeatureFixtures.count(db, "SELECT count(*) FROM planning.edit WHERE scenario_id = " + scenario);
  }

  /** A lon/lat square of 0.0003° at {@code corner}, as a GML posList (longitude first). */
  static String posList(double[] corner) {
    double x = corner[0];
    double y = corner[1];
    return x + " " + y + " " + (x + 0.0003) + " " + y + " " + (x + 0.0003) + " " + (y + 0.0003) + " " + x + " "
        + (y + 0.0003) + " " + x + " " + y;
  }

  static String ring(double[] corner) {
    double x = corner[0];
    double y = corner[1];
    return "[[" + x + "," + y + "],[" + (x + 0.0003) + "," + y + "],[" + (x + 0.0003) + "," + (y + 0.0003) + "],["
        + x + "," + (y + 0.0003) + "],[" + x + "," + y + "]]";
  }

  static String wfsInsert(String name, String properties, String posList) {
    return "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + "><wfs:Insert><citytwin:buildings>"
        + "<citytwin:name>" + name + "</citytwin:name>" + properties + "<citytwin:geom><gml:Polygon gml:id=\"p1\""
        + " srsName=\"EPSG:4326\"><gml:exterior><gml:LinearRing><gml:posList>" + posList + "</gml:posList>"
        + "</gml:LinearRing></gml:exterior></gml:Polygon></citytwin:geom></citytwin:buildings></wfs:Insert>"
        + "</wfs:Transaction>";
  }

  static final String GOOD_XML = "<citytwin:use_type>villa</citytwin:use_type><citytwin:levels>2</citytwin:levels>"
      + "<citytwin:height>6</citytwin:height>";

  static String feature(String name, String properties, String polygonJson) {
    return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\"" + properties + "},\"geometry\":"
        + polygonJson + "}";
  }

  static String polygon(double[] corner) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + ring(corner) + "]}";
  }

  static final String GOOD_JSON = ",\"use_type\":\"villa\",\"levels\":2,\"height\":6";

  static Element report(HttpResponse<byte[]> r, String locator, String message) {
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(400);
    Element e = XmlDoc.parse(body).all(XmlDoc.OWS11, "Exception").get(0);
    assertThat(e.getAttribute("exceptionCode")).as(body).isEqualTo("InvalidParameterValue");
    assertThat(e.getAttribute("locator")).as(body).isEqualTo(locator);
    assertThat(e.getTextContent()).as(body).contains(message);
    return e;
  }

  static void json400(HttpResponse<byte[]> r, String locator, String message) {
    String body = Http.text(r);
    assertThat(r.statusCode()).as(body).isEqualTo(400);
    JsonObject json = Http.json(r);
    assertThat(json.getString("locator")).as(body).isEqualTo(locator);
    assertThat(json.getString("description")).as(body).contains(message);
  }

  static HttpResponse<byte[]> wfs(String xml) {
    return http.send("POST", "/wfs", "application/xml", xml);
  }

  static HttpResponse<byte[]> part4(String json) {
    return http.send("POST", "/ogc/collections/buildings/items", "application/geo+json", json);
  }

  static HttpResponse<byte[]> scenarioAdd(long scenario, String properties, String polygonJson) {
    return http.send("POST", "/api/scenarios/" + scenario + "/edits", "application/json",
        "{\"type\":\"Feature\",\"layer\":\"buildings\",\"op\":\"add\",\"properties\":{\"name\":\"s\"" + properties
            + "},\"geometry\":" + polygonJson + "}");
  }

  static long scenario(String name) {
    HttpResponse<byte[]> r = http.send("POST", "/api/scenarios", "application/json",
        new JsonObject().put("name", name).encode());
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
    return Http.json(r).getLong("id");
  }

  /** Before: WFS-T and Part 4 wrote buildings anywhere; only scenario edits were held to the city. */
  @Test
  void aBuildingOutsideTheCityIsRefusedByEveryWriter() throws Exception {
    report(wfs(wfsInsert("outside-wfs", GOOD_XML, posList(OUTSIDE))), "geom", "not inside the city");
    assertThat(rows("name = 'outside-wfs'")).isZero();
    json400(part4(feature("outside-oapif", GOOD_JSON, polygon(OUTSIDE))), "geom", "not inside the city");
    assertThat(rows("name = 'outside-oapif'")).isZero();
    long s = scenario("outside");
    json400(scenarioAdd(s, GOOD_JSON, polygon(OUTSIDE)), "geometry", "not inside the city");
    assertThat(scenarioEdits(s)).isZero();

    // the same building inside the city is written by each
    assertThat(wfs(wfsInsert("inside-wfs", GOOD_XML, posList(INSIDE))).statusCode()).isEqualTo(200);
    assertThat(rows("name = 'inside-wfs'")).isEqualTo(1);
    assertThat(part4(feature("inside-oapif", GOOD_JSON, polygon(INSIDE))).statusCode()).isEqualTo(201);
    assertThat(rows("name = 'inside-oapif'")).isEqualTo(1);
    assertThat(scenarioAdd(s, GOOD_JSON, polygon(INSIDE)).statusCode()).isEqualTo(200);
    assertThat(scenarioEdits(s)).isEqualTo(1);

    // an Update moving a building out of the city is refused too, and the building stays
    String move = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + "><wfs:Update"
        + " typeName=\"citytwin:buildings\" srsName=\"EPSG:4326\"><wfs:Property><wfs:ValueReference>geom"
        + "</wfs:ValueReference><wfs:Value><gml:Polygon gml:id=\"m\"><gml:exterior><gml:LinearRing><gml:posList>"
        + posList(OUTSIDE) + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></wfs:Value>"
        + "</wfs:Property><fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference>"
        + "<fes:Literal>inside-wfs</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Update></wfs:Transaction>";
    report(wfs(move), "geom", "not inside the city");
    assertThat(rows("name = 'inside-wfs' AND ST_XMin(geom) = " + INSIDE[0])).isEqualTo(1);
  }

  /** Before: Part 4 read a self-intersecting or unclosed ring with JTS's GeoJSON reader, now with the edit model's. */
  @Test
  void aSelfIntersectingOrUnclosedPolygonIsRefusedByEveryWriter() throws Exception {
    double x = INSIDE[0];
    double y = INSIDE[1];
    String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + y + "],[" + (x + 0.0003) + ","
        + (y + 0.0003) + "],[" + (x + 0.0003) + "," + y + "],[" + x + "," + (y + 0.0003) + "],[" + x + "," + y
        + "]]]}";
    report(wfs(wfsInsert("bow-wfs", GOOD_XML, x + " " + y + " " + (x + 0.0003) + " " + (y + 0.0003) + " "
        + (x + 0.0003) + " " + y + " " + x + " " + (y + 0.0003) + " " + x + " " + y)), "geom", "Self-intersection");
    json400(part4(feature("bow-oapif", GOOD_JSON, bowTie)), "geom", "Self-intersection");
    long s = scenario("bow");
    json400(scenarioAdd(s, GOOD_JSON, bowTie), "geometry", "Self-intersection");
    String open = "{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + y + "],[" + (x + 0.0003) + "," + y
        + "],[" + (x + 0.0003) + "," + (y + 0.0003) + "],[" + x + "," + (y + 0.0003) + "]]]}";
    json400(part4(feature("open-oapif", GOOD_JSON, open)), "geometry", "ring must be closed");
    json400(scenarioAdd(s, GOOD_JSON, open), "geometry", "ring must be closed");
    assertThat(rows("name LIKE 'bow-%' OR name = 'open-oapif'")).isZero();
    assertThat(scenarioEdits(s)).isZero();
  }

  /**
   * Before: WFS-T and Part 4 passed 40000 to a smallint column and reported PostgreSQL's "out of range" without a
   * locator; Part 4 took the string "5" for an integer, which scenario edits refused.
   */
  @Test
  void integerRangesAndJsonTypesAreOneRule() throws Exception {
    String many = "<citytwin:use_type>villa</citytwin:use_type><citytwin:levels>40000</citytwin:levels>"
        + "<citytwin:height>6</citytwin:height>";
    report(wfs(wfsInsert("range-wfs", many, posList(INSIDE))), "levels", "between -32768 and 32767");
    json400(part4(feature("range-oapif", ",\"use_type\":\"villa\",\"levels\":40000,\"height\":6",
        polygon(INSIDE))), "levels", "between -32768 and 32767");
    json400(part4(feature("text-oapif", ",\"use_type\":\"villa\",\"levels\":\"5\",\"height\":6",
        polygon(INSIDE))), "levels", "must be an integer");
    long s = scenario("range");
    json400(scenarioAdd(s, ",\"use_type\":\"villa\",\"levels\":40000,\"height\":6", polygon(INSIDE)),
        "properties.levels", "between -32768 and 32767");
    json400(scenarioAdd(s, ",\"use_type\":\"villa\",\"levels\":\"5\",\"height\":6", polygon(INSIDE)),
        "properties.levels", "must be an integer");
    assertThat(rows("name IN ('range-wfs', 'range-oapif', 'text-oapif')")).isZero();
    assertThat(scenarioEdits(s)).isZero();
  }

  /**
   * Before: a missing NOT NULL value or a broken CHECK in a base-city edit came back as the database's message with
   * no locator; now the row check names the property, as for scenario edits.
   */
  @Test
  void constraintsNameTheirPropertyForEveryWriter() throws Exception {
    report(wfs(wfsInsert("nouse-wfs", "<citytwin:levels>2</citytwin:levels><citytwin:height>6</citytwin:height>",
        posList(INSIDE))), "use_type", "is required on layer 'buildings'");
    json400(part4(feature("nouse-oapif", ",\"levels\":2,\"height\":6", polygon(INSIDE))), "use_type",
        "is required on layer 'buildings'");
    long s = scenario("constraints");
    json400(scenarioAdd(s, ",\"levels\":2,\"height\":6", polygon(INSIDE)), "properties.use_type",
        "is required on layer 'buildings'");
    json400(part4(feature("zero-oapif", ",\"use_type\":\"villa\",\"levels\":0,\"height\":6", polygon(INSIDE))),
        "levels", "levels > 0");
    json400(scenarioAdd(s, ",\"use_type\":\"villa\",\"levels\":0,\"height\":6", polygon(INSIDE)),
        "properties.levels", "levels > 0");
    String zero = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" " + NS + "><wfs:Update"
        + " typeName=\"citytwin:buildings\"><wfs:Property><wfs:ValueReference>levels</wfs:ValueReference>"
        + "<wfs:Value>0</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"buildings.1\"/></fes:Filter>"
        + "</wfs:Update></wfs:Transaction>";
    report(wfs(zero), "levels", "check constraint");
    assertThat(rows("name LIKE 'nouse-%' OR name = 'zero-oapif'")).isZero();
    assertThat(rows("id = 1 AND levels > 0")).isEqualTo(1);
    assertThat(scenarioEdits(s)).isZero();
  }
}
