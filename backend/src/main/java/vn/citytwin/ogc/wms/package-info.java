/** OGC WMS 1.1.1 and 1.3.0: GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic over the one read path. */
package vn.citytwin.ogc.wms;
