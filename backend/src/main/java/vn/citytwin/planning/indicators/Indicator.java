package vn.citytwin.planning.indicators;

/**
 * One indicator value.
 *
 * @param id stable id ({@code gfa}, {@code gfa.residential}, {@code access.primary_school}, …)
 * @param value the value, or null when undefined (a ratio over zero)
 * @param unit {@code m²}, {@code %}, {@code ratio}, {@code persons}, {@code jobs}, {@code m²/person}, {@code m},
 *     {@code buildings}
 */
public record Indicator(String id, Double value, String unit, Text label, Text definition) {}
