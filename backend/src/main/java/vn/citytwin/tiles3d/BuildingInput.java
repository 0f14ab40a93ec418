package vn.citytwin.tiles3d;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Polygon;

/**
 * One building to put into a tile.
 *
 * @param id the building's identifier (used in diagnostics; put it in {@code properties} too if the schema has it)
 * @param footprintLonLat footprint polygon in EPSG:4326 with x = longitude, y = latitude, degrees; holes allowed;
 *     any ring orientation; invalid or degenerate footprints are skipped by the encoder, not rejected here
 * @param groundElevM height of the footprint's base in metres above the WGS 84 ellipsoid
 * @param heightM height from the base to the top of the roof, metres; ≤ 0 or non-finite makes the building skipped
 * @param roof roof shape; {@code null} means {@link RoofShape#FLAT}
 * @param properties metadata values keyed by {@link PropertyDef#name()}; may hold {@code null} values; wrapped
 *     unmodifiable but not copied
 * @param rgba colour as 0xRRGGBBAA in sRGB, alpha 255 = opaque
 * @throws NullPointerException if the footprint is null
 */
public record BuildingInput(long id, Polygon footprintLonLat, double groundElevM, double heightM, RoofShape roof,
    Map<String, Object> properties, int rgba) {

  public BuildingInput {
    Objects.requireNonNull(footprintLonLat, "footprintLonLat");
    roof = roof == null ? RoofShape.FLAT : roof;
    properties = properties == null ? Map.of() : Collections.unmodifiableMap(properties);
  }

  /** Convenience for a stored roof attribute string ({@code "flat"}, {@code "pitched"} or null). */
  public BuildingInput(long id, Polygon footprintLonLat, double groundElevM, double heightM, String roofType,
      Map<String, Object> properties, int rgba) {
    this(id, footprintLonLat, groundElevM, heightM, RoofShape.parse(roofType), properties, rgba);
  }
}
