package vn.citytwin.sensors.sta.query;

/**
 * A navigation property from one entity type to another. {@code from} is the FROM item of the target, alias
 * {@code {t}} (with a link table aliased {@code {x}} for many-to-many), {@code where} joins it to the source alias
 * {@code {s}}. Both come from code only.
 *
 * @param childColumn for a to-many navigation whose target carries the foreign key ({@code datastream.thing_id}):
 *     that column, so a child created through the navigation points at the parent; null otherwise
 * @param linkTable for many-to-many: the link table and its source and target columns, else null
 */
public record Nav(String name, String target, boolean many, String from, String where, String childColumn,
                  String[] linkTable) {

  /** The FROM item with aliases. */
  public String from(String t, String x) {
    return from.replace("{t}", t).replace("{x}", x);
  }

  public String where(String s, String t, String x) {
    return where.replace("{s}", s).replace("{t}", t).replace("{x}", x);
  }

  /** True when the join needs only the source's id (so a known parent id can be bound instead). */
  public boolean needsOnlySourceId() {
    return where.replace("{s}.id", "").indexOf("{s}") < 0;
  }
}
