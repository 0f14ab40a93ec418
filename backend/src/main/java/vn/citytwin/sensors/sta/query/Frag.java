package vn.citytwin.sensors.sta.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL with the values it binds, in order. Fragments compose by concatenation, so an expression used twice
 * binds its values twice and the order of {@code ?} always matches the order of values.
 */
public record Frag(String sql, List<Object> params) {
  public Frag {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  public static Frag sql(String sql) {
    return new Frag(sql, List.of());
  }

  /** One bound value, written {@code ?} plus an optional cast ({@code ?::text}). */
  public static Frag bind(Object value, String cast) {
    List<Object> p = new ArrayList<>(1);
    p.add(value);
    return new Frag(cast == null ? "?" : "?::" + cast, p);
  }

  /** Concatenates Strings (code) and Frags in order. */
  public static Frag of(Object... parts) {
    StringBuilder sb = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Frag f) {
        sb.append(f.sql);
        params.addAll(f.params);
      } else {
        sb.append((String) part);
      }
    }
    return new Frag(sb.toString(), params);
  }

  /** Joins fragments with a separator (code). */
  public static Frag join(String separator, List<Frag> parts) {
    Object[] all = new Object[Math.max(0, parts.size() * 2 - 1)];
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        all[2 * i - 1] = separator;
      }
      all[2 * i] = parts.get(i);
    }
    return of(all);
  }
}
