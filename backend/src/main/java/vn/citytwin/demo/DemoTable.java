package vn.citytwin.demo;

import java.util.List;

/** The tables the demo city fills, in load order, with their COPY column lists (see V2__city_layers.sql). */
public enum DemoTable {
  WARDS("city", "wards", "id", "code", "name", "name_en", "kind", "merged_from", "area_km2", "population", "geom"),
  LAND_USE("city", "land_use", "id", "zone_code", "class", "name", "max_height", "max_far", "geom"),
  WATER("city", "water", "id", "name", "kind", "geom"),
  ROADS("city", "roads", "id", "name", "class", "lanes", "oneway", "width", "geom"),
  BUILDINGS("city", "buildings", "id", "name", "use_type", "levels", "height", "ward", "year_built", "ground_elev",
      "address", "geom"),
  PARKS("city", "parks", "id", "name", "kind", "geom"),
  SCHOOLS("city", "schools", "id", "name", "level", "students", "ward", "geom"),
  HOSPITALS("city", "hospitals", "id", "name", "kind", "beds", "ward", "geom"),
  MARKETS("city", "markets", "id", "name", "ward", "geom"),
  HOTELS("city", "hotels", "id", "name", "stars", "rooms", "ward", "geom"),
  TOURIST_SITES("city", "tourist_sites", "id", "name", "name_en", "kind", "description", "geom"),
  CAMERAS("city", "cameras", "id", "code", "kind", "ward", "geom"),
  SENSOR_STATIONS("city", "sensor_stations", "id", "code", "name", "kind", "ward", "geom"),
  FLOOD_REPORTS("city", "flood_reports", "id", "street", "depth_cm", "reported_at", "duration_min", "geom"),
  DEM("terrain", "dem", "id", "name", "ncols", "nrows", "west", "south", "cell_deg", "heights");

  private final String schema;
  private final String table;
  private final List<String> columns;

  DemoTable(String schema, String table, String... columns) {
    this.schema = schema;
    this.table = table;
    this.columns = List.of(columns);
  }

  public String schema() {
    return schema;
  }

  public String table() {
    return table;
  }

  public List<String> columns() {
    return columns;
  }

  /** {@code schema.table}, for file names and messages. */
  public String qualifiedName() {
    return schema + "." + table;
  }

  /** True for the feature layers of the {@code city} schema (the ones with a catalog row). */
  public boolean isCityLayer() {
    return schema.equals("city");
  }
}
