/** OGC WFS 2.0 and 1.1.0 (KVP and XML POST): capabilities, schemas, GetFeature, stored queries, transactions. */
package vn.citytwin.ogc.wfs;
