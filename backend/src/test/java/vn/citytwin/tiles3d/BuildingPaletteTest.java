package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The baked-in colours and the 3D style (styles/buildings-3d.json, on the classpath as the server serves it) agree. */
class BuildingPaletteTest {
  private static final Pattern USE = Pattern.compile("\\$\\{use_type\\} === '([a-z_]+)'");
  private static final Pattern COLOR = Pattern.compile("color\\('#([0-9A-Fa-f]{6})'\\)");

  static JsonObject style() throws Exception {
    try (InputStream in = BuildingPaletteTest.class.getClassLoader().getResourceAsStream("styles/buildings-3d.json")) {
      assertThat(in).as("styles/buildings-3d.json on the classpath").isNotNull();
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void styleColoursEveryPaletteUseWithThePaletteColour() throws Exception {
    JsonArray conditions = style().getJsonObject("color").getJsonArray("conditions");
    Map<String, Integer> styled = new HashMap<>();
    for (int i = 0; i < conditions.size(); i++) {
      JsonArray c = conditions.getJsonArray(i);
      Matcher colour = COLOR.matcher(c.getString(1));
      assertThat(colour.matches()).as("condition %d colour", i).isTrue();
      Matcher use = USE.matcher(c.getString(0));
      while (use.find()) {
        styled.put(use.group(1), (Integer.parseUnsignedInt(colour.group(1), 16) << 8) | 0xFF);
      }
    }
    assertThat(styled).isEqualTo(BuildingPalette.uses());
    JsonArray last = conditions.getJsonArray(conditions.size() - 1);
    assertThat(last.getString(0)).isEqualTo("true");
    assertThat(last.getString(1).toUpperCase(Locale.ROOT))
        .contains(String.format("%06X", BuildingPalette.DEFAULT >>> 8));
  }

  @Test
  void styleHighlightsTallBuildingsAndScenarioChangesBeforeUse() throws Exception {
    JsonObject style = style();
    assertThat(style.getJsonObject("defines").getString("tall")).isEqualTo("${height} >= 60");
    JsonArray conditions = style.getJsonObject("color").getJsonArray("conditions");
    assertThat(conditions.getJsonArray(0).getString(0)).contains("${scenario_status} === 'add'");
    assertThat(conditions.getJsonArray(2).getString(0)).isEqualTo("${tall}");
  }

  @Test
  void unknownAndMissingUsesAreGrey() {
    assertThat(BuildingPalette.rgba(null)).isEqualTo(BuildingPalette.DEFAULT);
    assertThat(BuildingPalette.rgba("spaceport")).isEqualTo(BuildingPalette.DEFAULT);
    assertThat(BuildingPalette.rgba(" Hotel ")).isEqualTo(0xE76F51FF);
  }
}
