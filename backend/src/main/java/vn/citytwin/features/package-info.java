/**
 * The feature engine every feature protocol and export shares, one floor below the protocols: a {@code LayerQuery}
 * streamed from a cursor ({@code FeatureService}, {@code StreamPlan}/{@code StreamSql}) through a {@code FeatureEncoder}
 * (GeoJSON, CSV here; GML in {@code ogc.wfs}) into a back-pressured {@code ResponseSink}; base-city edits
 * ({@code FeatureEditService}); the rows WMS draws and identifies ({@code FeatureRows}); capabilities extents
 * ({@code LayerExtents}); the GeoJSON geometry writer and the coordinate formats of the offered CRSs. Knows no HTTP
 * request and no protocol: OGC API Features, WFS, SensorThings and exports are adapters over it.
 */
package vn.citytwin.features;
