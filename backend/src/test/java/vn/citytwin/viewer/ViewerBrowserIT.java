package vn.citytwin.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.citytwin.viewer.PageScripts.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/**
 * The viewer in a real (headless) browser against the real server and database: it becomes ready offline, lists the
 * catalogue in Vietnamese and English, asks our WMS for the basemap, shows the scenario state the server reports,
 * renders the globe, never reaches beyond 127.0.0.1 and throws nothing. One browser for the class; the page is
 * opened once in lite mode ({@code /?lite=1}).
 *
 * <p>The 3D Tiles checks (tileset loads; a click on a building picks it) run only when the server links the
 * buildings layer to a {@code 3dtiles} tileset, and are skipped otherwise.
 *
 * <p>Screenshots go to {@code backend/target/viewer/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewerBrowserIT {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(150);
  static final Path SCREENSHOTS = Path.of("target", "viewer");
  // The hotel, large enough to be a clear target: 66 m × 66 m, 33 m high, centred on (107.0800, 10.3500).
  static final long HOTEL_ID = 1;
  static final double HOTEL_LON = 107.0800;
  static final double HOTEL_LAT = 10.3500;
  static final double HOTEL_HEIGHT_M = 33.0;

  static TestDatabase db;
  static CityTwinServer server;
  static Http http;
  static Path profile;
  static ChromeDriver driver;
  static String base;
  static final List<String> requestedUrls = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.create("viewer");
    server = TestServer.start(db);
    http = new Http(server.port());
    base = "http://127.0.0.1:" + server.port();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, ward, year_built, geom) VALUES "
          + "(1, 'Khách sạn Rạch Dừa', 'hotel', 10, 33.0, 'Phường Vũng Tàu', 2015, "
          + "  ST_GeomFromText('POLYGON((107.0797 10.3497,107.0803 10.3497,107.0803 10.3503,107.0797 10.3503,"
          + "107.0797 10.3497))',4326)),"
          + "(2, NULL, 'shophouse', 4, 13.2, 'Phường Vũng Tàu', NULL, "
          + "  ST_GeomFromText('POLYGON((107.0810 10.3500,107.0812 10.3500,107.0812 10.3502,107.0810 10.3502,"
          + "107.0810 10.3500))',4326)),"
          + "(3, NULL, 'villa', 2, 6.6, 'Phường Vũng Tàu', 1998, "
          + "  ST_GeomFromText('POLYGON((107.0815 10.3505,107.0817 10.3505,107.0817 10.3507,107.0815 10.3507,"
          + "107.0815 10.3505))',4326)),"
          // 1.6 km west of the hotel: the leaf is wider than one 16-bit grid (757 m), so its glb is cut into
          // quantized parts and the hotel is picked from a primitive other than the first.
          + "(4, NULL, 'warehouse', 1, 8.0, 'Phường Vũng Tàu', NULL, "
          + "  ST_GeomFromText('POLYGON((107.0650 10.3500,107.0652 10.3500,107.0652 10.3502,107.0650 10.3502,"
          + "107.0650 10.3500))',4326))");
    }
    server.catalog().versions().refresh();
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("ct-chromium-");
    driver = HeadlessChromium.start(profile);
    PageScripts.use(driver);
    driver.get(base + "/?lite=1");
    waitFor(READY_TIMEOUT, "window.__ready === true",
        () -> "window.__ready never became true; state: " + js("return JSON.stringify(window.__citytwin)"));
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
  @Order(1)
  void theGlobeRenders() throws IOException {
    // The opening view over the city: not a blank canvas. (At city scale the bundled Natural Earth base layer is one
    // colour; the detail comes from the WMS and the buildings.)
    PixelStats home = globeStats("home.png");
    assertThat(home.meanLuma()).as("the globe drew over the black background: %s", home).isGreaterThan(10);
    // From 2000 km up the base layer shows land, sea and coastline: the globe and its imagery really rendered.
    js("window.__citytwin.testing.lookAt(107.08, 10.35, 0, 2000000, 0, -90)");
    waitForGlobeTiles();
    PixelStats region = globeStats("region.png");
    assertThat(region.distinctColours()).as("varied colours: %s", region).isGreaterThan(100);
    assertThat(region.lumaStdDev()).as("contrast: %s", region).isGreaterThan(5);
    js("window.__citytwin.testing.home()"); // later checks do not depend on the view: no need to wait
  }

  @Test
  @Order(2)
  void theLayerPanelListsTheCatalogueInVietnameseThenEnglish() {
    JsonArray layers = http.getJson("/api/layers").getJsonArray("layers");
    List<String> vi = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      vi.add(layers.getJsonObject(i).getJsonObject("title").getString("vi"));
      en.add(layers.getJsonObject(i).getJsonObject("title").getString("en"));
    }
    assertThat(vi).contains("Công trình xây dựng", "Mặt nước").doesNotContain("Camera giám sát"); // not public
    assertThat(js("return document.documentElement.lang")).isEqualTo("vi");
    assertThat(layerTitles()).containsExactlyElementsOf(vi);
    assertThat(driver.findElement(By.cssSelector("#panel h2[data-i18n='layers']")).getText()).isEqualTo("LỚP BẢN ĐỒ");

    driver.findElement(By.cssSelector("#language button[data-lang='en']")).click();
    assertThat(layerTitles()).containsExactlyElementsOf(en);
    assertThat(js("return document.documentElement.lang")).isEqualTo("en");
    assertThat(driver.findElement(By.cssSelector("#panel h2[data-i18n='layers']")).getText()).isEqualTo("MAP LAYERS");
    assertThat(driver.findElement(By.cssSelector("#scenario option[value='']")).getText()).isEqualTo("Current city");

    driver.findElement(By.cssSelector("#language button[data-lang='vi']")).click();
    assertThat(layerTitles()).containsExactlyElementsOf(vi);
    assertThat(driver.findElement(By.cssSelector("#scenario option[value='']")).getText())
        .isEqualTo("Hiện trạng thành phố");
  }

  @Test
  @Order(3)
  void theBasemapComesFromOurWmsInWebMercator() {
    // The basemap group, less extruded layers (they are 3D), in catalogue order.
    JsonArray layers = http.getJson("/api/layers").getJsonArray("layers");
    List<String> basemap = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      JsonObject l = layers.getJsonObject(i);
      if ("basemap".equals(l.getString("group")) && l.getValue("heightField") == null && !has3dTiles(l)) {
        basemap.add(l.getString("id"));
      }
    }
    assertThat(basemap).contains("water", "land_use", "parks", "roads", "wards");
    assertThat(jsList("return window.__citytwin.wms.layers")).containsExactlyElementsOf(basemap);
    List<URI> getMaps = requests().stream().filter(ViewerBrowserIT::isNetwork).map(URI::create)
        .filter(u -> u.getPath().equals("/wms") && u.getQuery() != null && u.getQuery().contains("GetMap"))
        .toList();
    assertThat(getMaps).as("GetMap requests to our /wms").isNotEmpty();
    assertThat(getMaps.get(0).getQuery()).contains("layers=" + String.join(",", basemap), "crs=EPSG:3857",
        "format=image/png", "transparent=true");
    // Whether or not the WMS answers, the globe became ready (checked in start()); failures are shown, not thrown.
    if (!"on".equals(js("return window.__citytwin.wms.status"))) {
      assertThat(driver.findElement(By.id("status")).getText()).contains("WMS");
    }
  }

  @Test
  @Order(4)
  void theScenarioPickerShowsWhatTheServerOffers() {
    int status = http.get("/api/scenarios").statusCode();
    WebElement select = driver.findElement(By.id("scenario"));
    waitFor(Duration.ofSeconds(20), "window.__citytwin.scenarios.status !== 'loading'", () -> "scenarios never loaded");
    if (status == 404) {
      assertThat(js("return window.__citytwin.scenarios.status")).isEqualTo("unavailable");
      assertThat(select.isEnabled()).isFalse();
      assertThat(driver.findElement(By.id("scenario-note")).getText()).isEqualTo("Máy chủ chưa có kịch bản.");
    } else {
      assertThat(status).isEqualTo(200);
      assertThat(js("return window.__citytwin.scenarios.status")).isEqualTo("ready");
      assertThat(select.findElements(By.tagName("option")))
          .hasSize(1 + jsList("return window.__citytwin.scenarios.ids").size());
    }
  }

  @Test
  @Order(5)
  void aClickOnABuildingShowsItsProperties() throws IOException {
    assumeTrue(has3dTiles(http.getJson("/api/layers/buildings")),
        "the server has no 3dtiles link for buildings yet: 3D Tiles checks skipped");
    waitFor(Duration.ofSeconds(60), "window.__citytwin.tilesets.buildings?.status === 'ready'",
        () -> "tileset never ready: " + js("return JSON.stringify(window.__citytwin.tilesets)"));
    assertThat(leafNodeCounts()).as("glTF nodes per leaf: the 1.6 km wide leaf is cut into parts").contains(2);
    js("window.__citytwin.testing.lookAt(arguments[0], arguments[1], 0, 400)", HOTEL_LON, HOTEL_LAT);
    waitFor(Duration.ofSeconds(60), "window.__citytwin.testing.requestRender(); "
        + "return window.__citytwin.testing.tilesetLoaded('buildings')", () -> "building tiles never loaded");
    Map<String, Object> p = jsMap("return window.__citytwin.testing.screenPosition(arguments[0], arguments[1], "
        + "arguments[2])", HOTEL_LON, HOTEL_LAT, HOTEL_HEIGHT_M / 2);
    assertThat(p).as("the hotel is in front of the camera").isNotNull();
    Object scenePicked = js("return window.__citytwin.testing.scenePickId(arguments[0], arguments[1])",
        p.get("x"), p.get("y"));
    assertThat(((Number) scenePicked).longValue()).isEqualTo(HOTEL_ID);

    // The same through the UI: a real click on the canvas (offsets from the element's centre).
    WebElement canvas = driver.findElement(By.cssSelector("#map canvas"));
    Map<String, Object> size = jsMap("return window.__citytwin.testing.canvasSize()");
    new Actions(driver).moveToElement(canvas,
            (int) Math.round(num(p.get("x")) - num(size.get("width")) / 2),
            (int) Math.round(num(p.get("y")) - num(size.get("height")) / 2))
        .click().perform();
    waitFor(Duration.ofSeconds(20), "window.__citytwin.picked !== null", () -> "nothing picked");
    assertThat(((Number) js("return window.__citytwin.picked.id")).longValue()).isEqualTo(HOTEL_ID);
    assertThat(js("return window.__citytwin.picked.layerId")).isEqualTo("buildings");
    WebElement info = driver.findElement(By.id("info"));
    assertThat(info.isDisplayed()).isTrue();
    assertThat(info.findElement(By.cssSelector(".info-title")).getText()).isEqualTo("Công trình #1");
    assertThat(info.findElement(By.cssSelector("dd[data-field='name']")).getText()).isEqualTo("Khách sạn Rạch Dừa");
    assertThat(info.findElement(By.cssSelector("dd[data-field='use_type']")).getText()).isEqualTo("Khách sạn");
    assertThat(info.findElement(By.cssSelector("dd[data-field='levels']")).getText()).isEqualTo("10");
    assertThat(info.findElement(By.cssSelector("dd[data-field='year_built']")).getText()).isEqualTo("2015");
    Files.write(SCREENSHOTS.resolve("picked.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.findElement(By.cssSelector("#language button[data-lang='en']")).click();
    assertThat(info.findElement(By.cssSelector("dd[data-field='use_type']")).getText()).isEqualTo("Hotel");
    assertThat(info.findElement(By.xpath(".//dd[@data-field='name']/preceding-sibling::dt[1]")).getText())
        .isEqualTo("Name");
    driver.findElement(By.cssSelector("#language button[data-lang='vi']")).click();
  }

  @Test
  @Order(6)
  void onAPhoneThePanelOverlaysTheGlobeAndCollapses() {
    org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      waitFor(Duration.ofSeconds(10), "window.innerWidth <= 700", () -> "the window did not shrink");
      WebElement toggle = driver.findElement(By.id("panel-toggle"));
      assertThat(num(js("return document.getElementById('map').getBoundingClientRect().left"))).isZero();
      assertThat(num(js("return document.getElementById('map').getBoundingClientRect().width")))
          .isEqualTo(num(js("return window.innerWidth")));
      boolean open = toggle.getAttribute("aria-expanded").equals("true");
      toggle.click();
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo(String.valueOf(!open));
      if (open) {
        waitFor(Duration.ofSeconds(5), "document.getElementById('panel').getBoundingClientRect().right <= 0",
            () -> "the panel did not slide away");
        toggle.click();
      }
      waitFor(Duration.ofSeconds(5), "document.getElementById('panel').getBoundingClientRect().left >= 0",
          () -> "the panel did not open");
      assertThat(driver.findElement(By.cssSelector("#layer-list li[data-layer-id='water']")).isDisplayed()).isTrue();
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }

  @Test
  @Order(7)
  void theSunControlsSetTheClockInVietnamTimeAndSwitchShadows() {
    js("const d = document.getElementById('sun-date'); d.value = '2025-06-21'; d.dispatchEvent(new Event('change'));"
        + "const h = document.getElementById('sun-hour'); h.value = '12'; h.dispatchEvent(new Event('input'));");
    assertThat(js("return window.__citytwin.testing.clockIso()")).isEqualTo("2025-06-21T05:00:00Z");
    assertThat(driver.findElement(By.id("sun-hour-text")).getText()).isEqualTo("12:00");
    WebElement shadows = driver.findElement(By.id("shadows"));
    assertThat(shadows.isSelected()).as("lite mode starts without shadows").isFalse();
    assertThat(js("return window.__citytwin.testing.shadowsEnabled()")).isEqualTo(false);
    shadows.click();
    assertThat(js("return window.__citytwin.testing.shadowsEnabled()")).isEqualTo(true);
    shadows.click();
    assertThat(js("return window.__citytwin.testing.shadowsEnabled()")).isEqualTo(false);
  }

  @Test
  @Order(100)
  void nothingLeftTheMachineAndNothingWasThrown() {
    String local = "http://127.0.0.1:" + server.port() + "/";
    List<String> resources = jsList("return performance.getEntriesByType('resource').map(e => e.name)");
    assertThat(resources).as("resources the page loaded").isNotEmpty()
        .allMatch(u -> u.startsWith(local) || u.startsWith("blob:") || u.startsWith("data:"));
    // The performance log also has requests that failed, and those of every browser target.
    assertThat(requests()).filteredOn(ViewerBrowserIT::isNetwork).as("network requests").isNotEmpty()
        .allMatch(u -> u.startsWith(local));
    assertThat(jsList("return window.__citytwin.errors.map(e => e.source + ': ' + e.message)"))
        .as("uncaught errors, unhandled rejections, CSP violations, render errors").isEmpty();
    List<String> uncaught = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage).filter(m -> m.contains("Uncaught") || m.contains("Content Security Policy"))
        .toList();
    assertThat(uncaught).as("console").isEmpty();
  }

  // --- helpers

  /** Saves a screenshot and measures the globe area: the map right of the side panel, away from edges and credits. */
  static PixelStats globeStats(String name) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
    Map<String, Object> r = jsMap("const m = document.getElementById('map').getBoundingClientRect();"
        + "const p = document.getElementById('panel').getBoundingClientRect();"
        + "return {left: Math.max(m.left, p.right), top: m.top, right: m.right, bottom: m.bottom,"
        + " dpr: window.devicePixelRatio};");
    double dpr = num(r.get("dpr"));
    int x = (int) ((num(r.get("left")) + 20) * dpr);
    int y = (int) ((num(r.get("top")) + 20) * dpr);
    int w = (int) ((num(r.get("right")) - num(r.get("left")) - 40) * dpr);
    int h = (int) ((num(r.get("bottom")) - num(r.get("top")) - 60) * dpr);
    return PixelStats.of(png, x, y, w, h);
  }

  /** Waits until the globe's tiles for the current view have loaded for 5 polls in a row. */
  /** A URL that goes over the network (not blob:, data:, or the browser's own chrome:// pages). */
  static boolean isNetwork(String url) {
    String scheme = URI.create(url).getScheme();
    return List.of("http", "https", "ws", "wss", "ftp").contains(scheme);
  }

  /** The number of glTF nodes in each content leaf of the buildings tileset (read from each glb's JSON chunk). */
  static List<Integer> leafNodeCounts() {
    List<Integer> out = new ArrayList<>();
    List<JsonObject> tiles = new ArrayList<>(List.of(http.getJson("/3dtiles/buildings/tileset.json")
        .getJsonObject("root")));
    while (!tiles.isEmpty()) {
      JsonObject tile = tiles.remove(tiles.size() - 1);
      tile.getJsonArray("children", new JsonArray()).forEach(c -> tiles.add((JsonObject) c));
      if (tile.containsKey("content")) {
        byte[] glb = http.get("/3dtiles/buildings/" + tile.getJsonObject("content").getString("uri")).body();
        int jsonLength = ByteBuffer.wrap(glb, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        out.add(new JsonObject(new String(glb, 20, jsonLength, StandardCharsets.UTF_8)).getJsonArray("nodes").size());
      }
    }
    return out;
  }

  static boolean has3dTiles(JsonObject layer) {
    JsonArray links = layer.getJsonArray("links", new JsonArray());
    for (int i = 0; i < links.size(); i++) {
      if ("3dtiles".equals(links.getJsonObject(i).getString("rel"))) {
        return true;
      }
    }
    return false;
  }

  /** Every URL the browser requested so far (from chromedriver's performance log, which drains on read). */
  static List<String> requests() {
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonObject message = new JsonObject(entry.getMessage()).getJsonObject("message");
      if ("Network.requestWillBeSent".equals(message.getString("method"))) {
        requestedUrls.add(message.getJsonObject("params").getJsonObject("request").getString("url"));
      }
    }
    return List.copyOf(requestedUrls);
  }

  static List<String> layerTitles() {
    return driver.findElements(By.cssSelector("#layer-list li[data-layer-id] .layer-title")).stream()
        .map(WebElement::getText).toList();
  }
}
