package vn.citytwin.demo;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import vn.citytwin.demo.GeoJson.Feature;

/**
 * The hand-made anchors of {@code gis-data/} (public facts, estimates marked in the README), read once and typed.
 * All geometries are in {@link LocalFrame} metres. The generator derives everything else from these and the seed.
 */
record Anchors(
    List<LandMass> land,
    List<LinearWater> rivers,
    List<LinearWater> canals,
    List<Lake> lakes,
    List<Hill> hills,
    Geometry airport,
    List<MainRoad> roads,
    List<Zone> zones,
    List<Park> parks,
    List<Landmark> landmarks,
    List<Station> stations,
    List<Hotspot> hotspots,
    List<StreetHint> streetHints,
    List<WardSpec> wards) {

  record LandMass(String name, String kind, boolean inCity, Geometry geometry) {}

  record LinearWater(String name, String kind, double widthM, LineString line) {}

  /** {@code surfaceM}: water-surface elevation written into the DEM (null: leave the terrain as it is). */
  record Lake(String name, Double surfaceM, boolean basin, Geometry geometry) {}

  /**
   * A hill as a smooth dome: height {@code heightM} at the peak falling to 5 m at normalised elliptical radius 1,
   * {@code h(r) = H · exp(−ln(H/5) · r^exponent)}; {@code forest} is the wooded outline.
   */
  record Hill(String name, double peakX, double peakY, double heightM, double semiMajorM, double semiMinorM,
      double azimuthDeg, double exponent, Geometry forest) {}

  record MainRoad(String name, String roadClass, int lanes, double widthM, LineString line) {}

  /** A street grid: u axis at {@code angleDeg} (counter-clockwise from east), lines at u0 + i·blockU, v0 + j·blockV. */
  record GridSpec(double angleDeg, double originX, double originY, double blockU, double blockV, double u0,
      double v0) {}

  record Zone(String code, String landClass, String name, Fabric fabric, Double maxHeight, Double maxFar,
      GridSpec grid, String ribbonRoad, Geometry geometry) {}

  record Park(String name, String kind, Geometry geometry) {}

  record BuildingSpec(String useType, double widthM, double depthM, int levels, double heightM, int yearBuilt,
      String address, Double angleDeg) {}

  record Landmark(String name, String nameEn, String category, String kind, String description,
      BuildingSpec building, Integer beds, String level, Integer students, Point point) {}

  record Station(String code, String name, String kind, Point point) {}

  record Hotspot(String area, String street, Point point) {}

  record StreetHint(String name, Point point) {}

  record WardSpec(String code, String name, String nameEn, String kind, String mergedFrom, double areaKm2,
      int population, Geometry geometry) {}

  /** Reads every anchor file from the class path ({@code gis-data/*.geojson}). */
  static Anchors load() {
    List<Feature> airport = GeoJson.resource("airport");
    return new Anchors(
        GeoJson.resource("coastline").stream()
            .map(f -> new LandMass(f.string("name"), f.string("kind"), f.properties().getBoolean("in_city"),
                f.geometry()))
            .toList(),
        linear(GeoJson.resource("rivers")),
        linear(GeoJson.resource("canals")),
        GeoJson.resource("lakes").stream()
            .map(f -> new Lake(f.string("name"), f.optNumber("surface_m"),
                f.properties().getBoolean("basin", false), f.geometry()))
            .toList(),
        GeoJson.resource("hills").stream().map(Anchors::hill).toList(),
        airport.stream().filter(f -> "airport".equals(f.string("kind"))).findFirst().orElseThrow().geometry(),
        GeoJson.resource("roads").stream()
            .map(f -> new MainRoad(f.string("name"), f.string("class"), (int) f.number("lanes"), f.number("width_m"),
                (LineString) f.geometry()))
            .toList(),
        GeoJson.resource("land_use_zones").stream().map(Anchors::zone).toList(),
        GeoJson.resource("parks").stream().map(f -> new Park(f.string("name"), f.string("kind"), f.geometry()))
            .toList(),
        GeoJson.resource("landmarks").stream().map(Anchors::landmark).toList(),
        GeoJson.resource("sensor_stations").stream()
            .map(f -> new Station(f.string("code"), f.string("name"), f.string("kind"), (Point) f.geometry()))
            .toList(),
        GeoJson.resource("flood_hotspots").stream()
            .map(f -> new Hotspot(f.string("area"), f.string("street"), (Point) f.geometry()))
            .toList(),
        GeoJson.resource("street_hints").stream()
            .map(f -> new StreetHint(f.string("name"), (Point) f.geometry()))
            .toList(),
        GeoJson.resource("wards").stream()
            .map(f -> new WardSpec(f.string("code"), f.string("name"), f.string("name_en"), f.string("kind"),
                f.string("merged_from"), f.number("area_km2"), (int) f.number("population"), f.geometry()))
            .toList());
  }

  private static List<LinearWater> linear(List<Feature> fs) {
    return fs.stream()
        .map(f -> new LinearWater(f.string("name"), f.string("kind"), f.number("width_m"), (LineString) f.geometry()))
        .toList();
  }

  private static Hill hill(Feature f) {
    return new Hill(f.string("name"), LocalFrame.x(f.number("peak_lon")), LocalFrame.y(f.number("peak_lat")),
        f.number("height_m"), f.number("semi_major_m"), f.number("semi_minor_m"), f.number("azimuth_deg"),
        f.number("exponent"), f.geometry());
  }

  private static Zone zone(Feature f) {
    GridSpec grid = null;
    if (f.properties().containsKey("grid_deg")) {
      grid = new GridSpec(f.number("grid_deg"), LocalFrame.x(f.number("grid_lon")), LocalFrame.y(f.number("grid_lat")),
          f.number("block_u"), f.number("block_v"), f.number("u0"), f.number("v0"));
    }
    return new Zone(f.string("zone_code"), f.string("class"), f.string("name"), Fabric.parse(f.string("fabric")),
        f.optNumber("max_height"), f.optNumber("max_far"), grid, f.string("ribbon_road"), f.geometry());
  }

  private static Landmark landmark(Feature f) {
    JsonObject b = f.properties().getJsonObject("building");
    BuildingSpec spec = b == null ? null
        : new BuildingSpec(b.getString("use_type"), b.getDouble("width_m"), b.getDouble("depth_m"),
            b.getInteger("levels"), b.getDouble("height_m"), b.getInteger("year_built"), b.getString("address"),
            b.getDouble("angle_deg"));
    return new Landmark(f.string("name"), f.string("name_en"), f.string("category"), f.string("kind"),
        f.string("description"), spec, f.properties().getInteger("beds"), f.string("level"),
        f.properties().getInteger("students"), (Point) f.geometry());
  }
}
