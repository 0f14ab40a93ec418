package vn.citytwin.tiles3d;

import org.locationtech.jts.geom.Polygon;

/**
 * Turns one building into triangles in a {@link TileMesh}: its footprint extruded from the ground elevation to
 * ground + height, with walls, a roof and optionally a floor, all in the builder's {@link LocalFrame}.
 *
 * <ul>
 *   <li>Walls: one quad (two triangles, four own vertices, so shading is flat) per footprint edge, shell and holes,
 *       front faces and normals pointing out of the solid.
 *   <li>Roof: {@link RoofShape#FLAT} is the footprint triangulated at ground + height, normals up;
 *       {@link RoofShape#HIPPED} is built by {@link HippedRoof} where the footprint allows, flat otherwise.
 *   <li>Floor (option): the footprint at ground level facing down.
 * </ul>
 *
 * <p>Every vertex is placed exactly: the base through ECEF at its own longitude/latitude, the top by moving along
 * the ellipsoid normal at that point, so ellipsoidal heights are exact and walls are truly vertical. Not
 * thread-safe (it reuses scratch arrays); use one builder per tile being built.
 */
public final class BuildingMeshBuilder {

  /**
   * @param floor also emit the downward-facing floor (invisible from above ground; off by default)
   * @param roofPitchDeg pitch of hipped roof faces, degrees in (0, 80]
   */
  public record Options(boolean floor, double roofPitchDeg) {
    public static final Options DEFAULT = new Options(false, 30);

    public Options {
      if (!(roofPitchDeg > 0 && roofPitchDeg <= 80)) {
        throw new IllegalArgumentException("roofPitchDeg must be in (0, 80]");
      }
    }
  }

  /** What happened to a building. */
  public enum Result {
    ADDED,
    /** Fewer than 3 distinct points, no area, or a non-positive/non-finite height or elevation: nothing added. */
    DEGENERATE,
    /** The footprint is not a valid polygon (it self-intersects, a hole leaves the shell…): nothing added. */
    INVALID
  }

  private final LocalFrame frame;
  private final Options options;
  private final FootprintTriangulator triangulator;
  private final FootprintRings rings = new FootprintRings();
  private final HippedRoof hippedRoof = new HippedRoof();

  public BuildingMeshBuilder(LocalFrame frame, Options options, FootprintTriangulator triangulator) {
    this.frame = frame;
    this.options = options;
    this.triangulator = triangulator;
  }

  public BuildingMeshBuilder(LocalFrame frame) {
    this(frame, Options.DEFAULT, FootprintTriangulator.defaultTriangulator());
  }

  /** Adds the building's own footprint as feature {@code featureId}; the mesh is untouched unless ADDED. */
  public Result add(BuildingInput building, int featureId, TileMesh mesh) {
    return add(building.footprintLonLat(), building, featureId, mesh);
  }

  /**
   * Adds {@code footprintLonLat} (the building's footprint or one part of a repaired one) with the building's
   * elevation, height, roof and colour as feature {@code featureId}.
   */
  public Result add(Polygon footprintLonLat, BuildingInput building, int featureId, TileMesh mesh) {
    double height = building.heightM();
    if (!(height > 0) || !Double.isFinite(height) || !Double.isFinite(building.groundElevM())) {
      return Result.DEGENERATE;
    }
    if (!rings.load(footprintLonLat, frame, building.groundElevM())) {
      return Result.DEGENERATE;
    }
    int[] roofTriangles = triangulator.triangulate(rings.x, rings.y, rings.ringStart, rings.ringCount);
    if (roofTriangles == null) {
      return Result.INVALID;
    }
    long color = SrgbColor.toLinear16(building.rgba());
    double wallHeight = height;
    if (building.roof() == RoofShape.HIPPED) {
      double eaves = hippedRoof.eaveHeight(rings, height, options.roofPitchDeg());
      if (eaves > 0) {
        hippedRoof.emit(rings, eaves, height, color, featureId, mesh);
        wallHeight = eaves;
      } else {
        addFlatRoof(roofTriangles, height, color, featureId, mesh);
      }
    } else {
      addFlatRoof(roofTriangles, height, color, featureId, mesh);
    }
    addWalls(wallHeight, color, featureId, mesh);
    if (options.floor()) {
      addFloor(roofTriangles, color, featureId, mesh);
    }
    return Result.ADDED;
  }

  private void addWalls(double wallHeight, long color, int featureId, TileMesh mesh) {
    double[] x = rings.x;
    double[] y = rings.y;
    double[] z = rings.z;
    double[] ux = rings.ux;
    double[] uy = rings.uy;
    double[] uz = rings.uz;
    for (int r = 0; r < rings.ringCount; r++) {
      int s = rings.ringStart[r];
      int e = rings.ringStart[r + 1];
      for (int a = s; a < e; a++) {
        int b = a + 1 == e ? s : a + 1;
        double atx = x[a] + ux[a] * wallHeight;
        double aty = y[a] + uy[a] * wallHeight;
        double atz = z[a] + uz[a] * wallHeight;
        double btx = x[b] + ux[b] * wallHeight;
        double bty = y[b] + uy[b] * wallHeight;
        double btz = z[b] + uz[b] * wallHeight;
        // Outward normal = along-edge × up-the-wall (shell CCW and holes CW make this outward for both).
        double ex = x[b] - x[a];
        double ey = y[b] - y[a];
        double ez = z[b] - z[a];
        double vx = atx - x[a];
        double vy = aty - y[a];
        double vz = atz - z[a];
        double nx = ey * vz - ez * vy;
        double ny = ez * vx - ex * vz;
        double nz = ex * vy - ey * vx;
        int v0 = mesh.addVertex(x[a], y[a], z[a], nx, ny, nz, color, featureId);
        int v1 = mesh.addVertex(x[b], y[b], z[b], nx, ny, nz, color, featureId);
        int v2 = mesh.addVertex(btx, bty, btz, nx, ny, nz, color, featureId);
        int v3 = mesh.addVertex(atx, aty, atz, nx, ny, nz, color, featureId);
        mesh.addTriangle(v0, v1, v2);
        mesh.addTriangle(v0, v2, v3);
      }
    }
  }

  private void addFlatRoof(int[] triangles, double height, long color, int featureId, TileMesh mesh) {
    int base = mesh.vertexCount();
    int n = rings.vertexCount();
    for (int i = 0; i < n; i++) {
      mesh.addVertex(rings.x[i] + rings.ux[i] * height, rings.y[i] + rings.uy[i] * height,
          rings.z[i] + rings.uz[i] * height, rings.ux[i], rings.uy[i], rings.uz[i], color, featureId);
    }
    for (int t = 0; t < triangles.length; t += 3) {
      mesh.addTriangle(base + triangles[t], base + triangles[t + 1], base + triangles[t + 2]);
    }
  }

  private void addFloor(int[] triangles, long color, int featureId, TileMesh mesh) {
    int base = mesh.vertexCount();
    int n = rings.vertexCount();
    for (int i = 0; i < n; i++) {
      mesh.addVertex(rings.x[i], rings.y[i], rings.z[i], -rings.ux[i], -rings.uy[i], -rings.uz[i], color, featureId);
    }
    for (int t = 0; t < triangles.length; t += 3) { // reversed: the floor faces down
      mesh.addTriangle(base + triangles[t], base + triangles[t + 2], base + triangles[t + 1]);
    }
  }
}
