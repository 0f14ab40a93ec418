/** Mapbox vector tiles from PostGIS (ST_AsMVT), TileJSON, OGC API Tiles, and the tile cache. */
package vn.citytwin.tiles;
