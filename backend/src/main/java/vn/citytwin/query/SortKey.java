package vn.citytwin.query;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.core.error.ApiException;

/** One ORDER BY key: a property name and a direction. */
public record SortKey(String property, boolean ascending) {

  /**
   * Parses OGC API {@code sortby=+height,-name} and WFS {@code SORTBY=height DESC,name ASC} forms.
   *
   * @param locator the parameter name for errors
   */
  public static List<SortKey> parse(String text, String locator) {
    List<SortKey> keys = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      boolean asc = true;
      if (p.startsWith("-")) {
        asc = false;
        p = p.substring(1);
      } else if (p.startsWith("+")) {
        p = p.substring(1);
      }
      String[] words = p.trim().split("\\s+");
      if (words.length == 2) {
        String dir = words[1].toUpperCase(java.util.Locale.ROOT);
        if (dir.equals("DESC") || dir.equals("D")) {
          asc = false;
        } else if (!dir.equals("ASC") && !dir.equals("A")) {
          throw ApiException.invalidParameter(locator, "Sort direction must be ASC or DESC, got '" + words[1] + "'");
        }
      } else if (words.length != 1) {
        throw ApiException.invalidParameter(locator, "Cannot read sort key '" + part.trim() + "'");
      }
      keys.add(new SortKey(words[0], asc));
    }
    return keys;
  }
}
