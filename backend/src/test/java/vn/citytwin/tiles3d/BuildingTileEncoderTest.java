package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class BuildingTileEncoderTest {
  static final double GROUND = 5.0;
  static final double HEIGHT = 18.5;
  static final PropertySchema SCHEMA = PropertySchema.buildings();
  static final Polygon L = TestBuildings.lShapeWithHole(0, 0);

  static BuildingInput knownBuilding() {
    return new BuildingInput(42, L, GROUND, HEIGHT, "flat",
        TestBuildings.props(42, "Khách sạn Rạch Dừa", "hotel", 6, HEIGHT, 1998, "Rạch Dừa", null), 0xC8553DFF);
  }

  static DecodedTile encodeOne(BuildingInput b) {
    return new DecodedTile(BuildingTileEncoder.encode(List.of(b), SCHEMA));
  }

  @Test
  void everyVertexLiesOnTheFootprintAtGroundOrRoofWithin1cm() {
    DecodedTile tile = encodeOne(knownBuilding());
    List<Coordinate> ringCorners = new ArrayList<>();
    for (int r = 0; r <= L.getNumInteriorRing(); r++) {
      Coordinate[] ring = (r == 0 ? L.getExteriorRing() : L.getInteriorRingN(r - 1)).getCoordinates();
      ringCorners.addAll(List.of(ring).subList(0, ring.length - 1)); // without the closing point
    }
    Coordinate[] corners = ringCorners.toArray(Coordinate[]::new);
    boolean[][] hit = new boolean[corners.length][2];

    for (int v = 0; v < tile.vertexCount; v++) {
      double best = Double.POSITIVE_INFINITY;
      int bestCorner = -1;
      int bestLevel = -1;
      for (int c = 0; c < corners.length; c++) {
        for (int level = 0; level < 2; level++) {
          double[] expected = Ecef.fromDegrees(corners[c].x, corners[c].y, GROUND + level * HEIGHT);
          double d = dist(expected, tile.ecef[v]);
          if (d < best) {
            best = d;
            bestCorner = c;
            bestLevel = level;
          }
        }
      }
      assertThat(best).as("vertex %d distance to the nearest footprint corner", v).isLessThan(0.01);
      hit[bestCorner][bestLevel] = true;
      assertThat(tile.lonLatH[v][2]).isCloseTo(bestLevel == 0 ? GROUND : GROUND + HEIGHT, within(0.01));
    }
    for (int c = 0; c < corners.length; c++) {
      assertThat(hit[c]).as("corner %d present at ground and roof", c).containsExactly(true, true);
    }
  }

  @Test
  void wallsAreTwoTrianglesPerEdgeAndRoofIsNMinus2Plus2h() {
    DecodedTile tile = encodeOne(knownBuilding());
    int edges = 6 + 4;
    int roof = 0;
    int walls = 0;
    for (int t = 0; t < tile.triangleCount(); t++) {
      double up = tile.faceNormal(t)[2];
      if (up > 0.9999) {
        roof++;
      } else if (Math.abs(up) < 1e-3) {
        walls++;
      }
    }

    assertThat(walls).isEqualTo(2 * edges);
    assertThat(roof).isEqualTo(10 - 2 + 2 * 1);
    assertThat(tile.triangleCount()).isEqualTo(walls + roof);
  }

  @Test
  void floorOptionAddsDownwardTriangles() {
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(List.of(knownBuilding()), SCHEMA,
        LocalFrame.at(107.08, 10.35, 0), new BuildingMeshBuilder.Options(true, 30));
    DecodedTile tile = new DecodedTile(encoded);
    int down = 0;
    for (int t = 0; t < tile.triangleCount(); t++) {
      if (tile.faceNormal(t)[2] < -0.9999) {
        down++;
        assertThat(tile.lonLatH[tile.indices[3 * t]][2]).isCloseTo(GROUND, within(0.01));
      }
    }
    assertThat(down).isEqualTo(10);
    assertThat(tile.triangleCount()).isEqualTo(40);
  }

  @Test
  void roofAreaEqualsPolygonAreaInLocalMetres() {
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(List.of(knownBuilding()), SCHEMA);
    DecodedTile tile = new DecodedTile(encoded);
    double roofArea = 0;
    for (int t = 0; t < tile.triangleCount(); t++) {
      if (tile.faceNormal(t)[2] > 0.9999) {
        roofArea += tile.area(t);
      }
    }
    Polygon local = toLocal(L, encoded.frame());

    assertThat(roofArea).isCloseTo(local.getArea(), within(local.getArea() * 0.001));
    assertThat(local.getArea()).isCloseTo(460, within(460 * 0.005)); // the fixture's nominal metres
  }

  @Test
  void normalsAreUnitOutwardAndAgreeWithWinding() {
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(List.of(knownBuilding()), SCHEMA);
    DecodedTile tile = new DecodedTile(encoded);
    Polygon local = toLocal(L, encoded.frame());
    GeometryFactory gf = new GeometryFactory();

    for (int v = 0; v < tile.vertexCount; v++) {
      // Unit before quantization: signed bytes keep each component to ±0.5/127, the length to ±0.007.
      assertThat(tile.storedNormalLength[v]).isCloseTo(1, within(0.008));
    }
    for (int t = 0; t < tile.triangleCount(); t++) {
      double[] face = tile.faceNormal(t);
      for (int k = 0; k < 3; k++) {
        double[] n = tile.normalEnu[tile.indices[3 * t + k]];
        assertThat(DecodedTile.dot(face, n)).as("triangle %d: stored normal matches winding", t)
            .isGreaterThan(0.9999);
      }
      if (Math.abs(face[2]) < 1e-3) { // a wall: a step along the normal leaves the building, against it enters
        double[] c = tile.centroid(t);
        Point out = gf.createPoint(new Coordinate(c[0] + 0.05 * face[0], c[1] + 0.05 * face[1]));
        Point in = gf.createPoint(new Coordinate(c[0] - 0.05 * face[0], c[1] - 0.05 * face[1]));
        assertThat(local.contains(out)).as("triangle %d outward side", t).isFalse();
        assertThat(local.contains(in)).as("triangle %d inward side", t).isTrue();
      } else {
        assertThat(face[2]).as("triangle %d is a roof facing up", t).isGreaterThan(0.9999);
      }
    }
  }

  @Test
  void featureIdsMapVerticesToTheirBuildingAndPropertiesDecodeBack() {
    List<BuildingInput> input = new ArrayList<>();
    input.add(knownBuilding());
    input.add(new BuildingInput(7, TestBuildings.rectangle(80, 10, 1e-9, 5, 0), 3, 9, (String) null,
        TestBuildings.props(7, "degenerate", "x", 1, 9, null, null, null), 0xFFFFFFFF)); // zero width: skipped
    input.add(new BuildingInput(9_007_199_254_740_993L, TestBuildings.rectangle(60, 40, 20, 12, 25), 2.5, 30,
        "pitched", TestBuildings.props(9_007_199_254_740_993L, "Nhà văn hóa Phường Thắng Nhì", "community", null,
            30, null, "Vũng Tàu", "đề xuất"), 0x336699FF));
    input.add(new BuildingInput(-3, TestBuildings.rectangle(-40, 60, 10, 10, 0), 1, 4, (String) null,
        TestBuildings.props(-3, null, null, 1, 4, 2024, null, "new"), 0xFFFFFF80));
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(input, SCHEMA);
    DecodedTile tile = new DecodedTile(encoded);
    List<BuildingInput> kept = List.of(input.get(0), input.get(2), input.get(3));

    assertThat(encoded.featureCount()).isEqualTo(3);
    assertThat(encoded.skippedIds()).containsExactly(7L);
    int[] perFeature = new int[3];
    for (int v = 0; v < tile.vertexCount; v++) {
      int f = tile.featureIds[v];
      perFeature[f]++;
      Envelope env = kept.get(f).footprintLonLat().getEnvelopeInternal();
      env.expandBy(1e-7); // about 1 cm
      assertThat(env.contains(tile.lonLatH[v][0], tile.lonLatH[v][1])).as("vertex %d in building %d", v, f).isTrue();
      BuildingInput b = kept.get(f);
      assertThat(tile.lonLatH[v][2]).isBetween(b.groundElevM() - 0.01, b.groundElevM() + b.heightM() + 0.01);
    }
    assertThat(perFeature).doesNotContain(0);

    Map<String, List<Object>> table = tile.glb.propertyTable();
    assertThat(table.keySet()).containsExactly("id", "name", "use_type", "levels", "height", "year_built", "ward",
        "scenario_status");
    assertThat(table.get("id")).containsExactly(42L, 9_007_199_254_740_993L, -3L);
    assertThat(table.get("name")).containsExactly("Khách sạn Rạch Dừa", "Nhà văn hóa Phường Thắng Nhì", "");
    assertThat(table.get("use_type")).containsExactly("hotel", "community", "");
    assertThat(table.get("levels")).containsExactly(6L, 0L, 1L);
    assertThat(table.get("height")).containsExactly((double) (float) HEIGHT, 30.0, 4.0);
    assertThat(table.get("year_built")).containsExactly(1998L, 0L, 2024L);
    assertThat(table.get("ward")).containsExactly("Rạch Dừa", "Vũng Tàu", "");
    assertThat(table.get("scenario_status")).containsExactly("", "đề xuất", "new");
  }

  @Test
  void gltfJsonDeclaresTheExtensionsAndTheSchema() {
    GlbReader glb = encodeOne(knownBuilding()).glb;

    assertThat(glb.extensionsUsed().getList()).containsExactlyInAnyOrder("EXT_mesh_features",
        "EXT_structural_metadata", "KHR_mesh_quantization");
    assertThat(glb.json.getJsonArray("extensionsRequired").getList()).containsExactly("KHR_mesh_quantization");
    assertThat(glb.primitive().getJsonObject("extensions").getJsonObject("EXT_mesh_features")
        .getJsonArray("featureIds").getJsonObject(0).getMap())
        .containsEntry("featureCount", 1).containsEntry("attribute", 0).containsEntry("propertyTable", 0);
    var props = glb.json.getJsonObject("extensions").getJsonObject("EXT_structural_metadata")
        .getJsonObject("schema").getJsonObject("classes").getJsonObject("building").getJsonObject("properties");
    assertThat(props.getJsonObject("id").getString("componentType")).isEqualTo("INT64");
    assertThat(props.getJsonObject("name").getString("type")).isEqualTo("STRING");
    assertThat(props.getJsonObject("levels").getInteger("noData")).isZero();
    for (int i = 0; i < glb.json.getJsonArray("bufferViews").size(); i++) {
      glb.view(i); // asserts 8-byte alignment
    }
    var position = glb.json.getJsonArray("accessors").getJsonObject(0);
    assertThat(position.getJsonArray("min")).hasSize(3);
    assertThat(glb.json.getJsonArray("accessors").getJsonObject(4).getInteger("componentType")).isEqualTo(5123);
  }

  @Test
  void colourIsLinearisedSrgb() {
    DecodedTile tile = encodeOne(knownBuilding());
    // 0xC8553DFF: sRGB 200, 85, 61 → linear 0.578, 0.0908, 0.0467
    assertThat(tile.rgba[0]).isCloseTo(0.5776, within(1e-3));
    assertThat(tile.rgba[1]).isCloseTo(0.0908, within(1e-3));
    assertThat(tile.rgba[2]).isCloseTo(0.0467, within(1e-3));
    assertThat(tile.rgba[3]).isEqualTo(1.0);
    assertThat(tile.glb.json.getJsonArray("materials").getJsonObject(0).getString("alphaMode")).isEqualTo("OPAQUE");
  }

  @Test
  void hippedRoofRisesToTheFullHeightAlongTheLongAxis() {
    double ground = 3;
    double height = 12;
    BuildingInput b = new BuildingInput(5, TestBuildings.rectangle(0, 0, 20, 10, 30), ground, height, "pitched",
        TestBuildings.props(5, "x", "y", 3, height, null, null, null), 0xAAAAAAFF);
    DecodedTile tile = encodeOne(b);
    double rise = Math.tan(Math.toRadians(30)) * 5;
    List<double[]> ridge = new ArrayList<>();
    int roofFaces = 0;

    for (int v = 0; v < tile.vertexCount; v++) {
      double h = tile.lonLatH[v][2];
      assertThat(Math.min(Math.min(Math.abs(h - ground), Math.abs(h - (ground + height - rise))),
          Math.abs(h - (ground + height)))).as("vertex %d at ground, eaves or ridge", v).isLessThan(0.01);
      if (Math.abs(h - (ground + height)) < 0.01) {
        ridge.add(tile.enu[v]);
      }
    }
    for (int t = 0; t < tile.triangleCount(); t++) {
      double up = tile.faceNormal(t)[2];
      if (up > 0.01) {
        roofFaces++;
        assertThat(up).isCloseTo(Math.cos(Math.toRadians(30)), within(2e-3));
      }
    }
    double ridgeLength = 0;
    for (double[] p : ridge) {
      for (double[] q : ridge) {
        ridgeLength = Math.max(ridgeLength, Math.hypot(p[0] - q[0], p[1] - q[1]));
      }
    }
    assertThat(roofFaces).isEqualTo(6);
    assertThat(ridgeLength).isCloseTo(10, within(0.02));
  }

  @Test
  void squareHipIsAPyramidAndConcavePitchedFallsBackToFlat() {
    BuildingInput square = new BuildingInput(1, TestBuildings.rectangle(0, 0, 10, 10, 10), 0, 8, "pitched",
        TestBuildings.props(1, null, null, 2, 8, null, null, null), 0xFFFFFFFF);
    BuildingInput concave = new BuildingInput(2, L, 0, 8, "pitched",
        TestBuildings.props(2, null, null, 2, 8, null, null, null), 0xFFFFFFFF);

    DecodedTile pyramid = encodeOne(square);
    DecodedTile flat = encodeOne(concave);

    assertThat(pyramid.triangleCount()).isEqualTo(8 + 4);
    assertThat(flat.triangleCount()).isEqualTo(20 + 10);
  }

  @Test
  void degenerateFootprintsAreSkippedAndInvalidOnesRepaired() {
    GeometryFactory gf = TestBuildings.GF;
    Coordinate a = TestBuildings.at(0, 0);
    Coordinate b = TestBuildings.at(10, 0);
    Coordinate c = TestBuildings.at(20, 0);
    Polygon twoPoints = gf.createPolygon(new Coordinate[] {a, b, b.copy(), a.copy()});
    Polygon collinear = gf.createPolygon(new Coordinate[] {a, b, c, a.copy()});
    Polygon bowTie = TestBuildings.polygon(new double[] {0, 0, 10, 10, 10, 0, 0, 10});
    Polygon empty = gf.createPolygon((LinearRing) null);
    Map<String, Object> p = TestBuildings.props(0, null, null, 1, 3, null, null, null);
    List<BuildingInput> input = List.of(
        new BuildingInput(1, twoPoints, 0, 3, (String) null, p, -1),
        new BuildingInput(2, collinear, 0, 3, (String) null, p, -1),
        new BuildingInput(3, TestBuildings.rectangle(0, 0, 5, 5, 0), 0, 0, (String) null, p, -1),
        new BuildingInput(4, TestBuildings.rectangle(0, 0, 5, 5, 0), Double.NaN, 3, (String) null, p, -1),
        new BuildingInput(5, empty, 0, 3, (String) null, p, -1),
        new BuildingInput(6, bowTie, 0, 3, (String) null, p, -1));

    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(input, SCHEMA,
        LocalFrame.at(TestBuildings.LON0, TestBuildings.LAT0, 0), BuildingMeshBuilder.Options.DEFAULT);

    assertThat(encoded.skippedIds()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(encoded.featureCount()).isEqualTo(1);
    DecodedTile tile = new DecodedTile(encoded);
    // The bow tie becomes two triangles: 2 × 3 walls × 2 + 2 roofs.
    assertThat(tile.triangleCount()).isEqualTo(14);
  }

  @Test
  void allSkippedGivesAnEmptyButValidGlb() {
    Polygon collinear = TestBuildings.polygon(new double[] {0, 0, 10, 0, 20, 0});
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(List.of(new BuildingInput(1, collinear, 0,
        3, (String) null, Map.of(), -1)), SCHEMA);

    GlbReader glb = new GlbReader(encoded.glb());
    assertThat(encoded.contentRegion()).isNull();
    assertThat(encoded.featureCount()).isZero();
    assertThat(glb.json.containsKey("meshes")).isFalse();
    assertThat(encoded.glb().length % 8).isZero();
  }

  @Test
  void contentRegionSpansFootprintsAndHeights() {
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(TestBuildings.varied(20, 3), SCHEMA);
    DecodedTile tile = new DecodedTile(encoded);
    BoundingRegion r = encoded.contentRegion();

    for (double[] g : tile.lonLatH) {
      BoundingRegion point = BoundingRegion.fromDegrees(g[0], g[1], g[0], g[1], g[2], g[2]);
      assertThat(r.contains(point, 2e-9, 0.01)).isTrue(); // 2e-9 rad ≈ 1 cm
    }
  }

  @Test
  void propertiesThatDoNotFitTheSchemaFailNamingTheBuilding() {
    Map<String, Object> noId = new HashMap<>(TestBuildings.props(0, "a", "b", 1, 3, null, null, null));
    noId.remove("id");
    Map<String, Object> tooManyLevels = TestBuildings.props(8, "a", "b", 70_000, 3, null, null, null);

    assertThatThrownBy(() -> encodeOne(new BuildingInput(77, L, 0, 3, (String) null, noId, -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("77").hasMessageContaining("'id'");
    assertThatThrownBy(() -> encodeOne(new BuildingInput(8, L, 0, 3, (String) null, tooManyLevels, -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UINT16");
  }

  private static Polygon toLocal(Polygon lonLat, LocalFrame frame) {
    GeometryFactory gf = new GeometryFactory();
    double[] pos = new double[3];
    double[] up = new double[3];
    LinearRing[] rings = new LinearRing[lonLat.getNumInteriorRing() + 1];
    for (int r = 0; r < rings.length; r++) {
      Coordinate[] cs = (r == 0 ? lonLat.getExteriorRing() : lonLat.getInteriorRingN(r - 1)).getCoordinates();
      Coordinate[] out = new Coordinate[cs.length];
      for (int i = 0; i < cs.length; i++) {
        frame.project(Math.toRadians(cs[i].x), Math.toRadians(cs[i].y), GROUND, pos, up);
        out[i] = new Coordinate(pos[0], pos[1]);
      }
      rings[r] = gf.createLinearRing(out);
    }
    LinearRing[] holes = new LinearRing[rings.length - 1];
    System.arraycopy(rings, 1, holes, 0, holes.length);
    return gf.createPolygon(rings[0], holes);
  }

  private static double dist(double[] a, double[] b) {
    return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
  }
}
