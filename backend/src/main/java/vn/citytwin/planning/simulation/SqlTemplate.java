package vn.citytwin.planning.simulation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.citytwin.core.db.SqlResource;
import vn.citytwin.core.db.SqlStatement;

/**
 * A query kept as a {@code .sql} resource whose row sources are scenario-dependent: {@code {{layer}}} stands for
 * that layer's features in the run's scenario (a parenthesised subquery of the one read path with its own bound
 * parameters, {@link RunContext#source}) and {@code ?} for a value. Rendering walks the text once, left to right,
 * so the parameters end up in placeholder order. Templates must not contain {@code ?} anywhere else (no jsonb
 * {@code ?} operators, no question marks in comments).
 */
public final class SqlTemplate {
  private final String name;
  private final String text;

  private SqlTemplate(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** Loads {@code sql/simulation/<name>.sql}. */
  public static SqlTemplate load(String name) {
    return new SqlTemplate(name, SqlResource.load("sql/simulation/" + name + ".sql"));
  }

  public static SqlTemplate of(String name, String text) {
    return new SqlTemplate(name, text);
  }

  /**
   * @param sources the row source of each {@code {{name}}} placeholder (a parenthesised subquery)
   * @param values the values of the {@code ?} placeholders, in order
   * @throws IllegalStateException when a placeholder has no source or the value count does not match (a bug)
   */
  public SqlStatement render(Map<String, SqlStatement> sources, List<?> values) {
    StringBuilder sql = new StringBuilder(text.length() + 512);
    List<Object> params = new ArrayList<>();
    Iterator<?> next = values.iterator();
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '?') {
        if (!next.hasNext()) {
          throw new IllegalStateException(name + ": more ? than values");
        }
        params.add(next.next());
        sql.append('?');
        i++;
      } else if (ch == '{' && text.startsWith("{{", i)) {
        int end = text.indexOf("}}", i);
        String key = text.substring(i + 2, end).trim();
        SqlStatement f = sources.get(key);
        if (f == null) {
          throw new IllegalStateException(name + ": no row source for {{" + key + "}}");
        }
        sql.append(f.sql());
        params.addAll(f.params());
        i = end + 2;
      } else {
        sql.append(ch);
        i++;
      }
    }
    if (next.hasNext()) {
      throw new IllegalStateException(name + ": more values than ?");
    }
    return new SqlStatement(sql.toString(), params);
  }
}
