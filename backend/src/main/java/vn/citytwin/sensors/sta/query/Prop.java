package vn.citytwin.sensors.sta.query;

/**
 * One property of an entity type: its STA name, kind and SQL. {@code sql} (and {@code endSql} for intervals) are
 * templates over the entity's table alias, written {@code {e}}; they come from code only.
 *
 * @param writable whether clients may set it (create and PATCH)
 */
public record Prop(String name, PropKind kind, String sql, String endSql, boolean writable) {
  public static Prop of(String name, PropKind kind, String column) {
    return new Prop(name, kind, "{e}." + column, null, true);
  }

  /** The SQL with the alias filled in. */
  public String sql(String alias) {
    return sql.replace("{e}", alias);
  }

  public String endSql(String alias) {
    return endSql == null ? null : endSql.replace("{e}", alias);
  }

  /** The plain column written on create/update (the template's single {@code {e}.column}), or null. */
  public String column() {
    return sql.startsWith("{e}.") && sql.indexOf(' ') < 0 ? sql.substring(4) : null;
  }

  public String endColumn() {
    return endSql != null && endSql.startsWith("{e}.") && endSql.indexOf(' ') < 0 ? endSql.substring(4) : null;
  }
}
