package vn.citytwin.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import vn.citytwin.render.sld.SldParser;
import vn.citytwin.render.style.Style;

/** Shared helpers for render tests: WKT features, SLD snippets, pixel inspection. */
public final class TestMaps {
  private TestMaps() {
  }

  public static Geometry wkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static RenderFeature feature(String wkt, Object... keyValues) {
    Map<String, Object> props = new java.util.HashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      props.put((String) keyValues[i], keyValues[i + 1]);
    }
    return RenderFeature.of(wkt(wkt), props);
  }

  /** An SLD 1.0 document with one UserStyle holding the given FeatureTypeStyle bodies (Rules...). */
  public static String sld10(String... ftsBodies) {
    StringBuilder sb = new StringBuilder("""
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
            xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink">
          <NamedLayer><Name>test</Name><UserStyle><Name>s</Name><Title>Test</Title>
        """);
    for (String b : ftsBodies) {
      sb.append("<FeatureTypeStyle>").append(b).append("</FeatureTypeStyle>");
    }
    sb.append("</UserStyle></NamedLayer></StyledLayerDescriptor>");
    return sb.toString();
  }

  public static Style style(String... ftsBodies) {
    return SldParser.parse(sld10(ftsBodies), "test.sld");
  }

  /** A 100×100 map over world (0,0)-(100,100): one world unit per pixel, pixel (x, 99-y) holds world (x, y). */
  public static MapExtent unitExtent() {
    return new MapExtent(0, 0, 100, 100, 100, 100, false);
  }

  public static BufferedImage render(MapExtent extent, Style style, RenderFeature... features) {
    return new MapRenderer().render(extent, Color.WHITE, false, List.of(new LayerDraw(style, List.of(features))));
  }

  public static BufferedImage renderTransparent(MapExtent extent, Style style, RenderFeature... features) {
    return new MapRenderer().render(extent, Color.WHITE, true, List.of(new LayerDraw(style, List.of(features))));
  }

  public static Color at(BufferedImage img, int x, int y) {
    return new Color(img.getRGB(x, y), true);
  }

  /** Pixels in the rectangle whose colour is within {@code tolerance} (per channel) of {@code c}. */
  public static int count(BufferedImage img, int x0, int y0, int x1, int y1, Color c, int tolerance) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
        Color p = at(img, x, y);
        if (Math.abs(p.getRed() - c.getRed()) <= tolerance && Math.abs(p.getGreen() - c.getGreen()) <= tolerance
            && Math.abs(p.getBlue() - c.getBlue()) <= tolerance && p.getAlpha() > 200) {
          n++;
        }
      }
    }
    return n;
  }

  /** Pixels in the rectangle that differ from {@code background}. */
  public static int nonBackground(BufferedImage img, int x0, int y0, int x1, int y1, Color background) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
        if (img.getRGB(x, y) != background.getRGB()) {
          n++;
        }
      }
    }
    return n;
  }

  public static List<String> warningsOf(Style s) {
    return new ArrayList<>(s.warnings());
  }
}
