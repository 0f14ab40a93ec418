package vn.citytwin.render.styles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.citytwin.render.MapExtent;
import vn.citytwin.render.MapRenderer;
import vn.citytwin.render.TestMaps;
import vn.citytwin.render.encode.ImageEncoders;

/**
 * Renders every shipped style together over a synthetic city at three scales and checks a few landmarks; the
 * images are written to target/render-demo/ for a human look.
 */
class CitySceneRenderTest {
  private static final Color WATER = new Color(0xaad3df);

  @ParameterizedTest
  @ValueSource(ints = {1200, 2600, 6000})
  void shippedStylesRenderTheCity(int widthMetres) throws IOException {
    int w = 1000;
    int h = 700;
    // west edge 200 m out at sea, centred on the town vertically
    double west = -200;
    double halfH = widthMetres / 2.0 * h / w;
    double n = 900;
    MapExtent extent = new MapExtent(CityScene.lon(west), CityScene.lat(n - halfH),
        CityScene.lon(west + widthMetres), CityScene.lat(n + halfH), w, h, true);
    BufferedImage img = new MapRenderer().render(extent, new Color(0xf2efe9), false,
        CityScene.layers(ShippedStylesTest::load));
    Path dir = Path.of("target", "render-demo");
    Files.createDirectories(dir);
    Files.write(dir.resolve("city-" + widthMetres + "m.png"), ImageEncoders.png32(img));
    Files.write(dir.resolve("city-" + widthMetres + "m-8bit.png"), ImageEncoders.png8(img));
    // the sea fills the map's west edge (x < 300 m)
    assertThat(TestMaps.count(img, 0, 0, 10, h, WATER, 3)).isGreaterThan(h * 5);
    // labels were drawn: dark text pixels exist
    assertThat(TestMaps.count(img, 0, 0, w, h, new Color(0x333333), 20)).isGreaterThan(50);
  }
}
