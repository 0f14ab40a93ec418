package vn.citytwin.viewer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven by Debian's chromedriver, set up for a closed network (see
 * shared/design/VIEWER-TESTING.md): software WebGL2 through SwiftShader, no background traffic, every host name
 * except 127.0.0.1 unresolvable, a fresh profile. Both paths are given explicitly, so Selenium Manager is never
 * asked to find or download anything (no ~/.cache/selenium appears); chromedriver itself runs with SE_OFFLINE=true.
 *
 * <p>The browser and performance logs are enabled: the performance log carries every network request
 * (Network.requestWillBeSent), including ones that failed, for the "nothing left 127.0.0.1" check.
 */
final class HeadlessChromium {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CITYTWIN_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CITYTWIN_CHROMEDRIVER",
      "/usr/bin/chromedriver"));

  private HeadlessChromium() {}

  /**
   * Starts the browser with a 1280×800 page.
   *
   * @param profile an empty directory for the browser profile (deleted by the caller)
   * @throws IllegalStateException when chromium or chromedriver is missing (scripts/setup.sh installs both)
   */
  static ChromeDriver start(Path profile) throws IOException {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(p + " is missing: run scripts/setup.sh (apt-get install chromium chromium-driver)");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,943",
        "--lang=vi");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .withEnvironment(Map.of("SE_OFFLINE", "true"))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
