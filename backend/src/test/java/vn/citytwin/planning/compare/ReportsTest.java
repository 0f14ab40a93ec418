package vn.citytwin.planning.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import vn.citytwin.planning.indicators.Text;

class ReportsTest {
  static final Text T = new Text("Dân số, \"ước tính\"", "Residents");

  static Comparison comparison() {
    return new Comparison(new Comparison.CitySide(3L, "A & <B>", 7L), Comparison.CitySide.BASE, "city", "network",
        List.of(ComparedIndicator.of("residents", "persons", T, T, 120.0, 100.0),
            ComparedIndicator.of("jobs", "jobs", T, T, 50.0, 50.0),
            ComparedIndicator.of("access.hospital", "%", T, T, 10.0, 0.0),
            ComparedIndicator.of("far", "ratio", T, T, null, null)));
  }

  @Test
  void differencesAndChangeFlags() {
    ComparedIndicator r = comparison().indicators().get(0);
    assertThat(r.difference()).isEqualTo(20.0);
    assertThat(r.relativeDifference()).isEqualTo(0.2);
    assertThat(r.changed()).isTrue();
    assertThat(comparison().indicators().get(1).changed()).isFalse();
    assertThat(comparison().indicators().get(2).relativeDifference()).isNull(); // from 0
    assertThat(comparison().indicators().get(2).changed()).isTrue();
    assertThat(comparison().indicators().get(3).changed()).isFalse();
    assertThat(ComparedIndicator.of("x", "m", T, T, 1.0 + 1e-12, 1.0).changed()).isFalse(); // float noise
    assertThat(ComparedIndicator.of("x", "m", T, T, 5.0, null).changed()).isTrue();
  }

  @Test
  void csvQuotesAndKeepsFullPrecision() {
    String[] lines = CsvReport.render(comparison()).split("\r\n");
    assertThat(lines[1]).isEqualTo("residents,\"Dân số, \"\"ước tính\"\"\",Residents,persons,120,100,20,0.2,true");
    assertThat(lines[3]).isEqualTo("access.hospital,\"Dân số, \"\"ước tính\"\"\",Residents,%,10,0,10,,true");
    assertThat(lines[4]).endsWith(",ratio,,,,,false");
    assertThat(Numbers.plain(1.0e-7)).isEqualTo("0.0000001");
    assertThat(Numbers.plain(12345678901.5)).isEqualTo("12345678901.5");
  }

  @Test
  void htmlEscapesUserTextAndChartsOnlyChangedIndicators() {
    String html = HtmlReport.render(comparison(), "http://x/wms?a=1&b=2", "http://x/diff", Instant.EPOCH);
    assertThat(html).contains("A &amp; &lt;B&gt; (#3, v7)").doesNotContain("<B>");
    assertThat(html).contains("src=\"http://x/wms?a=1&amp;b=2\"");
    assertThat(html).contains("1970-01-01 00:00 UTC");
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(svg.split("<rect class=\"bar\"", -1)).hasSize(2); // residents only: hospital has no ratio
    assertThat(svg).contains("mới / new").contains("+20.0 %");
    assertThat(HtmlReport.render(comparison(), null, "d", Instant.EPOCH)).doesNotContain("<img");
  }

  @Test
  void wmsUrlUsesLatitudeFirstAndKeepsTheGroundAspect() {
    String url = WmsMapUrl.of("http://h", new Envelope(107.0, 107.1, 10.3, 10.4), List.of("roads", "buildings"),
        "5", 900);
    assertThat(url).startsWith("http://h/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads,buildings")
        .contains("&CRS=EPSG:4326&BBOX=10.3000000,107.0000000,10.4000000,107.1000000")
        .contains("&WIDTH=900&HEIGHT=915&").endsWith("&scenario=5");
    assertThat(WmsMapUrl.of("http://h", new Envelope(), List.of("roads"), "5", 900)).isNull();
  }
}
