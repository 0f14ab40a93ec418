package vn.citytwin.core.db;

import java.util.regex.Pattern;

/**
 * Identifier quoting: the one place where a name becomes SQL text. Names come from the catalog (discovered from
 * pg_catalog) or from code, never from a request; quoting still doubles embedded quotes so even a table named
 * {@code a"b} is safe.
 */
public final class Sql {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

  private Sql() {}

  /** {@code "name"} with embedded double quotes doubled. */
  public static String ident(String name) {
    if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a valid SQL identifier: " + name);
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."table"}. */
  public static String qualified(String schema, String table) {
    return ident(schema) + '.' + ident(table);
  }

  /** True for names that need no quoting in PostgreSQL (lower-case letters, digits, underscore). */
  public static boolean isPlain(String name) {
    return name != null && PLAIN.matcher(name).matches();
  }
}
