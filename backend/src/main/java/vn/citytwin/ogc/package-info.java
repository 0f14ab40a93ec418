/** OGC protocol infrastructure shared by WMS, WFS and the OGC API parts. */
package vn.citytwin.ogc;
