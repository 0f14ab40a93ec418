package vn.citytwin.render.graphic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgIconReaderTest {
  private static VectorIcon read(String svg, List<String> warnings) throws IOException {
    return SvgIconReader.read(svg.getBytes(StandardCharsets.UTF_8), "t.svg", warnings);
  }

  private static BufferedImage paint(VectorIcon icon, int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    icon.paint(g, new Rectangle2D.Double(0, 0, size, size));
    g.dispose();
    return img;
  }

  @Test
  void pathsCirclesRectsAndPolygonsWithFillsScaleToTheTarget() throws IOException {
    List<String> w = new ArrayList<>();
    VectorIcon icon = read("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20">
          <rect x="0" y="0" width="10" height="10" fill="#ff0000"/>
          <circle cx="15" cy="5" r="4" style="fill:#00ff00"/>
          <polygon points="0,20 10,20 10,10" fill="rgb(0,0,255)"/>
          <g transform="translate(10,10)"><path d="M1 1 h8 v8 h-8 z" fill="#000"/></g>
          <title>icon</title>
        </svg>""", w);
    assertThat(w).isEmpty();
    assertThat(icon.width()).isEqualTo(20);
    BufferedImage img = paint(icon, 40);
    assertThat(new Color(img.getRGB(10, 10), true)).isEqualTo(Color.RED);
    assertThat(new Color(img.getRGB(30, 10), true)).isEqualTo(Color.GREEN);
    assertThat(new Color(img.getRGB(18, 37), true)).isEqualTo(Color.BLUE);
    assertThat(new Color(img.getRGB(30, 30), true)).isEqualTo(Color.BLACK);
    assertThat(img.getRGB(2, 30) >>> 24).isZero();
  }

  @Test
  void arcsAndCurvesParse() throws IOException {
    VectorIcon icon = read("""
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <path d="M0 5 A5 5 0 0 1 10 5 Q5 12 0 5 z" fill="#123456" stroke="none"/>
        </svg>""", new ArrayList<>());
    BufferedImage img = paint(icon, 10);
    assertThat(img.getRGB(5, 3) & 0xffffff).isEqualTo(0x123456);
  }

  @Test
  void unsupportedConstructsAreReported() throws IOException {
    List<String> w = new ArrayList<>();
    read("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
          <defs><linearGradient id="g"/></defs>
          <text x="0" y="5">A</text>
          <rect width="5" height="5" fill="url(#g)"/>
        </svg>""", w);
    assertThat(w).anyMatch(s -> s.contains("<defs>"));
    assertThat(w).anyMatch(s -> s.contains("<text>"));
    assertThat(w).anyMatch(s -> s.contains("url(#g)"));
  }

  @Test
  void notSvgIsAnError() {
    assertThatThrownBy(() -> read("<html/>", new ArrayList<>())).isInstanceOf(IOException.class);
  }
}
