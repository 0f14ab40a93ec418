package vn.citytwin.ogc.features;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks.Link;
import vn.citytwin.features.FeatureRecord;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.ValueText;
import vn.citytwin.ogc.HtmlPage;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.ogc.UrlPaths;
import vn.citytwin.scenario.ScenarioSource;

/** HTML pages of items and of one item: a map overview, the attributes as a table, paging links. */
final class FeatureHtml {
  private FeatureHtml() {}

  /**
   * @param base the public base URL
   * @param page the features of this page
   * @param matched all matching features, or null when unknown
   * @param next URL of the next page, or null
   * @param previous URL of the previous page, or null
   */
  static String items(String lang, String site, String base, StreamPart part, List<FeatureRecord> page, Long matched,
                      long offset, String self, String next, String previous) {
    Layer layer = part.columns().layer();
    String title = layer.meta().title(lang);
    HtmlPage html = new HtmlPage(lang, site, title, crumbs(base, layer, lang), withF(self, "json"));
    html.paragraph(layer.meta().abstractText(lang));
    html.raw("<p class=\"muted\">" + (page.isEmpty() ? "No features" : "Features " + (offset + 1) + "–"
        + (offset + page.size())) + (matched == null ? "" : " of " + matched) + "</p>");
    html.raw(SvgMap.of(page.stream().map(FeatureRecord::geometry).toList(),
        SupportedCrs.isGeographic(part.crs().srid())));
    StringBuilder t = new StringBuilder("<table><tr>");
    if (part.columns().hasId()) {
      t.append("<th>id</th>");
    }
    for (Field f : part.columns().attributes()) {
      t.append("<th>").append(HtmlPage.esc(f.name())).append("</th>");
    }
    boolean scenario = !part.query().scenario().isBase();
    if (scenario) {
      t.append("<th>").append(ScenarioSource.STATUS_COLUMN).append("</th>");
    }
    t.append("</tr>");
    for (FeatureRecord f : page) {
      t.append("<tr>");
      if (part.columns().hasId()) {
        String href = UrlPaths.collection(base, layer.id()) + "/items/" + f.id() + "?f=html";
        t.append("<td><a href=\"").append(HtmlPage.esc(href)).append("\">").append(HtmlPage.esc(String.valueOf(
            f.id()))).append("</a></td>");
      }
      for (Object v : f.values()) {
        t.append("<td>").append(v == null ? "" : HtmlPage.esc(ValueText.of(v))).append("</td>");
      }
      if (scenario) {
        t.append("<td>").append(HtmlPage.esc(f.scenarioStatus())).append("</td>");
      }
      t.append("</tr>");
    }
    html.raw(t.append("</table>").toString());
    StringBuilder pager = new StringBuilder("<p class=\"pager\">");
    if (previous != null) {
      pager.append("<a href=\"").append(HtmlPage.esc(withF(previous, "html"))).append("\">← Previous</a>");
    }
    if (next != null) {
      pager.append("<a href=\"").append(HtmlPage.esc(withF(next, "html"))).append("\">Next →</a>");
    }
    html.raw(pager.append("</p>").toString());
    return html.render();
  }

  static String item(String lang, String site, String base, StreamPart part, FeatureRecord f, String self) {
    Layer layer = part.columns().layer();
    List<Link> crumbs = new ArrayList<>(crumbs(base, layer, lang));
    crumbs.add(new Link("self", null, String.valueOf(f.id()), ""));
    HtmlPage html = new HtmlPage(lang, site, layer.meta().title(lang) + " " + f.id(), crumbs, withF(self, "json"));
    html.raw(SvgMap.of(java.util.Collections.singletonList(f.geometry()),
        SupportedCrs.isGeographic(part.crs().srid())));
    StringBuilder t = new StringBuilder("<table>");
    List<Field> fields = part.columns().attributes();
    for (int i = 0; i < fields.size(); i++) {
      Object v = f.values()[i];
      t.append("<tr><th>").append(HtmlPage.esc(fields.get(i).name())).append("</th><td>")
          .append(v == null ? "" : HtmlPage.esc(ValueText.of(v))).append("</td></tr>");
    }
    if (f.geometry() != null) {
      t.append("<tr><th>geometry</th><td>").append(HtmlPage.esc(f.geometry().getGeometryType())).append("</td></tr>");
    }
    html.raw(t.append("</table>").toString());
    return html.render();
  }

  private static List<Link> crumbs(String base, Layer layer, String lang) {
    List<Link> c = new ArrayList<>();
    c.add(new Link("home", null, "Home", base + "/ogc?f=html"));
    c.add(new Link("data", null, "Collections", base + "/ogc/collections?f=html"));
    c.add(new Link("collection", null, layer.meta().title(lang), UrlPaths.collection(base, layer.id()) + "?f=html"));
    c.add(new Link("items", null, "Items", UrlPaths.collection(base, layer.id()) + "/items?f=html"));
    return c;
  }

  /** The URL with its {@code f} parameter set to {@code f}. */
  static String withF(String url, String f) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url + "?f=" + f;
    }
    StringBuilder sb = new StringBuilder(url.substring(0, q + 1));
    for (String pair : url.substring(q + 1).split("&")) {
      if (!pair.isEmpty() && !pair.startsWith("f=")) {
        sb.append(pair).append('&');
      }
    }
    return sb.append("f=").append(f).toString();
  }
}
