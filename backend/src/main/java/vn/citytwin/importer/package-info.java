/**
 * Imports and exports of GIS files (issue #14): GDAL's {@code ogr2ogr} (run as a process, arguments as a list)
 * reads a file into a staging table of schema {@code import_staging}; every staged row passes the edit model
 * ({@code vn.citytwin.edit}: {@code FeatureValidator}, {@code CityBoundary}, {@code RowCheck}) and the accepted rows
 * are written into {@code city.<layer>} in one transaction; the catalog then discovers the table. VN-2000 data is
 * reprojected with the official seven-parameter transformation ({@link vn.citytwin.importer.CrsResolver}). Exports
 * stream GeoJSON/CSV from the feature engine and convert it with {@code ogr2ogr} for the binary formats. The HTTP
 * face is {@link vn.citytwin.importer.ImportExportRoutes} alone, the CLI {@link vn.citytwin.importer.ImportCommand}.
 */
package vn.citytwin.importer;
