package vn.citytwin.ogc;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import vn.citytwin.catalog.LayerLinks.Link;

/**
 * The HTML face of the OGC API for people with a browser: a small self-contained page (inline CSS, no scripts, no
 * external resources) with breadcrumbs and a link to the JSON form of the same resource. Text is always escaped.
 */
public final class HtmlPage {
  public static final String MEDIA_TYPE = "text/html; charset=utf-8";
  private static final String CSS = "body{font-family:system-ui,'Noto Sans',sans-serif;margin:0;color:#1b2a35;"
      + "background:#f6f8fa}header{background:#0b4f6c;color:#fff;padding:.8em 1.5em}header a{color:#cfe8f3}"
      + "main{padding:1em 1.5em;max-width:1200px}nav.crumbs{font-size:.9em;margin-bottom:.5em}"
      + "table{border-collapse:collapse;background:#fff;font-size:.9em}th,td{border:1px solid #d0d7de;"
      + "padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eef2f5}a{color:#0b4f6c}"
      + ".muted{color:#57606a}.map{background:#fff;border:1px solid #d0d7de;margin:.5em 0;max-width:100%}"
      + ".pager a{margin-right:1em}code{background:#eef2f5;padding:0 .2em}";

  private final StringBuilder out = new StringBuilder(16 * 1024);

  /**
   * Starts a page.
   *
   * @param crumbs breadcrumb links, outermost first (the last one is the page itself)
   * @param jsonHref the same resource as JSON
   */
  public HtmlPage(String lang, String siteTitle, String title, List<Link> crumbs, String jsonHref) {
    out.append("<!DOCTYPE html>\n<html lang=\"").append(esc(lang)).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(esc(title)).append(" – ").append(esc(siteTitle)).append("</title><style>").append(CSS)
        .append("</style></head><body><header><strong>").append(esc(siteTitle)).append("</strong></header><main>");
    out.append("<nav class=\"crumbs\">");
    for (int i = 0; i < crumbs.size(); i++) {
      if (i > 0) {
        out.append(" / ");
      }
      Link c = crumbs.get(i);
      if (i == crumbs.size() - 1) {
        out.append(esc(c.title()));
      } else {
        out.append("<a href=\"").append(esc(c.href())).append("\">").append(esc(c.title())).append("</a>");
      }
    }
    if (jsonHref != null) {
      out.append(" · <a href=\"").append(esc(jsonHref)).append("\">JSON</a>");
    }
    out.append("</nav><h1>").append(esc(title)).append("</h1>");
  }

  /** Appends raw HTML (callers escape every piece of text with {@link #esc}). */
  public HtmlPage raw(String html) {
    out.append(html);
    return this;
  }

  /** Appends an escaped paragraph. */
  public HtmlPage paragraph(String text) {
    if (text != null && !text.isBlank()) {
      out.append("<p>").append(esc(text)).append("</p>");
    }
    return this;
  }

  /** A list of links. */
  public HtmlPage links(List<Link> links) {
    out.append("<ul>");
    for (Link l : links) {
      out.append("<li><a href=\"").append(esc(l.href())).append("\">").append(esc(l.title())).append("</a>");
      if (l.type() != null) {
        out.append(" <span class=\"muted\">(").append(esc(l.type())).append(")</span>");
      }
      out.append("</li>");
    }
    out.append("</ul>");
    return this;
  }

  public String render() {
    return out.append("</main></body></html>\n").toString();
  }

  /** Sends the page. */
  public void send(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", MEDIA_TYPE).end(render());
  }

  /** Escapes text for element content and double-quoted attributes. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Whether the client wants HTML: {@code f=html}, or no {@code f} and an Accept header that lists text/html
   * (browsers); {@code f=json} and every other client get JSON.
   */
  public static boolean wanted(RoutingContext ctx) {
    String f = ctx.request().getParam("f");
    if (f != null) {
      return f.equalsIgnoreCase("html");
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }
}
