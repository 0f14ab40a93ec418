package vn.citytwin.viewer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Scripts the browser tests run in the page, shared by every browser IT ({@code import static …PageScripts.*}). They
 * act on the browser {@link HeadlessChromium#start} started last: browser test classes run one after another and each
 * starts its own browser in {@code @BeforeAll}.
 */
final class PageScripts {
  private static volatile ChromeDriver driver;

  private PageScripts() {}

  static void use(ChromeDriver started) {
    driver = started;
  }

  static Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> jsMap(String script, Object... args) {
    return (Map<String, Object>) driver.executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  static List<String> jsList(String script) {
    return ((List<Object>) driver.executeScript(script)).stream().map(String::valueOf).toList();
  }

  static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  /** Waits until the expression (or a script with `return`) is true, polling every 250 ms. */
  static void waitFor(Duration timeout, String condition, Supplier<String> failure) {
    String script = condition.contains("return ") ? condition : "return " + condition;
    try {
      new WebDriverWait(driver, timeout, Duration.ofMillis(250))
          .until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(script)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(failure.get(), e);
    }
  }

  /** Waits until the globe's imagery tiles have stayed loaded for five polls in a row. */
  static void waitForGlobeTiles() {
    js("window.__ct_loadedPolls = 0");
    waitFor(Duration.ofSeconds(60), "window.__citytwin.testing.requestRender();"
        + "window.__ct_loadedPolls = window.__citytwin.testing.globeTilesLoaded() ? window.__ct_loadedPolls + 1 : 0;"
        + "return window.__ct_loadedPolls >= 5", () -> "globe tiles never loaded");
  }
}
