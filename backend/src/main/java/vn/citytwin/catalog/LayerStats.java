package vn.citytwin.catalog;

/**
 * Numbers about a layer's data at one data version: extent in EPSG:4326 (null for an empty layer) and the exact
 * feature count.
 */
public record LayerStats(double[] bbox, long featureCount, long dataVersion) {}
