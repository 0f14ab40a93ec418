package vn.citytwin.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.citytwin.features.JsonText;

/** No database text can break an XML or JSON document: property-tested over random strings. */
class XmlAndJsonTextTest {
  static String random(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(20);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(6);
      sb.append(switch (kind) {
        case 0 -> (char) r.nextInt(0x20);                    // control characters
        case 1 -> "<>&\"'\\/".charAt(r.nextInt(7));
        case 2 -> (char) (0xD800 + r.nextInt(0x800));         // surrogates, often unpaired
        case 3 -> "ạễữỹđ\u2028\uFFFE".charAt(r.nextInt(7));
        default -> (char) ('a' + r.nextInt(26));
      });
    }
    return sb.toString();
  }

  @Test
  void escapedTextAlwaysParses() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String s = random(r);
      StringBuilder xml = new StringBuilder("<a b=\"");
      XmlText.attr(xml, s);
      xml.append("\">");
      XmlText.text(xml, s);
      xml.append("</a>");
      XmlDoc doc = XmlDoc.parse(xml.toString());
      String clean = s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
      if (!clean.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
        assertThat(doc.root().getAttribute("b")).isEqualTo(clean);
        assertThat(doc.root().getTextContent()).isEqualTo(clean.replace("\r", "\r"));
      }
      StringBuilder json = new StringBuilder("{\"k\":");
      JsonText.string(json, s);
      json.append('}');
      String decoded = new JsonObject(json.toString()).getString("k");
      if (!s.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
        assertThat(decoded).isEqualTo(s);
      }
    }
  }

  @Test
  void xmlNamesAreNcNamesAndMapBack() {
    assertThat(XmlNames.ncName("buildings")).isEqualTo("buildings");
    assertThat(XmlNames.ncName("Khu vực 1")).isEqualTo("Khu_vực_1");
    assertThat(XmlNames.ncName("2024 value")).isEqualTo("_2024_value");
    assertThat(XmlNames.ncName("a:b\"c")).isEqualTo("a_b_c");
    assertThat(XmlNames.matches("Khu_vực_1", "Khu vực 1")).isTrue();
    assertThat(XmlNames.matches("Khu vực 1", "Khu vực 1")).isTrue();
    assertThat(XmlNames.local("citytwin:buildings")).isEqualTo("buildings");
    assertThat(UrlPaths.segment("Khu vực 1")).isEqualTo("Khu%20v%E1%BB%B1c%201");
  }
}
