package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.Filter;
import vn.citytwin.query.BBox;
import vn.citytwin.query.SortKey;

/**
 * One query of a GetFeature or GetPropertyValue request, resolved against the catalog.
 *
 * @param filter FES/CQL/resource-id filters combined, or null
 * @param properties attribute columns to return (catalog names), or null for all
 * @param geometry whether the geometry property is returned
 * @param crs the output CRS and axis order
 */
record WfsQuery(Layer layer, Filter filter, BBox bbox, List<SortKey> sortBy, List<String> properties,
                boolean geometry, CrsName crs) {}
