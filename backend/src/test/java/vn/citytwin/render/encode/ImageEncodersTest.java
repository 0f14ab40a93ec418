package vn.citytwin.render.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageEncodersTest {

  /** A transparent image with an antialiased circle and a colour gradient: thousands of colours. */
  private static BufferedImage busyImage() {
    BufferedImage img = new BufferedImage(200, 120, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, Color.RED, 200, 0, Color.BLUE));
    g.fillRect(0, 0, 200, 40);
    g.setPaint(new GradientPaint(0, 40, Color.GREEN, 0, 80, Color.YELLOW));
    g.fillRect(0, 40, 200, 40);
    g.setColor(new Color(20, 120, 40, 180));
    g.fill(new Ellipse2D.Double(60, 70, 80, 45));
    g.dispose();
    return img;
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(img).isNotNull();
    return img;
  }

  @Test
  void png32RoundTripsEveryPixelIncludingAlpha() throws IOException {
    BufferedImage src = busyImage();
    BufferedImage back = decode(ImageEncoders.png32(src));
    assertThat(back.getWidth()).isEqualTo(200);
    assertThat(back.getColorModel().hasAlpha()).isTrue();
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 200; x++) {
        int a = src.getRGB(x, y);
        int b = back.getRGB(x, y);
        if ((a >>> 24) == 0) {
          assertThat(b >>> 24).isZero();
        } else {
          assertThat(b).isEqualTo(a);
        }
      }
    }
  }

  @Test
  void png32OfAnOpaqueImageIsRgb() throws IOException {
    BufferedImage src = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = src.createGraphics();
    g.setColor(new Color(10, 20, 30));
    g.fillRect(0, 0, 10, 10);
    g.dispose();
    BufferedImage back = decode(ImageEncoders.png32(src));
    assertThat(back.getColorModel().hasAlpha()).isFalse();
    assertThat(back.getRGB(5, 5)).isEqualTo(new Color(10, 20, 30).getRGB());
  }

  @Test
  void png8HasAtMost256ColoursAndKeepsTransparency() throws IOException {
    BufferedImage src = busyImage();
    Set<Integer> srcColours = new HashSet<>();
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 200; x++) {
        srcColours.add(src.getRGB(x, y));
      }
    }
    assertThat(srcColours.size()).isGreaterThan(256);
    byte[] png = ImageEncoders.png8(src);
    BufferedImage back = decode(png);
    assertThat(back.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
    assertThat(((java.awt.image.IndexColorModel) back.getColorModel()).getMapSize()).isLessThanOrEqualTo(256);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 200; x++) {
        colours.add(back.getRGB(x, y));
      }
    }
    assertThat(colours.size()).isLessThanOrEqualTo(256);
    // the untouched corner stays fully transparent, the gradient stays opaque and close to its colour
    assertThat(back.getRGB(199, 119) >>> 24).isZero();
    assertThat(back.getRGB(100, 20) >>> 24).isEqualTo(255);
    Color orig = new Color(src.getRGB(100, 20));
    Color got = new Color(back.getRGB(100, 20));
    assertThat(Math.abs(orig.getRed() - got.getRed()) + Math.abs(orig.getGreen() - got.getGreen())
        + Math.abs(orig.getBlue() - got.getBlue())).isLessThan(30);
    // the semi-transparent circle keeps partial alpha
    int alpha = back.getRGB(100, 100) >>> 24;
    assertThat(alpha).isBetween(150, 210);
  }

  @Test
  void png8OfAFewColoursIsExact() throws IOException {
    BufferedImage src = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = src.createGraphics();
    g.setColor(new Color(0x12, 0x34, 0x56));
    g.fillRect(0, 0, 10, 20);
    g.setColor(new Color(200, 100, 0, 128));
    g.fillRect(10, 0, 5, 20);
    g.dispose();
    BufferedImage back = decode(ImageEncoders.png8(src));
    assertThat(back.getRGB(3, 3)).isEqualTo(src.getRGB(3, 3));
    assertThat(back.getRGB(12, 3)).isEqualTo(src.getRGB(12, 3));
    assertThat(back.getRGB(18, 3) >>> 24).isZero();
  }

  @Test
  void jpegDecodesAndFlattensOnTheBackground() throws IOException {
    BufferedImage src = busyImage();
    byte[] jpg = ImageEncoders.jpeg(src, 0.9f, Color.WHITE);
    assertThat(jpg[0] & 0xff).isEqualTo(0xFF);
    assertThat(jpg[1] & 0xff).isEqualTo(0xD8);
    BufferedImage back = decode(jpg);
    assertThat(back.getColorModel().hasAlpha()).isFalse();
    Color corner = new Color(back.getRGB(195, 118));
    assertThat(corner.getRed()).isGreaterThan(240);
    assertThat(corner.getGreen()).isGreaterThan(240);
  }
}
