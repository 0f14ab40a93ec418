/** The deterministic synthetic Vũng Tàu pilot city: generator (anchors from gis-data/ plus seeded layout) and its PostGIS loader. */
package vn.citytwin.demo;
