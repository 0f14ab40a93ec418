package vn.citytwin.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.citytwin.viewer.PageScripts.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.demo.StationThings;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The live city in a real (headless) browser against the real server and database, in one page session: the 21
 * demo stations (gis-data/sensor_stations.geojson, turned into SensorThings entities by {@link StationThings}) on
 * the globe coloured by status, an observation posted over HTTP that crosses the PM2.5 alarm bound recolouring its
 * station without a reload (pixels) and topping the alert list, its acknowledgement stored by the server, and the
 * station's card with a history chart whose points come from the series API. Screenshots go to
 * {@code backend/target/viewer/live-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveCityBrowserIT {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(150);
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Path SCREENSHOTS = Path.of("target", "viewer");
  /** K22 – Bãi Trước: an air quality station (PM2.5 among its datastreams). */
  static final String AIR_STATION = "K22";
  /** MN-BS – Bàu Sen lake: a water level station, given a reading above the 1.82 m warning bound. */
  static final String LAKE_STATION = "MN-BS";

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Path profile;
  static ChromeDriver driver;
  static long airThing;
  static long pm25;
  static long lakeThing;
  static double airLon;
  static double airLat;
  static long alarmId;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("livecity");
    // Readings up to six hours old must not count as stale while the page loads.
    server = TestServer.start(db.jdbcUrl(), Map.of("sensors.alerts.stale.minutes", "120"));
    http = new Http(server.port());
    try (Connection c = db.connect()) {
      seedStations(c);
      airThing = scalar(c, "SELECT id FROM sensor.thing WHERE properties->>'stationCode' = ?", AIR_STATION);
      lakeThing = scalar(c, "SELECT id FROM sensor.thing WHERE properties->>'stationCode' = ?", LAKE_STATION);
      pm25 = scalar(c, "SELECT d.id FROM sensor.datastream d JOIN sensor.observed_property p "
          + "ON p.id = d.observed_property_id WHERE d.thing_id = ? AND p.name = 'PM2.5'", airThing);
      long lakeLevel = scalar(c, "SELECT id FROM sensor.datastream WHERE thing_id = ?", lakeThing);
      // PM2.5 every 15 minutes from 5 h 45 min to 15 min ago (12–32 µg/m³, ok), and the lake at 2.00 m (warning)
      // two minutes ago.
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      JsonArray rows = new JsonArray();
      for (int i = 22; i >= 0; i--) {
        rows.add(new JsonArray().add(now.minus(15L * i + 15, ChronoUnit.MINUTES).toString())
            .add(22 + 10 * Math.sin(i / 3.0)));
      }
      createObservations(pm25, rows);
      createObservations(lakeLevel, new JsonArray().add(new JsonArray().add(now.minusSeconds(120).toString()).add(2.0)));
      try (PreparedStatement ps = c.prepareStatement("SELECT ST_X(geom), ST_Y(geom) FROM city.sensor_stations "
          + "WHERE code = ?")) {
        ps.setString(1, AIR_STATION);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          airLon = rs.getDouble(1);
          airLat = rs.getDouble(2);
        }
      }
    }
    server.catalog().reloadNow();
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("ct-chromium-");
    driver = HeadlessChromium.start(profile);
    PageScripts.use(driver);
    driver.get("http://127.0.0.1:" + server.port() + "/?lite=1");
    waitFor(READY_TIMEOUT, "window.__ready === true || (window.__citytwin?.errors.length ?? 0) > 0",
        () -> "window.__ready never became true");
    waitFor(WAIT, "window.__citytwin.live?.status === 'ready' && window.__citytwin.live.connection === 'websocket'",
        () -> "live city not ready: " + js("return JSON.stringify(window.__citytwin.live)"));
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
  @Order(10)
  void theStationsAreOnTheGlobeColouredByTheirLatestStatus() throws IOException {
    Map<String, Object> stations = jsMap("return window.__citytwin.live.stations");
    assertThat(stations).hasSize(21);
    assertThat(status(airThing)).isEqualTo("ok");
    assertThat(status(lakeThing)).isEqualTo("warning");
    assertThat(stations.values().stream().map(s -> ((Map<?, ?>) s).get("status")).filter("no_data"::equals).count())
        .as("the stations without readings").isEqualTo(19);
    assertThat(js("return window.__citytwin.testing.stationColour(arguments[0])", airThing)).isEqualTo("#2fa84f");
    assertThat(js("return window.__citytwin.testing.stationColour(arguments[0])", lakeThing)).isEqualTo("#ff9900");
    // The lake's warning came from GET /api/alerts at load.
    List<WebElement> alerts = driver.findElements(By.cssSelector("#alert-list li[data-alert]"));
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getAttribute("data-level")).isEqualTo("warning");
    assertThat(alerts.get(0).getText()).contains("Trạm đo mực nước hồ Bàu Sen", "Water level = 2 m");
    assertThat(driver.findElement(By.id("alert-count")).getText()).isEqualTo("1");

    lookAtAirStation();
    int[] rgb = markerPixel("live-ok.png");
    assertThat(rgb[1]).as("green marker %s", List.of(rgb[0], rgb[1], rgb[2])).isGreaterThan(rgb[0] + 40)
        .isGreaterThan(rgb[2] + 40);
  }

  @Test
  @Order(20)
  void anObservationOverTheAlarmBoundRecoloursTheStationLiveAndRaisesAnAlert() throws IOException {
    js("window.__sameDocument = true");
    HttpResponse<byte[]> created = http.send("POST", "/sta/v1.1/Observations", "application/json",
        new JsonObject().put("Datastream", new JsonObject().put("@iot.id", pm25))
            .put("phenomenonTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).put("result", 95.0)
            .encode());
    assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(201);
    waitFor(WAIT, "window.__citytwin.live.stations['" + airThing + "'].status === 'alarm'",
        () -> "the station never turned alarm: " + js("return JSON.stringify(window.__citytwin.live)"));
    assertThat(js("return window.__sameDocument === true")).as("no page reload").isEqualTo(true);
    assertThat(js("return window.__citytwin.testing.stationColour(arguments[0])", airThing)).isEqualTo("#e0301e");
    waitFor(WAIT, "document.querySelectorAll('#alert-list li[data-alert]').length === 2",
        () -> "no second alert in the list: " + driver.findElement(By.id("alert-list")).getText());

    JsonArray serverAlerts = http.getJson("/api/alerts?open=true&datastream=" + pm25).getJsonArray("alerts");
    assertThat(serverAlerts).hasSize(1);
    JsonObject alarm = serverAlerts.getJsonObject(0);
    assertThat(alarm.getString("level")).isEqualTo("alarm");
    alarmId = alarm.getLong("id");
    WebElement first = driver.findElements(By.cssSelector("#alert-list li[data-alert]")).get(0);
    assertThat(first.getAttribute("data-alert")).as("newest first").isEqualTo(Long.toString(alarmId));
    assertThat(first.getAttribute("data-level")).isEqualTo("alarm");
    assertThat(first.getAttribute("data-state")).isEqualTo("open");
    assertThat(first.getText()).contains("Báo động", "Điểm quan trắc không khí K22 – Bãi Trước",
        "PM2.5 = 95 ug/m3 (ngưỡng 80.5)", "Xác nhận");
    assertThat(driver.findElement(By.id("alert-count")).getText()).isEqualTo("2");

    int[] rgb = markerPixel("live-alarm.png");
    assertThat(rgb[0]).as("red marker %s", List.of(rgb[0], rgb[1], rgb[2])).isGreaterThan(rgb[1] + 80)
        .isGreaterThan(rgb[2] + 80);
  }

  @Test
  @Order(30)
  void acknowledgingTheAlertIsStoredByTheServer() {
    WebElement item = driver.findElement(By.cssSelector("#alert-list li[data-alert='" + alarmId + "']"));
    item.findElement(By.cssSelector("button.ack")).click();
    waitFor(WAIT, "document.querySelector(\"#alert-list li[data-alert='" + alarmId + "']\")?.dataset.state "
        + "=== 'acknowledged'", () -> "never shown acknowledged: " + driver.findElement(By.id("alert-list")).getText());
    JsonObject stored = http.getJson("/api/alerts?datastream=" + pm25).getJsonArray("alerts").getJsonObject(0);
    assertThat(stored.getLong("id")).isEqualTo(alarmId);
    assertThat(stored.getString("acknowledgedAt")).isNotNull();
    assertThat(stored.getValue("clearedAt")).as("still open").isNull();
    assertThat(driver.findElement(By.id("alert-count")).getText()).isEqualTo("1");
    assertThat(driver.findElement(By.cssSelector("#alert-list li[data-alert='" + alarmId + "']")).getText())
        .contains("Đã xác nhận");
  }

  @Test
  @Order(35)
  void theReplaySliderShowsTheStatusesOfThePastFromTheAlertHistory() {
    WebElement slider = driver.findElement(By.id("replay-time"));
    // Keyboard: three steps of 10 minutes back. Then the lake had not reported yet and K22 was fine.
    slider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
    waitFor(WAIT, "window.__citytwin.live.replay !== null", () -> "no replay: "
        + js("return JSON.stringify(window.__citytwin.live)"));
    assertThat(js("return document.getElementById('replay-time').value")).isEqualTo("-30");
    double minutesAgo = (System.currentTimeMillis()
        - Instant.parse((String) js("return window.__citytwin.live.replay.at")).toEpochMilli()) / 60000.0;
    assertThat(minutesAgo).isBetween(29.0, 31.0);
    Map<String, Object> past = jsMap("return window.__citytwin.live.replay.stations");
    assertThat(past).containsEntry(Long.toString(airThing), "ok").containsEntry(Long.toString(lakeThing), "no_data");
    assertThat(js("return window.__citytwin.testing.stationColour(arguments[0])", airThing)).isEqualTo("#2fa84f");
    assertThat(driver.findElement(By.id("replay-text")).getText()).matches("\\d\\d/\\d\\d \\d\\d:\\d\\d");

    driver.findElement(By.id("replay-live")).click();
    waitFor(WAIT, "window.__citytwin.live.replay === null", () -> "still replaying");
    assertThat(js("return window.__citytwin.testing.stationColour(arguments[0])", airThing)).isEqualTo("#e0301e");
    assertThat(driver.findElement(By.id("replay-text")).getText()).isEqualTo("Hiện tại");
  }

  @Test
  @Order(40)
  void clickingAStationOpensItsCardWithAHistoryChart() throws IOException {
    lookAtAirStation();
    Map<String, Object> p = jsMap("return window.__citytwin.testing.screenPosition(arguments[0], arguments[1], 5)",
        airLon, airLat);
    WebElement canvas = driver.findElement(By.cssSelector("#map canvas"));
    Map<String, Object> size = jsMap("return window.__citytwin.testing.canvasSize()");
    new Actions(driver).moveToElement(canvas, (int) Math.round(num(p.get("x")) - num(size.get("width")) / 2),
        (int) Math.round(num(p.get("y")) - num(size.get("height")) / 2)).click().perform();
    WebElement card = driver.findElement(By.id("station-card"));
    waitFor(WAIT, "!document.getElementById('station-card').hidden", () -> "the card never opened");
    assertThat(card.findElement(By.className("station-title")).getText())
        .isEqualTo("Điểm quan trắc không khí K22 – Bãi Trước");
    assertThat(card.findElements(By.cssSelector(".station-datastreams tr"))).hasSize(5);
    assertThat(card.findElement(By.cssSelector(".station-datastreams tr[data-datastream='" + pm25 + "']")).getText())
        .contains("PM2.5", "95 ug/m3", "Báo động");

    // 24 h in 30-minute buckets: 23 readings 15 minutes apart plus the alarm fill 11 to 13 buckets.
    waitFor(WAIT, "window.__citytwin.live.card.points !== null", () -> "no chart: "
        + js("return JSON.stringify(window.__citytwin.live.card)"));
    assertThat(js("return window.__citytwin.live.card.datastream")).isEqualTo(Long.toString(pm25));
    long points24h = ((Number) js("return window.__citytwin.live.card.points")).longValue();
    assertThat(points24h).isBetween(11L, 13L);
    assertThat(card.findElements(By.cssSelector(".station-chart svg circle"))).hasSize((int) points24h);
    assertThat(card.findElement(By.className("station-chart-note")).getText()).contains(points24h + " điểm")
        .contains("đến 95");
    Files.write(SCREENSHOTS.resolve("live-card.png"), driver.getScreenshotAs(OutputType.BYTES));

    // The last 6 hours in 10-minute buckets: one per reading (the alarm came at least 15 minutes after the last).
    new Select(card.findElement(By.className("station-range"))).selectByValue("6h");
    waitFor(WAIT, "window.__citytwin.live.card.range === '6h' && window.__citytwin.live.card.points !== null",
        () -> "no 6 h chart: " + js("return JSON.stringify(window.__citytwin.live.card)"));
    assertThat(((Number) js("return window.__citytwin.live.card.points")).longValue()).isEqualTo(24);

    // The keyboard way: the station picker opens the lake's card.
    new Select(driver.findElement(By.id("live-station"))).selectByValue(Long.toString(lakeThing));
    waitFor(WAIT, "window.__citytwin.live.card.station === '" + lakeThing + "' && window.__citytwin.live.card.points === 1",
        () -> "the lake's card: " + js("return JSON.stringify(window.__citytwin.live.card)"));
    assertThat(card.findElement(By.className("station-title")).getText()).isEqualTo("Trạm đo mực nước hồ Bàu Sen");
    assertThat(js("return document.activeElement.className")).isEqualTo("station-close");
    assertThat(jsList("return window.__citytwin.errors.map(e => e.source + ': ' + e.message)"))
        .as("uncaught errors, unhandled rejections, CSP violations, render errors").isEmpty();
  }

  @Test
  @Order(50)
  void onAPhoneTheAlertButtonOpensThePanelAndAStationOpensItsCardOverTheGlobe() throws IOException {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(400, 1003));
    waitFor(WAIT, "window.innerWidth <= 700", () -> "window not narrow: " + js("return window.innerWidth"));
    if ((Boolean) js("return document.getElementById('app').classList.contains('panel-open')")) {
      driver.findElement(By.id("panel-toggle")).click();
    }
    driver.findElement(By.cssSelector("#station-card .station-close")).click();
    WebElement alertButton = driver.findElement(By.id("alert-button"));
    assertThat(alertButton.isDisplayed()).isTrue();
    assertThat(alertButton.getText()).contains("1");
    alertButton.click();
    assertThat(js("return document.getElementById('app').classList.contains('panel-open')")).isEqualTo(true);
    waitFor(WAIT, "document.getElementById('panel').getBoundingClientRect().left >= 0", () -> "the panel never slid in");
    assertThat(js("return document.activeElement.classList.contains('ack')")).as("focus on the alert to acknowledge")
        .isEqualTo(true);
    new Select(driver.findElement(By.id("live-station"))).selectByValue(Long.toString(airThing));
    waitFor(WAIT, "!document.getElementById('app').classList.contains('panel-open')", () -> "the panel stayed open");
    WebElement card = driver.findElement(By.id("station-card"));
    assertThat(card.isDisplayed()).isTrue();
    Map<String, Object> box = jsMap("const r = document.getElementById('station-card').getBoundingClientRect();"
        + "return {left: r.left, right: r.right, bottom: r.bottom, width: window.innerWidth, height: window.innerHeight}");
    assertThat(num(box.get("left"))).isGreaterThanOrEqualTo(0);
    assertThat(num(box.get("right"))).isLessThanOrEqualTo(num(box.get("width")));
    assertThat(num(box.get("bottom"))).isLessThanOrEqualTo(num(box.get("height")));
    waitFor(WAIT, "window.__citytwin.live.card.points > 0", () -> "no chart on the phone");
    Files.write(SCREENSHOTS.resolve("live-phone.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertThat(jsList("return window.__citytwin.errors.map(e => e.source + ': ' + e.message)")).isEmpty();
  }

  @Test
  @Order(60)
  void theSseFallbackDeliversTheSameEventsAndAReadingBackToNormalClearsTheAlarmAndRefreshesTheChart() {
    // The viewer's own LiveFeed module, forced onto /live/sse, beside the page's WebSocket feed.
    // The phone test left K22's card open on its PM2.5 chart, whose newest bucket holds the 95.
    assertThat(js("return window.__citytwin.live.card.datastream")).isEqualTo(Long.toString(pm25));
    String lastDot = "const dots = document.querySelectorAll('#station-card svg circle title');"
        + "return dots[dots.length - 1].textContent";
    assertThat((String) js(lastDot)).endsWith(": 95");
    js("window.__sse = {status: [], events: []};"
        + "import('/js/services/LiveFeed.js').then(({LiveFeed}) => {"
        + "  window.__sseFeed = new LiveFeed(location.origin, {forceSse: true,"
        + "    onStatus: (s) => window.__sse.status.push(s), onEvent: (e) => window.__sse.events.push(e)});"
        + "  window.__sseFeed.start(); });");
    waitFor(WAIT, "window.__sse.status.includes('sse')", () -> "SSE never opened: " + js("return JSON.stringify(window.__sse)"));
    HttpResponse<byte[]> created = http.send("POST", "/sta/v1.1/Observations", "application/json",
        new JsonObject().put("Datastream", new JsonObject().put("@iot.id", pm25))
            .put("phenomenonTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).put("result", 21.0)
            .encode());
    assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(201);
    waitFor(WAIT, "window.__sse.events.some(e => e.type === 'observation' && e.datastream === " + pm25
        + " && e.result === 21 && e.status === 'ok') && window.__sse.events.some(e => e.type === 'alert' && e.id === "
        + alarmId + " && e.event === 'cleared')", () -> "SSE events: " + js("return JSON.stringify(window.__sse)"));
    js("window.__sseFeed.stop()");
    // The page's WebSocket feed: the station is green again and the alarm shows as cleared.
    waitFor(WAIT, "window.__citytwin.live.stations['" + airThing + "'].status === 'ok'", () -> "still "
        + status(airThing));
    assertThat(js("return window.__citytwin.testing.stationColour(arguments[0])", airThing)).isEqualTo("#2fa84f");
    waitFor(WAIT, "document.querySelector(\"#alert-list li[data-alert='" + alarmId + "']\")?.dataset.state "
        + "=== 'cleared'", () -> driver.findElement(By.id("alert-list")).getText());
    assertThat(http.getJson("/api/alerts?datastream=" + pm25).getJsonArray("alerts").getJsonObject(0)
        .getString("clearedAt")).isNotNull();
    // The open chart reloaded with the new reading: its newest bucket is 21, or 58 when it shares the 95's.
    waitFor(WAIT, "const dots = document.querySelectorAll('#station-card svg circle title');"
        + "return window.__citytwin.live.card.points !== null && /: (21|58)$/.test(dots[dots.length - 1].textContent)",
        () -> "chart not refreshed: " + js(lastDot));
  }

  @Test
  @Order(70)
  void everythingOfTheLiveCityIsInEnglishToo() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 943));
    waitFor(WAIT, "window.innerWidth > 700", () -> "window not wide: " + js("return window.innerWidth"));
    if (!(Boolean) js("return document.getElementById('app').classList.contains('panel-open')")) {
      driver.findElement(By.id("panel-toggle")).click();
    }
    waitFor(WAIT, "document.getElementById('panel').getBoundingClientRect().left >= 0", () -> "the panel never slid in");
    driver.findElement(By.cssSelector("#language button[data-lang='en']")).click();
    assertThat(driver.findElement(By.cssSelector("#live-section summary")).getText()).startsWith("LIVE CITY");
    assertThat(driver.findElement(By.id("live-connection")).getText()).isEqualTo("Receiving live readings (WebSocket)");
    assertThat(driver.findElement(By.id("replay-text")).getText()).isEqualTo("Now");
    assertThat(driver.findElement(By.id("alert-button")).getAttribute("aria-label")).isEqualTo("Unacknowledged alerts");
    assertThat(driver.findElement(By.cssSelector("#alert-list li[data-alert='" + alarmId + "']")).getText())
        .contains("Alarm", "PM2.5 = 95 ug/m3 (threshold 80.5)", "Show station", "Acknowledged", "Cleared");
    assertThat(driver.findElement(By.cssSelector("#live-legend li[data-status='warning']")).getText())
        .isEqualTo("Warning: 1");
    WebElement card = driver.findElement(By.id("station-card"));
    assertThat(card.findElement(By.cssSelector(".station-datastreams tr[data-datastream='" + pm25 + "']")).getText())
        .contains("21 ug/m3", "Normal");
    assertThat(new Select(card.findElement(By.className("station-range"))).getFirstSelectedOption().getText())
        .isEqualTo("Last 6 h");
    assertThat(card.findElement(By.className("station-chart-note")).getText()).contains("points, from");
    assertThat(jsList("return window.__citytwin.errors.map(e => e.source + ': ' + e.message)")).isEmpty();
  }

  // --- helpers

  /** The demo stations as the demo loader stores them, then their Things and Datastreams. */
  static void seedStations(Connection c) throws IOException, SQLException {
    JsonArray features;
    try (InputStream in = LiveCityBrowserIT.class.getClassLoader()
        .getResourceAsStream("gis-data/sensor_stations.geojson")) {
      assertThat(in).as("gis-data/sensor_stations.geojson on the class path").isNotNull();
      features = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("features");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO city.sensor_stations (id, code, name, kind, geom) "
        + "VALUES (?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
      for (int i = 0; i < features.size(); i++) {
        JsonObject f = features.getJsonObject(i);
        JsonObject p = f.getJsonObject("properties");
        JsonArray xy = f.getJsonObject("geometry").getJsonArray("coordinates");
        ps.setLong(1, i + 1);
        ps.setString(2, p.getString("code"));
        ps.setString(3, p.getString("name"));
        ps.setString(4, p.getString("kind"));
        ps.setDouble(5, xy.getDouble(0));
        ps.setDouble(6, xy.getDouble(1));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    assertThat(StationThings.ensure(c).things()).isEqualTo(21);
  }

  static void createObservations(long datastream, JsonArray rows) {
    HttpResponse<byte[]> r = http.send("POST", "/sta/v1.1/CreateObservations", "application/json",
        new JsonArray().add(new JsonObject().put("Datastream", new JsonObject().put("@iot.id", datastream))
            .put("components", new JsonArray().add("phenomenonTime").add("result")).put("dataArray", rows)).encode());
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
    assertThat(Http.text(r)).doesNotContain("\"error\"");
  }

  static long scalar(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getLong(1);
      }
    }
  }

  static String status(long thing) {
    return (String) js("return window.__citytwin.live.stations[arguments[0]].status", Long.toString(thing));
  }

  static void lookAtAirStation() {
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 900, 0, -89)", airLon, airLat);
    waitForGlobeTiles();
  }

  /** The median colour of the 5×5 screenshot pixels at the air station's marker centre. */
  static int[] markerPixel(String screenshot) throws IOException {
    js("window.__citytwin.testing.requestRender()");
    waitForGlobeTiles();
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(screenshot), png);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    double dpr = num(js("return window.devicePixelRatio"));
    Map<String, Object> canvas = jsMap("const r = document.querySelector('#map canvas').getBoundingClientRect();"
        + "return {left: r.left, top: r.top}");
    Map<String, Object> p = jsMap("return window.__citytwin.testing.screenPosition(arguments[0], arguments[1], 5)",
        airLon, airLat);
    int cx = (int) Math.round((num(canvas.get("left")) + num(p.get("x"))) * dpr);
    int cy = (int) Math.round((num(canvas.get("top")) + num(p.get("y"))) * dpr);
    int[][] channels = new int[3][25];
    int n = 0;
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        int rgb = img.getRGB(cx + dx, cy + dy);
        channels[0][n] = (rgb >> 16) & 0xff;
        channels[1][n] = (rgb >> 8) & 0xff;
        channels[2][n] = rgb & 0xff;
        n++;
      }
    }
    int[] median = new int[3];
    for (int k = 0; k < 3; k++) {
      java.util.Arrays.sort(channels[k]);
      median[k] = channels[k][12];
    }
    return median;
  }
}
