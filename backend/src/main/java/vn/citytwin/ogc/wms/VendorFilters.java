package vn.citytwin.ogc.wms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.Cql2Parser;
import vn.citytwin.filter.FesParser;
import vn.citytwin.filter.Filter;

/**
 * GeoServer's vendor filters on GetMap and GetFeatureInfo: {@code CQL_FILTER} (CQL2 text / ECQL; one filter for
 * every LAYERS entry, or one per entry separated by {@code ;}) and {@code FILTER} (Filter Encoding 1.0/1.1 XML;
 * one, or one per entry each in parentheses: {@code (<Filter>…</Filter>)(<Filter>…</Filter>)}). An entry
 * {@code INCLUDE} or empty leaves that layer unfiltered. Geometry literals are lon/lat (EPSG:4326), like the
 * layers' storage. The two parameters are exclusive.
 */
public final class VendorFilters {
  private VendorFilters() {}

  /**
   * The filter of each LAYERS entry (null where none).
   *
   * @param entries the number of LAYERS entries
   * @throws ApiException INVALID_PARAMETER with locator CQL_FILTER or FILTER
   */
  public static List<Filter> parse(KvpParams p, int entries) {
    String cql = p.get("CQL_FILTER").orElse(null);
    String fe = p.get("FILTER").orElse(null);
    if (cql != null && fe != null) {
      throw ApiException.invalidParameter("FILTER", "CQL_FILTER and FILTER cannot be used together");
    }
    if (cql != null) {
      return perEntry(splitCql(cql), entries, "CQL_FILTER", VendorFilters::cql);
    }
    if (fe != null) {
      return perEntry(splitXml(fe), entries, "FILTER", VendorFilters::xml);
    }
    return Collections.nCopies(entries, null);
  }

  private static List<Filter> perEntry(List<String> texts, int entries, String locator,
      java.util.function.Function<String, Filter> parser) {
    if (texts.size() != 1 && texts.size() != entries) {
      throw ApiException.invalidParameter(locator, locator + " has " + texts.size() + " filters for " + entries
          + " layers: give one for all layers or one per layer");
    }
    List<Filter> out = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      String t = texts.get(texts.size() == 1 ? 0 : i).trim();
      if (t.isEmpty() || t.toUpperCase(Locale.ROOT).equals("INCLUDE")) {
        out.add(null);
        continue;
      }
      try {
        out.add(parser.apply(t));
      } catch (ApiException e) {
        throw new ApiException(e.kind(), null, locator, e.getMessage(), e);
      }
    }
    return out;
  }

  private static Filter cql(String text) {
    return Cql2Parser.parse(text);
  }

  private static Filter xml(String text) {
    return FesParser.parse(text);
  }

  /** Splits on {@code ;} outside single- or double-quoted strings ('' and "" escape a quote). */
  static List<String> splitCql(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        cur.append(ch);
        if (ch == quote) {
          if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
            cur.append(text.charAt(++i));
          } else {
            quote = 0;
          }
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        cur.append(ch);
      } else if (ch == ';') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /**
   * Splits {@code (<a/>)(<b/>)} into its documents; text not starting with {@code (} is one document. A
   * segment ends at the {@code )} that follows the end of its root element, so parentheses inside literals are
   * kept.
   */
  static List<String> splitXml(String text) {
    String t = text.trim();
    if (!t.startsWith("(")) {
      return List.of(t);
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      if (t.charAt(i) != '(') {
        throw ApiException.invalidParameter("FILTER", "FILTER lists must be parenthesised: (<Filter>…</Filter>)(…)");
      }
      int end = segmentEnd(t, i + 1);
      out.add(t.substring(i + 1, end).trim());
      i = end + 1;
      while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
    }
    return out;
  }

  /** Index of the ')' closing the segment starting at {@code from}. */
  private static int segmentEnd(String t, int from) {
    int k = from;
    while (true) {
      int close = t.indexOf(')', k);
      if (close < 0) {
        throw ApiException.invalidParameter("FILTER", "Unbalanced parentheses in FILTER");
      }
      String before = t.substring(from, close).stripTrailing();
      String after = t.substring(close + 1).stripLeading();
      boolean rootClosed = before.endsWith("Filter>") || before.isEmpty();
      if (rootClosed && (after.isEmpty() || after.startsWith("("))) {
        return close;
      }
      k = close + 1;
    }
  }
}
