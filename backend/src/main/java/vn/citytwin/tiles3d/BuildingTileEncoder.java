package vn.citytwin.tiles3d;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Encodes the buildings of one tile as a 3D Tiles 1.1 glb: extruded footprints in a local ENU frame, one feature
 * per building, and a property table driven by a {@link PropertySchema}.
 *
 * <p>Buildings whose footprint is degenerate (fewer than 3 distinct points, no area) or whose height is not
 * positive are skipped. An invalid footprint (self-intersecting, hole outside the shell…) is repaired with JTS's
 * {@link GeometryFixer} and each resulting part meshed as the same feature; if nothing usable remains it is
 * skipped. (Repair is tried for every footprint that fails as is, since a figure-of-eight ring looks area-less.) Skipping never fails the tile; the skipped ids are reported. Feature ids are assigned 0, 1, 2… to the
 * buildings kept, in input order, and row i of the property table holds building i's {@code properties()}.
 * Pure and thread-safe (each call uses its own scratch state).
 */
public final class BuildingTileEncoder {

  /**
   * The encoded tile.
   *
   * @param glb the glb bytes
   * @param frame the local frame the vertices are in; {@code frame.enuToEcef()} is the tile {@code transform}
   * @param contentRegion region holding every kept building (footprint extent, ground to top); null if none kept
   * @param featureCount number of buildings kept (= property table rows)
   * @param skippedIds ids of the buildings left out
   */
  public record EncodedTile(byte[] glb, LocalFrame frame, BoundingRegion contentRegion, int featureCount,
      List<Long> skippedIds) {
    /** The tile transform (ENU → ECEF, column-major 4×4) to put in tileset.json. */
    public double[] transform() {
      return frame.enuToEcef();
    }
  }

  private BuildingTileEncoder() {}

  /**
   * Encodes with the frame centred on the buildings' lon/lat extent at height 0. Prefer
   * {@link #encode(List, PropertySchema, LocalFrame, BuildingMeshBuilder.Options)} with a frame derived from the
   * tile's bounds when tileset.json must state the transform before the content is built.
   */
  public static EncodedTile encode(List<BuildingInput> buildings, PropertySchema schema) {
    Envelope env = new Envelope();
    for (BuildingInput b : buildings) {
      env.expandToInclude(b.footprintLonLat().getEnvelopeInternal());
    }
    LocalFrame frame = env.isNull() ? LocalFrame.at(0, 0, 0) : LocalFrame.at(env.centre().x, env.centre().y, 0);
    return encode(buildings, schema, frame, BuildingMeshBuilder.Options.DEFAULT);
  }

  /**
   * Encodes the buildings in the given frame.
   *
   * @throws IllegalArgumentException if a kept building's properties do not fit the schema (a required value
   *     missing, a value out of its type's range); the message names the building id
   */
  public static EncodedTile encode(List<BuildingInput> buildings, PropertySchema schema, LocalFrame frame,
      BuildingMeshBuilder.Options options) {
    return encode(buildings, schema, frame, options, true);
  }

  /** As above; {@code quantize} false writes float positions and normals whatever the size (tests compare). */
  static EncodedTile encode(List<BuildingInput> buildings, PropertySchema schema, LocalFrame frame,
      BuildingMeshBuilder.Options options, boolean quantize) {
    TileMesh mesh = new TileMesh();
    PropertyTable table = new PropertyTable(schema);
    BuildingMeshBuilder builder = new BuildingMeshBuilder(frame, options, FootprintTriangulator.defaultTriangulator());
    List<Long> skipped = new ArrayList<>();
    double west = Double.POSITIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (BuildingInput b : buildings) {
      int feature = table.count();
      BuildingMeshBuilder.Result result = builder.add(b, feature, mesh);
      if (result != BuildingMeshBuilder.Result.ADDED && b.heightM() > 0 && Double.isFinite(b.heightM())
          && Double.isFinite(b.groundElevM())) {
        // Invalid, or "degenerate" only because a self-intersection cancels the area (a figure of eight).
        result = addRepaired(builder, b, feature, mesh);
      }
      if (result != BuildingMeshBuilder.Result.ADDED) {
        skipped.add(b.id());
        continue;
      }
      try {
        table.addRow(b.properties());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("building " + b.id() + ": " + e.getMessage(), e);
      }
      Envelope env = b.footprintLonLat().getEnvelopeInternal();
      west = Math.min(west, env.getMinX());
      east = Math.max(east, env.getMaxX());
      south = Math.min(south, env.getMinY());
      north = Math.max(north, env.getMaxY());
      low = Math.min(low, b.groundElevM());
      high = Math.max(high, b.groundElevM() + b.heightM());
    }
    BoundingRegion region = table.count() == 0 ? null
        : BoundingRegion.fromDegrees(west, south, east, north, low, high);
    return new EncodedTile(GlbWriter.write(mesh, table, quantize), frame, region, table.count(), List.copyOf(skipped));
  }

  private static BuildingMeshBuilder.Result addRepaired(BuildingMeshBuilder builder, BuildingInput b, int feature,
      TileMesh mesh) {
    Geometry fixed = GeometryFixer.fix(b.footprintLonLat());
    BuildingMeshBuilder.Result result = BuildingMeshBuilder.Result.INVALID;
    for (int i = 0; i < fixed.getNumGeometries(); i++) {
      if (fixed.getGeometryN(i) instanceof Polygon part
          && builder.add(part, b, feature, mesh) == BuildingMeshBuilder.Result.ADDED) {
        result = BuildingMeshBuilder.Result.ADDED;
      }
    }
    return result;
  }
}
