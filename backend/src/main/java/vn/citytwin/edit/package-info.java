/**
 * The one edit model every writer of city features goes through — WFS-T and OGC API – Features Part 4 (base city,
 * {@code features.FeatureEditService}), scenario edits ({@code planning.edits}) and, next, the importer: the GeoJSON
 * geometry reader ({@link vn.citytwin.edit.GeoJsonGeometry}; GML is {@code filter.GmlReader}), the validator of a
 * feature's values and geometry against its layer ({@link vn.citytwin.edit.FeatureValidator}), and the checks only
 * the database can make ({@link vn.citytwin.edit.RowCheck}: the layer's NOT NULL/CHECK constraints on a temporary
 * copy of its table; {@link vn.citytwin.edit.CityBoundary}: inside the city). It sits one floor below the protocols,
 * {@code features} and {@code planning}, because all of them write through it and none may own it: a rule fixed
 * here reaches every writer. It imports only {@code catalog}, {@code scenario}, {@code filter} (CRS names) and
 * {@code core}, knows no request format (adapters parse theirs into values, a geometry and an {@link
 * vn.citytwin.edit.EditLocator}) and writes nothing itself.
 */
package vn.citytwin.edit;
