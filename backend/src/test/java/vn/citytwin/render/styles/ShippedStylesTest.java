package vn.citytwin.render.styles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.citytwin.render.legend.LegendRenderer;
import vn.citytwin.render.legend.LegendRow;
import vn.citytwin.render.sld.SldParser;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.Style;

/** The SLDs shipped in styles/ (on the classpath as styles/): they load cleanly and match their tables. */
class ShippedStylesTest {
  /** Columns of the city tables (V2__city_layers.sql) and views. */
  static final Map<String, Set<String>> COLUMNS = Map.ofEntries(
      Map.entry("wards", Set.of("id", "code", "name", "name_en", "kind", "merged_from", "area_km2", "population")),
      Map.entry("land_use", Set.of("id", "zone_code", "class", "name", "max_height", "max_far")),
      Map.entry("water", Set.of("id", "name", "kind")),
      Map.entry("roads", Set.of("id", "name", "class", "lanes", "oneway", "width")),
      Map.entry("buildings", Set.of("id", "name", "use_type", "levels", "height", "ward", "year_built",
          "ground_elev", "address")),
      Map.entry("parks", Set.of("id", "name", "kind")),
      Map.entry("schools", Set.of("id", "name", "level", "students", "ward")),
      Map.entry("hospitals", Set.of("id", "name", "kind", "beds", "ward")),
      Map.entry("markets", Set.of("id", "name", "ward")),
      Map.entry("hotels", Set.of("id", "name", "stars", "rooms", "ward")),
      Map.entry("tourist_sites", Set.of("id", "name", "name_en", "kind", "description")),
      Map.entry("cameras", Set.of("id", "code", "kind", "ward")),
      Map.entry("sensor_stations", Set.of("id", "code", "name", "kind", "ward")),
      Map.entry("flood_reports", Set.of("id", "street", "depth_cm", "reported_at", "duration_min")),
      // the view of V11__sensors_live.sql
      Map.entry("sensor_latest", Set.of("datastream_id", "name", "thing_id", "station", "station_code",
          "observed_property", "unit", "value", "value_text", "observed_at", "status")));

  static Path stylesDir() {
    try {
      return Path.of(ShippedStylesTest.class.getClassLoader().getResource("styles/water.sld").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Style load(String layer) {
    try (InputStream in = Files.newInputStream(stylesDir().resolve(layer + ".sld"))) {
      return SldParser.parse(in, layer + ".sld");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> layers() {
    return COLUMNS.keySet().stream().sorted();
  }

  @Test
  void everyShippedSldBelongsToALayer() throws IOException {
    try (Stream<Path> files = Files.list(stylesDir())) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sld"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
      assertThat(names).containsExactlyElementsOf(layers().toList());
    }
  }

  @ParameterizedTest
  @MethodSource("layers")
  void parsesWithoutWarningsAndReadsOnlyItsColumns(String layer) {
    Style s = load(layer);
    assertThat(s.warnings()).as(layer).isEmpty();
    assertThat(s.title()).isNotBlank();
    assertThat(COLUMNS.get(layer)).as(layer).containsAll(s.referencedProperties());
    List<Rule> rules = s.featureTypeStyles().stream().flatMap(f -> f.rules().stream()).toList();
    assertThat(rules).isNotEmpty();
    // every drawn rule has a Vietnamese legend title; label-only rules may be untitled
    assertThat(LegendRow.of(s, null)).allMatch(r -> !r.label().isBlank());
    assertThat(new LegendRenderer().legend(s, 20, 20, s.title()).getHeight()).isGreaterThan(20);
  }
}
