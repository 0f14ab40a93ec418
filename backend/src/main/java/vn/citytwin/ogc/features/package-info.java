/** OGC API – Features at /ogc: the HTTP adapter over the feature engine in {@code vn.citytwin.features}. */
package vn.citytwin.ogc.features;
