package vn.citytwin.features;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from the database.
 *
 * @param id the id column's value, or null when the layer has no id column
 * @param values attribute values aligned with {@link FeatureColumns#attributes()}: String, Long, Double, BigDecimal,
 *     Boolean, LocalDate, OffsetDateTime (UTC), LocalDateTime or null
 * @param geometry x=east/y=north in the stream's output CRS, or null (not requested, or null in the table)
 * @param scenarioStatus {@code base}, {@code add} or {@code modify}
 */
public record FeatureRecord(Object id, Object[] values, Geometry geometry, String scenarioStatus) {}
