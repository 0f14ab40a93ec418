package vn.citytwin.ogc.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import vn.citytwin.testing.TestDatabase;

/**
 * The small city the WMS tests draw: two schools (one at {@link #LON}, {@link #LAT}, the centre of every test
 * map), two time-stamped flood reports, three buildings, a road, a ward (basemap group) and an internal camera.
 */
final class WmsFixtures {
  static final double LON = 107.0850;
  static final double LAT = 10.3450;
  /** A flood report of 2022-10-20 and one of 2024-06-01, 0.001° east of the school (≈ 110 m). */
  static final double FLOOD_2022_LON = 107.0860;
  static final double FLOOD_2024_LON = 107.0840;

  /** Red squares for schools (the test style shipped in the test class path's styles/). */
  static final String SCHOOL_STYLE = "wms_test_schools";

  private WmsFixtures() {}

  static void insert(TestDatabase db) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO city.schools (id, name, level, students, ward, geom) VALUES "
          + "(1, 'Trường THPT Vũng Tàu', 'high', 1200, 'Phường Vũng Tàu', ST_SetSRID(ST_MakePoint(" + LON + ", "
          + LAT + "), 4326)),"
          + "(2, 'Trường Tiểu học Thắng Nhì', 'primary', 600, 'Phường Rạch Dừa', "
          + "ST_SetSRID(ST_MakePoint(107.0900, 10.3480), 4326))");
      s.execute("INSERT INTO city.flood_reports (id, street, depth_cm, reported_at, geom) VALUES "
          + "(1, 'Lê Hồng Phong', 40, '2022-10-20T08:00:00+07', ST_SetSRID(ST_MakePoint(" + FLOOD_2022_LON + ", "
          + LAT + "), 4326)),"
          + "(2, 'Ba Cu', 5, '2024-06-01T08:00:00+07', ST_SetSRID(ST_MakePoint(" + FLOOD_2024_LON + ", " + LAT
          + "), 4326))");
      s.execute("INSERT INTO city.buildings (id, name, use_type, levels, height, ward, geom) VALUES "
          + "(1, 'Khách sạn Rạch Dừa', 'hotel', 10, 33.0, 'Phường Vũng Tàu', "
          + "  ST_GeomFromText('POLYGON((107.0800 10.3500,107.0802 10.3500,107.0802 10.3502,107.0800 10.3502,"
          + "107.0800 10.3500))',4326)),"
          + "(2, NULL, 'shophouse', 4, 13.2, 'Phường Vũng Tàu', "
          + "  ST_GeomFromText('POLYGON((107.0805 10.3500,107.0806 10.3500,107.0806 10.3502,107.0805 10.3502,"
          + "107.0805 10.3500))',4326)),"
          + "(3, 'Nhà văn hoá', 'public', 2, 8.0, 'Phường Vũng Tàu', "
          + "  ST_GeomFromText('POLYGON((107.0845 10.3445,107.0855 10.3445,107.0855 10.3455,107.0845 10.3455,"
          + "107.0845 10.3445))',4326))");
      s.execute("INSERT INTO city.roads (id, name, class, lanes, geom) VALUES "
          + "(1, 'Lê Lợi', 'primary', 4, ST_GeomFromText('LINESTRING(107.0790 10.3495, 107.0830 10.3510)', 4326))");
      s.execute("INSERT INTO city.wards (id, code, name, kind, geom) VALUES (1, '26506', 'Phường Vũng Tàu', 'ward', "
          + "ST_Multi(ST_GeomFromText('POLYGON((107.06 10.33,107.11 10.33,107.11 10.36,107.06 10.36,107.06 10.33))',"
          + "4326)))");
      s.execute("INSERT INTO city.cameras (id, code, kind, ward, geom) VALUES (1, 'CAM-1', 'traffic', 'x', "
          + "ST_SetSRID(ST_MakePoint(" + LON + ", " + LAT + "), 4326))");
    }
  }

  /** {x, y} of a lon/lat point in another CRS, computed by PostGIS (x east, y north). */
  static double[] project(TestDatabase db, double lon, double lat, int srid) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?) p) x")) {
      ps.setDouble(1, lon);
      ps.setDouble(2, lat);
      ps.setInt(3, srid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static BufferedImage image(HttpResponse<byte[]> r) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
      if (img == null) {
        throw new AssertionError("not an image: " + r.headers().firstValue("Content-Type").orElse("?") + " "
            + new String(r.body(), 0, Math.min(400, r.body().length), StandardCharsets.UTF_8));
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Color at(BufferedImage img, int x, int y) {
    return new Color(img.getRGB(x, y), true);
  }

  static boolean near(Color c, Color expected, int tolerance) {
    return Math.abs(c.getRed() - expected.getRed()) <= tolerance
        && Math.abs(c.getGreen() - expected.getGreen()) <= tolerance
        && Math.abs(c.getBlue() - expected.getBlue()) <= tolerance && c.getAlpha() > 200;
  }

  /** Pixels within {@code tolerance} of the colour. */
  static int count(BufferedImage img, Color c, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (near(at(img, x, y), c, tolerance)) {
          n++;
        }
      }
    }
    return n;
  }

  static Document xml(String text) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      // 1.1.1 documents name their DTD on the web: never fetch it here
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + text, e);
    }
  }

  /** The code attribute of a ServiceExceptionReport's first exception. */
  static String exceptionCode(String xml) {
    return xml(xml).getElementsByTagNameNS("*", "ServiceException").item(0).getAttributes().getNamedItem("code")
        .getNodeValue();
  }

  /** An SLD 1.0 document styling {@code layer} with the given rule bodies. */
  static String sld(String layer, String... rules) {
    StringBuilder sb = new StringBuilder("<StyledLayerDescriptor version=\"1.0.0\" "
        + "xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>")
        .append(layer).append("</Name><UserStyle><Name>body</Name><FeatureTypeStyle>");
    for (String r : rules) {
      sb.append("<Rule>").append(r).append("</Rule>");
    }
    return sb.append("</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>").toString();
  }

  /** A PointSymbolizer: square mark of the colour and size. */
  static String square(String hex, int size) {
    return "<PointSymbolizer><Graphic><Mark><WellKnownName>square</WellKnownName><Fill><CssParameter name=\"fill\">"
        + hex + "</CssParameter></Fill></Mark><Size>" + size + "</Size></Graphic></PointSymbolizer>";
  }
}
