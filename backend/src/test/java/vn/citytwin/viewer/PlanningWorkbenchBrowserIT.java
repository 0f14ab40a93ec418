package vn.citytwin.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.viewer.PageScripts.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import vn.citytwin.access.Role;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.planning.simulation.SimulationFixtures;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The planning workflow in a real (headless) browser against the real server and database, in one page session:
 * create a scenario in the panel, draw a building by clicks on the globe (a refused value first, shown next to its
 * field in Vietnamese), find it in the server's edits and in the 3D tiles by picking, read the indicators and see
 * them change with a delete and an undo, compare with the base city on a split screen, run a flood and see water
 * pixels, switch language, and restore the view from the shared URL.
 *
 * <p>The hand-made district: one ward over 107.070–107.090 E, 10.340–10.360 N; a DEM of 0.001° cells with the sea
 * on the west (−2 m), a low strip 107.071–107.074 (0.5 m) and high ground (5 m) east of it; three buildings on
 * the high ground. Screenshots go to {@code backend/target/viewer/workbench-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanningWorkbenchBrowserIT {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(150);
  static final Duration SERVER_WAIT = Duration.ofSeconds(90);
  static final Path SCREENSHOTS = Path.of("target", "viewer");
  /** The corners of the building drawn on the globe: 110 m × 110 m, on high ground. */
  static final double[][] CORNERS = {{107.0830, 10.3480}, {107.0840, 10.3480}, {107.0840, 10.3490},
      {107.0830, 10.3490}};
  static final double NEW_LON = 107.0835;
  static final double NEW_LAT = 10.3485;
  static final double HOTEL_LON = 107.0800;
  static final double HOTEL_LAT = 10.3500;
  /** Where the hotel is moved to (and back by undo). */
  static final double MOVED_LON = 107.0825;
  static final double MOVED_LAT = 10.3470;
  /** The low strip the flood reaches (west edge of the DEM is sea). */
  static final double STRIP_WEST = 107.071;
  static final double STRIP_EAST = 107.074;

  static final String PASSWORD = "password-of-the-planner";

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Path profile;
  static ChromeDriver driver;
  static String base;
  static String scenarioId;
  static long newBuildingId;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("workbench");
    server = TestServer.start(db);
    // Scenarios are private to their author: the test reads them as the planner who signs in to the viewer.
    String token = Identities.token(db, "planner", Role.PLANNER);
    Identities.user(db, "planner", PASSWORD, Role.PLANNER);
    http = new Http(server.port()).as(Identities.bearer(token));
    base = "http://127.0.0.1:" + server.port();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.wards (id, code, name, name_en, kind, geom) VALUES (1, '26506', 'Phường Thắng Tam',"
          + " 'Thang Tam Ward', 'phuong', ST_Multi(ST_MakeEnvelope(107.070, 10.340, 107.090, 10.360, 4326)))");
      SimulationFixtures.building(c, 1, "hotel", 10, 33, SimulationFixtures.box(107.0797, 10.3497, 107.0803, 10.3503));
      SimulationFixtures.building(c, 2, "residential", 4, 13, SimulationFixtures.box(107.0810, 10.3500, 107.0813,
          10.3503));
      SimulationFixtures.building(c, 3, "residential", 3, 10, SimulationFixtures.box(107.0780, 10.3440, 107.0784,
          10.3444));
      SimulationFixtures.school(c, 1, "Trường Tiểu học Thắng Tam", "primary", 107.0820, 10.3520);
      SimulationFixtures.road(c, 1, "secondary", "LINESTRING(107.075 10.3510, 107.089 10.3510)");
      SimulationFixtures.road(c, 2, "residential", "LINESTRING(107.0820 10.3450, 107.0820 10.3560)");
      double[][] dem = new double[20][20];
      for (double[] row : dem) {
        for (int col = 0; col < row.length; col++) {
          row[col] = col == 0 ? -2 : col <= 3 ? 0.5 : 5;
        }
      }
      SimulationFixtures.writeDem(c, 107.070, 10.340, 0.001, dem);
    }
    server.catalog().reloadNow();
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("ct-chromium-");
    driver = HeadlessChromium.start(profile);
    PageScripts.use(driver);
    driver.get(base + "/?lite=1");
    waitForReady();
    waitFor(SERVER_WAIT, "window.__citytwin.scenarios.status === 'ready'", () -> "scenarios never loaded");
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      server.close();
      db.close();
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  @Order(5)
  void anAnonymousVisitorIsAskedToSignInAndSignsInThroughTheDialog() throws java.sql.SQLException {
    driver.findElement(By.cssSelector("#scenario-actions button[data-action='new']")).click();
    WebElement form = driver.findElement(By.id("scenario-form"));
    form.findElement(By.name("name")).sendKeys("Không được lưu");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(SERVER_WAIT, "return document.getElementById('status').textContent === 'Đăng nhập để lập quy hoạch'",
        () -> "no sign-in prompt: " + driver.findElement(By.id("status")).getText() + "; form: " + form.getText()
            + "; notices: " + js("return JSON.stringify(window.__citytwin.notices)"));
    try (Connection c = db.connect(); Statement st = c.createStatement();
        java.sql.ResultSet rows = st.executeQuery("SELECT count(*) FROM planning.scenario")) {
      rows.next();
      assertThat(rows.getLong(1)).as("scenarios written by an anonymous visitor").isZero();
    }
    form.findElement(By.cssSelector("button[data-action='cancel']")).click();

    WebElement signIn = driver.findElement(By.id("sign-in"));
    assertThat(signIn.getText()).isEqualTo("Đăng nhập");
    signIn.click();
    WebElement dialog = driver.findElement(By.id("auth-dialog"));
    assertThat(dialog.isDisplayed()).isTrue();
    // A wrong password is refused inside the dialog; the right one signs in (keyboard only: Enter submits).
    dialog.findElement(By.name("username")).sendKeys("planner");
    dialog.findElement(By.name("password")).sendKeys("wrong" + Keys.ENTER);
    waitFor(SERVER_WAIT, "return !document.querySelector('#auth-dialog [data-role=error]').hidden",
        () -> "no error for a wrong password");
    assertThat(dialog.findElement(By.cssSelector("[data-role='error']")).getText())
        .isEqualTo("Sai tên đăng nhập, mật khẩu hoặc mã");
    WebElement password = dialog.findElement(By.name("password"));
    password.clear();
    password.sendKeys(PASSWORD + Keys.ENTER);
    // The page reloads with the credential: the header names the planner.
    waitFor(SERVER_WAIT, "return document.getElementById('auth-user')?.textContent === 'Đã đăng nhập: planner'",
        () -> "not signed in: " + js("return document.getElementById('topbar').textContent"));
    waitForReady();
    waitFor(SERVER_WAIT, "window.__citytwin.scenarios.status === 'ready'", () -> "scenarios never loaded");
    assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
  }

  @Test
  @Order(10)
  void aScenarioIsCreatedFromThePanel() throws IOException {
    driver.findElement(By.cssSelector("#scenario-actions button[data-action='new']")).click();
    WebElement form = driver.findElement(By.id("scenario-form"));
    assertThat(form.isDisplayed()).isTrue();
    form.findElement(By.cssSelector("button[type='submit']")).click();
    assertThat(form.findElement(By.className("form-error")).getText()).isEqualTo("Hãy đặt tên cho kịch bản.");
    form.findElement(By.name("name")).sendKeys("Tháp văn phòng Bãi Trước");
    form.findElement(By.name("description")).sendKeys("Thêm một tháp 12 tầng");
    new Select(form.findElement(By.name("parent"))).selectByValue("base");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(SERVER_WAIT, "window.__citytwin.scenario !== null", () -> "no scenario selected");
    scenarioId = (String) js("return window.__citytwin.scenario");
    JsonObject scenario = http.getJson("/api/scenarios/" + scenarioId);
    assertThat(scenario.getString("name")).isEqualTo("Tháp văn phòng Bãi Trước");
    assertThat(scenario.getString("description")).isEqualTo("Thêm một tháp 12 tầng");
    assertThat(scenario.getValue("parent")).isNull();
    assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getText())
        .isEqualTo("Tháp văn phòng Bãi Trước");
    assertThat(form.isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("scenario-meta")).getText()).contains("Bản nháp", "0 thay đổi");
  }

  @Test
  @Order(20)
  void aBuildingDrawnOnTheGlobeIsSavedAndAppearsInTheScenariosTiles() throws IOException {
    open("edit-section");
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 700, 0, -89)", NEW_LON, NEW_LAT);
    waitForGlobeTiles();
    driver.findElement(By.id("draw-building")).click();
    assertThat(driver.findElement(By.id("draw-help")).isDisplayed()).isTrue();
    // Three clicks and a double-click on the fourth corner close the footprint.
    for (int i = 0; i < 3; i++) {
      clickAt(CORNERS[i][0], CORNERS[i][1], false);
    }
    clickAt(CORNERS[3][0], CORNERS[3][1], true);
    WebElement form = driver.findElement(By.id("building-form"));
    waitFor(Duration.ofSeconds(10), "!document.getElementById('building-form').hidden", () -> "the form never opened");
    assertThat(form.findElement(By.className("form-title")).getText()).isEqualTo("Công trình mới (4 góc)");
    type(form, "name", "Tháp Bãi Trước");
    new Select(form.findElement(By.name("use_type"))).selectByValue("office");
    type(form, "levels", "0");
    type(form, "height", "45");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    // The server refuses levels 0 (CHECK levels > 0): the message is next to the field, in Vietnamese.
    WebElement levelsError = form.findElement(By.cssSelector(".field-error[data-for='levels']"));
    waitFor(SERVER_WAIT, "!document.querySelector(\".field-error[data-for='levels']\").hidden",
        () -> "no error next to levels: " + form.getText());
    assertThat(levelsError.getText()).isEqualTo("Số tầng phải là số nguyên dương.");
    assertThat(http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features")).isEmpty();
    Files.write(SCREENSHOTS.resolve("workbench-form-error.png"), driver.getScreenshotAs(OutputType.BYTES));

    type(form, "levels", "12");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(SERVER_WAIT, "document.getElementById('building-form').hidden", () -> "the form stayed open: "
        + form.getText());
    JsonArray edits = http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features");
    assertThat(edits).hasSize(1);
    JsonObject edit = edits.getJsonObject(0);
    newBuildingId = edit.getLong("id");
    assertThat(edit.getString("op")).isEqualTo("add");
    assertThat(edit.getJsonObject("properties").getMap()).containsEntry("name", "Tháp Bãi Trước")
        .containsEntry("use_type", "office").containsEntry("levels", 12);
    assertThat(((Number) edit.getJsonObject("properties").getValue("height")).doubleValue()).isEqualTo(45.0);
    // The clicked corners, to about a metre (the ground under a whole canvas pixel, 700 m up).
    JsonObject geometry = edit.getJsonObject("geometry");
    JsonArray rings = geometry.getJsonArray("coordinates");
    JsonArray ring = ("MultiPolygon".equals(geometry.getString("type")) ? rings.getJsonArray(0) : rings).getJsonArray(0);
    assertThat(ring.size()).isEqualTo(5);
    for (int i = 0; i < 4; i++) {
      JsonArray p = ring.getJsonArray(i);
      assertThat(List.of(CORNERS)).anySatisfy(c -> {
        assertThat(p.getDouble(0)).isCloseTo(c[0], org.assertj.core.data.Offset.offset(1e-5));
        assertThat(p.getDouble(1)).isCloseTo(c[1], org.assertj.core.data.Offset.offset(1e-5));
      });
    }
    assertThat(driver.findElement(By.id("edit-count")).getText()).isEqualTo("1 thay đổi trong kịch bản này");

    // The tileset was reloaded at the scenario's new version; the new building is picked where it was drawn.
    waitForScenarioTiles();
    Map<String, Object> p = screen(NEW_LON, NEW_LAT, 44);
    waitFor(Duration.ofSeconds(30), "window.__citytwin.testing.requestRender(); return "
        + "window.__citytwin.testing.scenePickId(" + p.get("x") + ", " + p.get("y") + ") === " + newBuildingId,
        () -> "the new building is not in the tiles at its place: picked "
            + js("return window.__citytwin.testing.scenePickId(arguments[0], arguments[1])", p.get("x"), p.get("y")));
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 600, 20, -35)", NEW_LON, NEW_LAT);
    waitForBuildingTiles();
    Files.write(SCREENSHOTS.resolve("workbench-drawn.png"), driver.getScreenshotAs(OutputType.BYTES));

    // Pick it and modify it: the form starts from its properties; the server keeps one edit, now 15 storeys.
    Map<String, Object> top = screen(NEW_LON, NEW_LAT, 44);
    js("window.__citytwin.testing.pick(arguments[0], arguments[1])", top.get("x"), top.get("y"));
    assertThat(num(js("return window.__citytwin.picked.id"))).isEqualTo(newBuildingId);
    driver.findElement(By.id("modify-building")).click();
    assertThat(form.findElement(By.className("form-title")).getText()).isEqualTo("Sửa công trình #" + newBuildingId);
    assertThat(form.findElement(By.name("levels")).getDomProperty("value")).isEqualTo("12");
    type(form, "levels", "15");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(SERVER_WAIT, "document.getElementById('building-form').hidden", () -> "the form stayed open: "
        + form.getText());
    edits = http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features");
    assertThat(edits).hasSize(1);
    assertThat(edits.getJsonObject(0).getString("op")).isEqualTo("add");
    assertThat(edits.getJsonObject(0).getJsonObject("properties").getInteger("levels")).isEqualTo(15);
    waitForScenarioTiles();
  }

  @Test
  @Order(25)
  void aPickedBuildingIsMovedByAClickAndTheMoveUndone() {
    // Both places in the lower half of the view: the info card (top right) does not cover the click.
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 900, 0, -89)", HOTEL_LON + 0.001, HOTEL_LAT);
    waitForScenarioTiles();
    Map<String, Object> hotel = screen(HOTEL_LON, HOTEL_LAT, 33);
    js("window.__citytwin.testing.pick(arguments[0], arguments[1])", hotel.get("x"), hotel.get("y"));
    assertThat(num(js("return window.__citytwin.picked.id"))).isEqualTo(1);
    driver.findElement(By.id("move-building")).click();
    assertThat(driver.findElement(By.id("move-help")).isDisplayed()).isTrue();
    clickAt(MOVED_LON, MOVED_LAT, false);
    waitFor(SERVER_WAIT, "window.__citytwin.planning.editCount === 2", () -> "no move saved");
    JsonObject move = null;
    for (Object o : http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features")) {
      if (((JsonObject) o).getLong("id") == 1) {
        move = (JsonObject) o;
      }
    }
    assertThat(move).isNotNull();
    assertThat(move.getString("op")).isEqualTo("modify");
    assertThat(move.getJsonObject("properties").getString("name")).as("properties kept").isEqualTo("B1");
    // The 66 m square now centred where the click was (to about a metre).
    JsonObject g = move.getJsonObject("geometry");
    JsonArray ring = ("MultiPolygon".equals(g.getString("type")) ? g.getJsonArray("coordinates").getJsonArray(0)
        : g.getJsonArray("coordinates")).getJsonArray(0);
    double minLon = 180;
    double maxLon = -180;
    for (Object p : ring) {
      minLon = Math.min(minLon, ((JsonArray) p).getDouble(0));
      maxLon = Math.max(maxLon, ((JsonArray) p).getDouble(0));
    }
    assertThat((minLon + maxLon) / 2).isCloseTo(MOVED_LON, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(maxLon - minLon).isCloseTo(0.0006, org.assertj.core.data.Offset.offset(1e-9));
    waitForScenarioTiles();
    Map<String, Object> there = screen(MOVED_LON, MOVED_LAT, 33);
    waitFor(Duration.ofSeconds(30), "window.__citytwin.testing.requestRender(); return "
        + "window.__citytwin.testing.scenePickId(" + there.get("x") + ", " + there.get("y") + ") === 1",
        () -> "the hotel is not at its new place");
    driver.findElement(By.id("undo-edit")).click();
    waitFor(SERVER_WAIT, "window.__citytwin.planning.editCount === 1", () -> "the move was not undone");
    assertThat(http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features")).hasSize(1);
    waitForScenarioTiles();
  }

  @Test
  @Order(30)
  void indicatorsFollowEditsDeleteAndUndo() throws IOException {
    JsonObject baseCity = http.getJson("/api/scenarios/base/indicators");
    double baseBuildings = indicator(baseCity, "buildings");
    assertThat(baseBuildings).isEqualTo(3);
    open("indicator-section");
    waitForIndicators(4);
    assertThat(cellOf("#indicator-table", "buildings")).isEqualTo("4");
    assertThat(new Select(driver.findElement(By.id("indicator-scope"))).getOptions()).extracting(WebElement::getText)
        .containsExactly("Toàn thành phố", "Phường Thắng Tam");
    assertThat(num(js("return window.__citytwin.planning.indicators.values.gfa")))
        .isGreaterThan(indicator(baseCity, "gfa"));

    // Pick the hotel and delete it in the scenario: one building fewer.
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 500)", HOTEL_LON, HOTEL_LAT);
    waitForScenarioTiles();
    Map<String, Object> hotel = screen(HOTEL_LON, HOTEL_LAT, 16);
    js("window.__citytwin.testing.pick(arguments[0], arguments[1])", hotel.get("x"), hotel.get("y"));
    assertThat(num(js("return window.__citytwin.picked.id"))).isEqualTo(1);
    driver.findElement(By.id("delete-building")).click();
    waitForIndicators(3);
    assertThat(http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features")).hasSize(2);

    // Undo withdraws the delete: the hotel is back in the scenario.
    driver.findElement(By.id("undo-edit")).click();
    waitForIndicators(4);
    JsonArray edits = http.getJson("/api/scenarios/" + scenarioId + "/edits").getJsonArray("features");
    assertThat(edits).hasSize(1);
    assertThat(edits.getJsonObject(0).getString("op")).isEqualTo("add");

    // An area drawn around the new tower (not the hotel): its indicators count one building.
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 900, 0, -89)", NEW_LON, NEW_LAT);
    waitForGlobeTiles();
    driver.findElement(By.id("indicator-area")).click();
    clickAt(107.0825, 10.3475, false);
    clickAt(107.0845, 10.3475, false);
    clickAt(107.0845, 10.3495, false);
    clickAt(107.0825, 10.3495, true);
    waitFor(SERVER_WAIT, "window.__citytwin.planning.areaIndicators?.values.buildings === 1",
        () -> "no area indicators: " + js("return JSON.stringify(window.__citytwin.planning.areaIndicators)"));
    assertThat(new Select(driver.findElement(By.id("indicator-scope"))).getFirstSelectedOption().getText())
        .isEqualTo("Vùng đã vẽ");
    assertThat(cellOf("#indicator-table", "buildings")).isEqualTo("1");
    Files.write(SCREENSHOTS.resolve("workbench-indicators.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(40)
  void comparingWithTheBaseCitySplitsTheScreenAndHighlightsChanges() throws IOException {
    // The new tower left of the divider (the scenario's side), the hotel right of it (the city's side).
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 900, 0, -50)", NEW_LON + 0.0012, NEW_LAT);
    new Select(driver.findElement(By.id("compare-with"))).selectByValue("base");
    driver.findElement(By.id("compare-start")).click();
    waitFor(SERVER_WAIT, "window.__citytwin.planning.comparison !== null", () -> "no comparison");
    assertThat(jsList("return window.__citytwin.planning.comparison.changed")).contains("buildings", "gfa");
    assertThat(js("return window.__citytwin.split.on")).isEqualTo(true);
    assertThat(js("return window.__citytwin.split.other")).isEqualTo("base");
    assertThat(js("return window.__citytwin.testing.splitDirections()")).isEqualTo(Map.of(
        "wms", "left", "buildings", "left", "otherWms", "right", "otherBuildings", "right"));
    WebElement row = driver.findElement(By.cssSelector("#compare-table tr[data-indicator='buildings']"));
    assertThat(row.getAttribute("class")).contains("changed");
    assertThat(row.getText()).contains("4", "3", "+1");
    assertThat(driver.findElement(By.cssSelector("#compare-table tr[data-indicator='land_area']"))
        .getAttribute("class")).doesNotContain("changed");
    assertThat(driver.findElement(By.id("split-line")).isDisplayed()).isTrue();
    // The report links are the server's.
    String html = driver.findElement(By.id("report-html")).getAttribute("href");
    String csv = driver.findElement(By.id("report-csv")).getAttribute("href");
    assertThat(http.get(html.substring(base.length())).statusCode()).isEqualTo(200);
    assertThat(Http.text(http.get(csv.substring(base.length())))).contains("buildings");
    // The divider moves with its slider (keyboard: arrow keys on the range input).
    WebElement slider = driver.findElement(By.id("split-position"));
    slider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
    assertThat(num(js("return window.__citytwin.split.position"))).isCloseTo(0.48,
        org.assertj.core.data.Offset.offset(0.001));
    waitForBuildingTiles();
    Files.write(SCREENSHOTS.resolve("workbench-compare.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.findElement(By.id("compare-stop")).click();
    assertThat(js("return window.__citytwin.split.on")).isEqualTo(false);
    assertThat(driver.findElement(By.id("compare-table")).isDisplayed()).isFalse();
  }

  @Test
  @Order(50)
  void aFloodRunPutsWaterOnTheGlobe() throws IOException {
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 2500, 0, -89)", 107.076, 10.350);
    waitForGlobeTiles();
    double before = waterShare();
    open("simulation-section");
    new Select(driver.findElement(By.id("sim-kind"))).selectByValue("flood");
    js("const s = document.getElementById('sim-sea'); s.value = '0.5'; s.dispatchEvent(new Event('input'));");
    assertThat(driver.findElement(By.cssSelector("output[for='sim-sea']")).getText()).isEqualTo("0.5 m");
    driver.findElement(By.id("sim-run")).click();
    waitFor(SERVER_WAIT, "const r = window.__citytwin.planning.run; return r !== null && r.status === 'done'"
        + " && window.__citytwin.planning.resultFeatures > 0", () -> "flood never shown: "
        + js("return JSON.stringify(window.__citytwin.planning.run)"));
    assertThat(driver.findElement(By.id("sim-status")).getText()).startsWith("Mực nước 2,1 m: ngập 0,7");
    assertThat(driver.findElement(By.cssSelector("#sim-legend li")).getText())
        .isEqualTo("Vùng ngập (mực nước 2,1 m)");
    assertThat(driver.findElement(By.id("sim-progress")).isDisplayed()).isFalse();
    js("window.__citytwin.testing.requestRender()");
    double after = waterShare();
    assertThat(after).as("water-blue share of the strip: before %s, after %s", before, after)
        .isGreaterThan(0.6).isGreaterThan(before + 0.4);

    // A sun-hours run around the view centre: a heat map and a three-step legend.
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 900, 0, -89)", HOTEL_LON, HOTEL_LAT);
    new Select(driver.findElement(By.id("sim-kind"))).selectByValue("shadow");
    js("const d = document.getElementById('sim-date'); d.value = '2026-06-21';");
    driver.findElement(By.id("sim-run")).click();
    waitFor(SERVER_WAIT, "const r = window.__citytwin.planning.run; return r !== null && r.kind === 'shadow'"
        + " && r.status === 'done' && window.__citytwin.planning.legend.length === 3", () -> "shadow never shown: "
        + js("return JSON.stringify(window.__citytwin.planning.run)"));
    assertThat(num(js("return window.__citytwin.planning.resultFeatures"))).isGreaterThan(10);
    assertThat(driver.findElement(By.id("sim-status")).getText()).startsWith("Trung bình");
    Files.write(SCREENSHOTS.resolve("workbench-sun.png"), driver.getScreenshotAs(OutputType.BYTES));
    // Walking access to schools: service areas on the globe.
    new Select(driver.findElement(By.id("sim-kind"))).selectByValue("accessibility");
    new Select(driver.findElement(By.id("sim-service"))).selectByValue("schools");
    driver.findElement(By.id("sim-run")).click();
    waitFor(SERVER_WAIT, "const r = window.__citytwin.planning.run; return r !== null && r.kind === 'accessibility'"
        + " && r.status === 'done' && window.__citytwin.planning.resultFeatures > 0", () -> "access never shown: "
        + js("return JSON.stringify(window.__citytwin.planning.run)"));
    assertThat(driver.findElement(By.cssSelector("#sim-legend li")).getText()).isEqualTo("Trong 10 phút đi bộ");
    Files.write(SCREENSHOTS.resolve("workbench-access.png"), driver.getScreenshotAs(OutputType.BYTES));
    // Back to the flood for the next checks (the same parameters: the server answers from its cache).
    new Select(driver.findElement(By.id("sim-kind"))).selectByValue("flood");
    driver.findElement(By.id("sim-run")).click();
    waitFor(SERVER_WAIT, "const r = window.__citytwin.planning.run; return r.kind === 'flood' && r.status === 'done'"
        + " && window.__citytwin.planning.legend.length === 1", () -> "flood not shown again");
  }

  @Test
  @Order(60)
  void everythingSwitchesToEnglish() throws IOException {
    driver.findElement(By.cssSelector("#language button[data-lang='en']")).click();
    assertThat(driver.findElement(By.cssSelector("#indicator-section summary")).getDomProperty("textContent"))
        .isEqualTo("Planning indicators");
    assertThat(driver.findElement(By.id("sim-status")).getText()).startsWith("Water level 2.1 m: 0.7");
    assertThat(driver.findElement(By.cssSelector("#sim-legend li")).getText())
        .isEqualTo("Flooded (water level 2.1 m)");
    assertThat(new Select(driver.findElement(By.id("indicator-scope"))).getOptions().get(0).getText())
        .isEqualTo("Whole city");
    assertThat(driver.findElement(By.id("edit-count")).getText()).isEqualTo("1 edits in this scenario");
    assertThat(driver.findElement(By.id("scenario-meta")).getText()).contains("Draft");
    // The water layer's legend comes from the server's GetLegendGraphic.
    driver.findElement(By.cssSelector("#layer-list li[data-layer-id='water'] .legend-toggle")).click();
    waitFor(SERVER_WAIT, "const i = document.querySelector(\"#layer-list li[data-layer-id='water'] img.legend-image\");"
        + " return i !== null && i.complete && i.naturalWidth > 0", () -> "no legend image");
    assertThat((String) js("return document.querySelector(\"#layer-list li[data-layer-id='water'] img\").src"))
        .contains("REQUEST=GetLegendGraphic", "LAYER=water", "LANGUAGE=en");
    Files.write(SCREENSHOTS.resolve("workbench-flood-en.png"), driver.getScreenshotAs(OutputType.BYTES));
    org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      waitFor(Duration.ofSeconds(10), "window.innerWidth <= 700", () -> "the window did not shrink");
      if (!"true".equals(driver.findElement(By.id("panel-toggle")).getAttribute("aria-expanded"))) {
        driver.findElement(By.id("panel-toggle")).click();
      }
      js("document.getElementById('indicator-section').scrollIntoView()");
      Files.write(SCREENSHOTS.resolve("workbench-phone.png"), driver.getScreenshotAs(OutputType.BYTES));
      assertThat(num(js("return document.getElementById('panel').scrollWidth")))
          .as("nothing wider than the phone panel").isLessThanOrEqualTo(num(js(
              "return document.getElementById('panel').clientWidth")) + 1);
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }

  @Test
  @Order(70)
  void scenariosAreRenamedDuplicatedAndDeletedFromThePanel() {
    driver.findElement(By.cssSelector("#scenario-actions button[data-action='edit']")).click();
    WebElement form = driver.findElement(By.id("scenario-form"));
    assertThat(form.findElement(By.name("name")).getDomProperty("value")).isEqualTo("Tháp văn phòng Bãi Trước");
    assertThat(form.findElement(By.name("parent")).isDisplayed()).as("the parent never changes").isFalse();
    type(form, "name", "Office tower, Front Beach");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(SERVER_WAIT, "document.getElementById('scenario-form').hidden", () -> "rename form stayed open");
    assertThat(http.getJson("/api/scenarios/" + scenarioId).getString("name")).isEqualTo("Office tower, Front Beach");

    driver.findElement(By.cssSelector("#scenario-actions button[data-action='duplicate']")).click();
    waitFor(SERVER_WAIT, "window.__citytwin.scenario !== '" + scenarioId + "'", () -> "no copy selected");
    String copy = (String) js("return window.__citytwin.scenario");
    JsonObject copied = http.getJson("/api/scenarios/" + copy);
    assertThat(copied.getString("name")).isEqualTo("Copy of Office tower, Front Beach");
    assertThat(copied.getInteger("editCount")).isEqualTo(1);

    js("window.confirm = () => true"); // the delete asks first
    driver.findElement(By.cssSelector("#scenario-actions button[data-action='delete']")).click();
    waitFor(SERVER_WAIT, "window.__citytwin.scenario === null && !window.__citytwin.scenarios.ids.includes('"
        + copy + "')", () -> "the copy was not deleted");
    assertThat(http.get("/api/scenarios/" + copy).statusCode()).isEqualTo(404);
    new Select(driver.findElement(By.id("scenario"))).selectByValue(scenarioId);
    waitFor(SERVER_WAIT, "window.__citytwin.scenario === '" + scenarioId + "'", () -> "not back on the scenario");
  }

  @Test
  @Order(80)
  void theMapMovesFromTheKeyboard() {
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 800, 0, -60)", NEW_LON, NEW_LAT);
    Map<String, Object> before = jsMap("return window.__citytwin.testing.camera()");
    WebElement map = driver.findElement(By.id("map"));
    js("arguments[0].focus()", map);
    map.sendKeys(Keys.ARROW_UP);
    Map<String, Object> north = jsMap("return window.__citytwin.testing.camera()");
    assertThat(num(north.get("latDeg"))).as("forward = north at heading 0").isGreaterThan(num(before.get("latDeg")));
    map.sendKeys("+");
    assertThat(num(jsMap("return window.__citytwin.testing.camera()").get("heightM")))
        .isLessThan(num(north.get("heightM")));
  }

  @Test
  @Order(90)
  void theSharedUrlRestoresScenarioLanguagePanelsAndCamera() {
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 800, 30, -40)", NEW_LON, NEW_LAT);
    driver.findElement(By.id("share-view")).click();
    String url = (String) js("return window.__citytwin.sharedUrl");
    assertThat(url).contains("scenario=" + scenarioId, "lang=en", "cam=", "panels=");
    Map<String, Object> camera = jsMap("return window.__citytwin.testing.camera()");
    assertThat(jsList("return window.__citytwin.errors.map(e => e.source + ': ' + e.message)")).isEmpty();
    driver.get(url);
    waitForReady();
    waitFor(SERVER_WAIT, "window.__citytwin.scenarios.status === 'ready'", () -> "scenarios never loaded");
    assertThat(js("return window.__citytwin.scenario")).isEqualTo(scenarioId);
    assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(scenarioId);
    assertThat(js("return document.documentElement.lang")).isEqualTo("en");
    assertThat(js("return document.getElementById('simulation-section').open")).isEqualTo(true);
    Map<String, Object> restored = jsMap("return window.__citytwin.testing.camera()");
    for (String k : List.of("lonDeg", "latDeg")) {
      assertThat(num(restored.get(k))).as(k).isCloseTo(num(camera.get(k)), org.assertj.core.data.Offset.offset(1e-5));
    }
    assertThat(num(restored.get("heightM"))).isCloseTo(num(camera.get("heightM")),
        org.assertj.core.data.Offset.offset(1.0));
    assertThat(num(restored.get("headingDeg"))).isCloseTo(num(camera.get("headingDeg")),
        org.assertj.core.data.Offset.offset(0.2));
  }

  @Test
  @Order(100)
  void nothingLeftTheMachineAndNothingWasThrown() {
    String local = base + "/";
    List<String> resources = jsList("return performance.getEntriesByType('resource').map(e => e.name)");
    assertThat(resources).allMatch(u -> u.startsWith(local) || u.startsWith("blob:") || u.startsWith("data:"));
    assertThat(jsList("return window.__citytwin.errors.map(e => e.source + ': ' + e.message)"))
        .as("uncaught errors, unhandled rejections, CSP violations, render errors").isEmpty();
  }

  // --- helpers

  /** Share of pixels in the low strip's screen box that are water-blue (blue well above red and green). */
  static double waterShare() throws IOException {
    js("window.__citytwin.testing.requestRender()");
    waitForGlobeTiles();
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve("workbench-flood.png"), png);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    double dpr = num(js("return window.devicePixelRatio"));
    Map<String, Object> canvas = jsMap("const r = document.querySelector('#map canvas').getBoundingClientRect();"
        + "return {left: r.left, top: r.top}");
    Map<String, Object> a = screen(STRIP_WEST + 0.0004, 10.3445, 0);
    Map<String, Object> b = screen(STRIP_EAST - 0.0004, 10.3555, 0);
    int x0 = (int) ((num(canvas.get("left")) + Math.min(num(a.get("x")), num(b.get("x")))) * dpr);
    int x1 = (int) ((num(canvas.get("left")) + Math.max(num(a.get("x")), num(b.get("x")))) * dpr);
    int y0 = (int) ((num(canvas.get("top")) + Math.min(num(a.get("y")), num(b.get("y")))) * dpr);
    int y1 = (int) ((num(canvas.get("top")) + Math.max(num(a.get("y")), num(b.get("y")))) * dpr);
    assertThat(x1 - x0).as("strip width on screen").isGreaterThan(20);
    int blue = 0;
    int all = 0;
    for (int y = y0; y < y1; y += 2) {
      for (int x = x0; x < x1; x += 2) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int bl = rgb & 0xff;
        all++;
        if (bl > 150 && bl > r + 60 && bl > g + 20) {
          blue++;
        }
      }
    }
    return (double) blue / all;
  }

  /** Waits for the viewer to be ready; a startup error ends the wait at once. */
  static void waitForReady() {
    waitFor(READY_TIMEOUT, "window.__ready === true || (window.__citytwin?.errors.length ?? 0) > 0",
        () -> "window.__ready never became true");
    assertThat(js("return window.__ready")).as("ready; state: %s", js("return JSON.stringify(window.__citytwin)"))
        .isEqualTo(true);
  }

  static void waitForIndicators(int buildings) {
    waitFor(SERVER_WAIT, "const i = window.__citytwin.planning.indicators; return i !== null && i.values.buildings === "
        + buildings + " && document.querySelector(\"#indicator-table tr[data-indicator='buildings'] td.num\")"
        + "?.textContent === '" + buildings + "'", () -> "indicators never showed " + buildings + " buildings: "
        + js("return JSON.stringify(window.__citytwin.planning.indicators)"));
  }

  static String cellOf(String table, String indicator) {
    return driver.findElement(By.cssSelector(table + " tr[data-indicator='" + indicator + "'] td.num")).getText();
  }

  static double indicator(JsonObject answer, String id) {
    JsonArray list = answer.getJsonArray("indicators");
    for (int i = 0; i < list.size(); i++) {
      if (id.equals(list.getJsonObject(i).getString("id"))) {
        return ((Number) list.getJsonObject(i).getValue("value")).doubleValue();
      }
    }
    throw new AssertionError("no indicator " + id);
  }

  /** Opens a collapsed panel section (a details element) by clicking its summary. */
  static void open(String sectionId) {
    WebElement section = driver.findElement(By.id(sectionId));
    if (section.getAttribute("open") == null) {
      section.findElement(By.tagName("summary")).click();
    }
  }

  static void type(WebElement form, String name, String text) {
    WebElement input = form.findElement(By.name(name));
    input.clear();
    input.sendKeys(text);
  }

  /** A real click (or double-click) on the canvas where a ground point is. */
  static void clickAt(double lon, double lat, boolean twice) {
    Map<String, Object> p = screen(lon, lat, 0);
    WebElement canvas = driver.findElement(By.cssSelector("#map canvas"));
    Map<String, Object> size = jsMap("return window.__citytwin.testing.canvasSize()");
    Actions move = new Actions(driver).moveToElement(canvas,
        (int) Math.round(num(p.get("x")) - num(size.get("width")) / 2),
        (int) Math.round(num(p.get("y")) - num(size.get("height")) / 2));
    (twice ? move.doubleClick() : move.click()).perform();
  }

  static Map<String, Object> screen(double lon, double lat, double heightM) {
    Map<String, Object> p = jsMap("return window.__citytwin.testing.screenPosition(arguments[0], arguments[1], "
        + "arguments[2])", lon, lat, heightM);
    assertThat(p).as("(%s, %s) is in front of the camera", lon, lat).isNotNull();
    return p;
  }

  /** Waits until the buildings tileset shown is the scenario's current version and its tiles have loaded. */
  static void waitForScenarioTiles() {
    long version = http.getJson("/api/scenarios/" + scenarioId).getLong("version");
    waitFor(SERVER_WAIT, "return /[?&]v=" + version + "(&|$)/.test(window.__citytwin.tilesets.buildings.url || '')"
        + " && window.__citytwin.tilesets.buildings.status === 'ready'", () -> "tileset not reloaded at version "
        + version + ": " + js("return JSON.stringify(window.__citytwin.tilesets)"));
    waitForBuildingTiles();
  }

  static void waitForBuildingTiles() {
    waitFor(SERVER_WAIT, "window.__citytwin.testing.requestRender(); "
        + "return window.__citytwin.testing.tilesetLoaded('buildings')", () -> "building tiles never loaded");
  }
}
