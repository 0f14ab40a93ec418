package vn.citytwin.planning.compare;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A one-page HTML report of a comparison: title, the two cities, a map image of city a (from our WMS), the table
 * of every indicator (a, b, difference, relative difference; changed rows marked), an inline SVG bar chart of the
 * relative change of the indicators that changed, and a link to the diff of the features. Self-contained apart
 * from the map image; user text is escaped.
 */
public final class HtmlReport {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private HtmlReport() {}

  /**
   * @param mapUrl the map image URL, or null for none
   * @param diffUrl the URL of the feature diff (GeoJSON)
   */
  public static String render(Comparison c, String mapUrl, String diffUrl, Instant generated) {
    String title = "So sánh kịch bản / Scenario comparison: " + c.a().name() + " ↔ " + c.b().name();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>")
        .append("body{font-family:sans-serif;margin:24px;max-width:1000px;color:#222}")
        .append("table{border-collapse:collapse;width:100%;font-size:13px}")
        .append("th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}tr.changed{background:#fff6d5}")
        .append(".en{color:#666;font-size:11px}.meta{color:#555}img.map{max-width:100%;border:1px solid #ccc}")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    h.append("<p class=\"meta\">A: ").append(side(c.a())).append("<br>B: ").append(side(c.b()))
        .append("<br>Phạm vi / Scope: ").append(Html.escape(c.scope()))
        .append(" · Khoảng cách đi bộ / Walking distance: ").append(Html.escape(c.accessMethod()))
        .append(" · ").append(TIME.format(generated)).append("</p>\n");
    if (mapUrl != null) {
      h.append("<p><img class=\"map\" src=\"").append(Html.escape(mapUrl)).append("\" alt=\"Bản đồ kịch bản A / Map of ")
          .append("city A\"></p>\n");
    }
    h.append("<h2>Chỉ tiêu / Indicators</h2>\n<table>\n<thead><tr><th>Chỉ tiêu / Indicator</th><th>Đơn vị / Unit</th>")
        .append("<th>A</th><th>B</th><th>A − B</th><th>(A − B) / B</th></tr></thead>\n<tbody>\n");
    for (ComparedIndicator i : c.indicators()) {
      h.append(i.changed() ? "<tr class=\"changed\" data-id=\"" : "<tr data-id=\"").append(Html.escape(i.id()))
          .append("\"><td>").append(Html.escape(i.label().vi())).append("<br><span class=\"en\">")
          .append(Html.escape(i.label().en())).append("</span></td><td>").append(Html.escape(i.unit()))
          .append("</td><td>").append(Numbers.display(i.a())).append("</td><td>").append(Numbers.display(i.b()))
          .append("</td><td>").append(Numbers.display(i.difference())).append("</td><td>")
          .append(Numbers.percent(i.relativeDifference())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    List<ComparedIndicator> changed = c.changed();
    h.append("<h2>Thay đổi / Changes</h2>\n");
    if (changed.isEmpty()) {
      h.append("<p>Không chỉ tiêu nào thay đổi / No indicator changed.</p>\n");
    } else {
      h.append(SvgBarChart.render(changed)).append('\n');
    }
    h.append("<p><a href=\"").append(Html.escape(diffUrl))
        .append("\">Các đối tượng thay đổi (GeoJSON) / Changed features (GeoJSON)</a></p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String side(Comparison.CitySide s) {
    if (s.id() == null) {
      return Html.escape(s.name());
    }
    return Html.escape(s.name()) + " (#" + s.id() + ", v" + s.version() + ")";
  }
}
