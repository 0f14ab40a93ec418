package vn.citytwin.ogc.wfs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;

/**
 * The list syntax of WFS 2.0 KVP (§14.2.2.2): a value that applies to several queries is written as parenthesised
 * groups, one per query, e.g. {@code PROPERTYNAME=(name,height)(class)}; a value without parentheses applies to
 * every query.
 */
final class KvpLists {
  /** Between two XML filters: ")(" followed by the next element. */
  private static final Pattern FILTER_SPLIT = Pattern.compile("\\)\\s*\\(\\s*(?=<)");

  private KvpLists() {}

  /**
   * One value per query: the groups of {@code value}, or {@code value} repeated; null (absent) gives nulls.
   *
   * @throws ApiException INVALID_PARAMETER when the number of groups is neither 1 nor {@code queries}
   */
  static List<String> perQuery(String value, int queries, String locator) {
    if (value == null) {
      return Collections.nCopies(queries, null);
    }
    List<String> groups = groups(value, locator);
    return expand(groups, queries, locator);
  }

  /** FILTER: XML filters, one per query, in parentheses when there are several. */
  static List<String> filters(String value, int queries) {
    if (value == null) {
      return Collections.nCopies(queries, null);
    }
    String v = value.trim();
    List<String> groups = new ArrayList<>();
    if (v.startsWith("(") && v.endsWith(")")) {
      for (String part : FILTER_SPLIT.split(v.substring(1, v.length() - 1))) {
        groups.add(part.trim());
      }
    } else {
      groups.add(v);
    }
    return expand(groups, queries, "filter");
  }

  /** Comma-separated items of one group (blank items dropped). */
  static List<String> items(String group) {
    List<String> out = new ArrayList<>();
    if (group == null) {
      return out;
    }
    for (String s : group.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static List<String> expand(List<String> groups, int queries, String locator) {
    if (groups.size() == queries) {
      return groups;
    }
    if (groups.size() == 1) {
      return Collections.nCopies(queries, groups.get(0));
    }
    throw ApiException.invalidParameter(locator, locator + " has " + groups.size() + " lists for " + queries
        + " queries; give one (…) list per type name, or one value for all");
  }

  /** {@code (a,b)(c)} → [a,b ; c]; a value without parentheses is one group. */
  static List<String> groups(String value, String locator) {
    String v = value.trim();
    if (!v.startsWith("(")) {
      return List.of(v);
    }
    List<String> groups = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '(') {
        if (depth++ == 0) {
          start = i + 1;
        }
      } else if (c == ')') {
        if (--depth == 0) {
          groups.add(v.substring(start, i).trim());
        } else if (depth < 0) {
          throw ApiException.invalidParameter(locator, "Unbalanced parentheses in " + locator);
        }
      } else if (depth == 0 && !Character.isWhitespace(c)) {
        throw ApiException.invalidParameter(locator, "Unexpected '" + c + "' between the (…) lists of " + locator);
      }
    }
    if (depth != 0) {
      throw ApiException.invalidParameter(locator, "Unbalanced parentheses in " + locator);
    }
    return groups;
  }
}
