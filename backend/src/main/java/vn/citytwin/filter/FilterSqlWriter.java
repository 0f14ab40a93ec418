package vn.citytwin.filter;

import java.util.Objects;
import vn.citytwin.core.error.ApiException;

/**
 * Turns a {@link Filter} into a boolean SQL expression for PostgreSQL/PostGIS with JDBC {@code ?} placeholders.
 * Every value from the filter is a bound parameter (even SRIDs and distances), so the SQL text holds only the
 * trusted field expressions from the {@link FieldResolver} and fixed keywords.
 *
 * <p>Semantics (shared with {@link FilterEvaluator}): literals are type-checked and coerced to the compared field's
 * type ({@link LiteralBinder}); string ordering uses {@code COLLATE "C"} (code point order); case-insensitive
 * comparison and LIKE use {@code lower()}; {@code NOT} is two-valued ({@code NOT COALESCE(p, FALSE)}), so a null
 * value never makes both a predicate and its negation false; predicates without any property are folded to
 * {@code TRUE}/{@code FALSE}. Layer geometry is EPSG:4326: a literal in another CRS is wrapped in
 * {@code ST_Transform(…, 4326)}; BBOX is {@code geom && box AND ST_Intersects(geom, box)}; DWithin/Beyond in linear
 * units measure metres on the ellipsoid ({@code ::geography}), with an index-friendly {@code && ST_Expand} prefilter
 * when it is exact to add one; in degrees they are planar on EPSG:4326. ResourceId matches the property {@code id}.
 */
public final class FilterSqlWriter {
  private FilterSqlWriter() {}

  /**
   * Translates {@code filter} for the layer described by {@code fields}.
   *
   * @throws ApiException INVALID_PARAMETER (locator {@code filter}) for an unknown property (the message lists
   *     some valid ones), a literal that does not fit its property's type, a spatial operator on a non-geometry
   *     property, or a ResourceId on a layer without an {@code id} property
   */
  public static SqlFragment toSql(Filter filter, FieldResolver fields) {
    Objects.requireNonNull(fields, "fields");
    if (filter == null) {
      throw FilterErrors.invalid("Missing filter");
    }
    try {
      SqlTranslator t = new SqlTranslator(fields);
      String sql = t.write(filter, 0);
      return new SqlFragment(sql, t.params());
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw FilterErrors.unexpected(e);
    }
  }
}
