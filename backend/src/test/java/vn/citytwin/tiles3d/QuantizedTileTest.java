package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * KHR_mesh_quantization in the glb ({@link GlbWriter}, {@link QuantizedPositions}): the same city encoded with
 * quantized and with float positions, compared vertex by vertex and byte for byte. The fixture is 300 varied
 * buildings on an 18 × 18 grid of 40 m cells, about 0.7 km across: close to the largest mesh that still quantizes
 * (757 m), so its grid step is close to the coarsest allowed (2 / √3 cm) and the 1 cm bound is tested where it is
 * tightest. Wider tiles are cut into parts with a grid each ({@link QuantizedParts}), compared the same way after
 * lining the buildings up.
 */
class QuantizedTileTest {
  static final PropertySchema SCHEMA = PropertySchema.buildings();
  static final List<BuildingInput> CITY = TestBuildings.varied(300, 7);

  static BuildingTileEncoder.EncodedTile quantized() {
    return BuildingTileEncoder.encode(CITY, SCHEMA);
  }

  static BuildingTileEncoder.EncodedTile floats(LocalFrame frame) {
    return BuildingTileEncoder.encode(CITY, SCHEMA, frame, BuildingMeshBuilder.Options.DEFAULT, false);
  }

  /**
   * Measured 0.709 (1,427 against 2,012 B a building): a vertex drops from 36 to 24 B (positions 12 → 8 with the
   * padding glTF's 4-byte alignment needs, normals 12 → 4), while indices and the property table stay as they are.
   */
  @Test
  void quantizedCityIsAtMost72PercentOfTheFloatEncoding() {
    BuildingTileEncoder.EncodedTile q = quantized();
    BuildingTileEncoder.EncodedTile f = floats(q.frame());
    double ratio = (double) q.glb().length / f.glb().length;
    System.out.printf("%d buildings, %d vertices: quantized %d B (%.0f B/building), float %d B (%.0f B/building),"
        + " ratio %.3f%n", CITY.size(), new DecodedTile(q).vertexCount, q.glb().length,
        q.glb().length / (double) CITY.size(), f.glb().length, f.glb().length / (double) CITY.size(), ratio);

    assertThat(q.featureCount()).isEqualTo(CITY.size());
    assertThat(ratio).isLessThanOrEqualTo(0.72);
  }

  @Test
  void everyVertexDecodesWithin1cmOfTheFloatMesh() {
    BuildingTileEncoder.EncodedTile encoded = quantized();
    DecodedTile q = new DecodedTile(encoded);
    DecodedTile f = new DecodedTile(floats(encoded.frame()));
    double step = q.glb.json.getJsonArray("nodes").getJsonObject(0).getJsonArray("scale").getDouble(0);

    assertThat(q.glb.extensionsUsed()).contains("KHR_mesh_quantization");
    assertThat(q.glb.json.getJsonArray("extensionsRequired")).containsExactly("KHR_mesh_quantization");
    assertThat(step).as("grid step near the coarsest allowed").isBetween(0.009, 0.02 / Math.sqrt(3));
    assertThat(q.indices).as("one part: same order as the float mesh").isEqualTo(f.indices);
    double worst = assertSameMeshWithin1cm(q, f);
    System.out.printf("step %.4f m, worst vertex error %.4f m%n", step, worst);
  }

  @Test
  void positionBoundsAreTheQuantizedValuesExtremes() {
    GlbReader glb = new GlbReader(quantized().glb());
    JsonObject accessor = glb.json.getJsonArray("accessors")
        .getJsonObject(glb.primitive().getJsonObject("attributes").getInteger("POSITION"));
    double[] raw = glb.attribute("POSITION");
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < raw.length; i++) {
      min[i % 3] = Math.min(min[i % 3], raw[i]);
      max[i % 3] = Math.max(max[i % 3], raw[i]);
    }

    assertThat(accessor.getInteger("componentType")).isEqualTo(5123); // UNSIGNED_SHORT
    assertThat(accessor.getBoolean("normalized", false)).isFalse();
    for (int k = 0; k < 3; k++) {
      assertThat(accessor.getJsonArray("min").getDouble(k)).isEqualTo(min[k]);
      assertThat(accessor.getJsonArray("max").getDouble(k)).isEqualTo(max[k]);
    }
    assertThat(max[0]).as("the widest axis uses the whole 16-bit range").isEqualTo(65535);
  }

  @Test
  void tileTwoKilometresWideIsCutIntoQuantizedPartsWithin1cm() {
    // 2,000 buildings on a 45 × 45 grid of 40 m cells: about 1.8 km across, more than twice the 757 m one grid spans.
    List<BuildingInput> city = TestBuildings.varied(2000, 5);
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(city, SCHEMA);
    BuildingTileEncoder.EncodedTile floatTile = BuildingTileEncoder.encode(city, SCHEMA, encoded.frame(),
        BuildingMeshBuilder.Options.DEFAULT, false);
    DecodedTile q = new DecodedTile(encoded);
    DecodedTile f = new DecodedTile(floatTile);
    double ratio = (double) encoded.glb().length / floatTile.glb().length;

    assertThat(q.glb.json.getJsonArray("extensionsRequired")).containsExactly("KHR_mesh_quantization");
    assertThat(q.glb.nodeCount()).isGreaterThanOrEqualTo(2);
    for (int n = 0; n < q.glb.nodeCount(); n++) {
      JsonObject node = q.glb.json.getJsonArray("nodes").getJsonObject(n);
      assertThat(node.getJsonArray("scale").getDouble(0)).as("node %d: grid step within 1 cm", n)
          .isLessThanOrEqualTo(0.02 / Math.sqrt(3));
      assertThat(positionAccessor(q.glb, n).getInteger("componentType")).isEqualTo(5123); // UNSIGNED_SHORT
    }
    assertFeaturesPerPrimitive(q.glb, city.size());
    double worst = assertSameMeshWithin1cm(q, f);
    System.out.printf("%d buildings in %d parts: quantized %d B, float %d B, ratio %.3f, worst vertex error %.4f m%n",
        city.size(), q.glb.nodeCount(), encoded.glb().length, floatTile.glb().length, ratio, worst);
    assertThat(ratio).isLessThanOrEqualTo(0.75);
  }

  @Test
  void buildingWiderThanOneGridKeepsAFloatPartNextToQuantizedOnes() {
    List<BuildingInput> city = cityWithA900mBuilding();
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(city, SCHEMA);
    DecodedTile q = new DecodedTile(encoded);
    DecodedTile f = new DecodedTile(BuildingTileEncoder.encode(city, SCHEMA, encoded.frame(),
        BuildingMeshBuilder.Options.DEFAULT, false));
    int last = q.glb.nodeCount() - 1;

    assertThat(q.glb.json.getJsonArray("extensionsRequired")).containsExactly("KHR_mesh_quantization");
    assertThat(last).isGreaterThanOrEqualTo(2);
    for (int n = 0; n < last; n++) {
      assertThat(positionAccessor(q.glb, n).getInteger("componentType")).as("node %d", n).isEqualTo(5123);
    }
    assertThat(positionAccessor(q.glb, last).getInteger("componentType")).as("the 900 m building").isEqualTo(5126);
    assertThat(q.glb.json.getJsonArray("nodes").getJsonObject(last).fieldNames()).containsExactly("mesh");
    assertThat(q.glb.accessor(q.glb.primitive(last).getJsonObject("attributes").getInteger("_FEATURE_ID_0")))
        .containsOnly(400);
    assertFeaturesPerPrimitive(q.glb, city.size());
    assertSameMeshWithin1cm(q, f);
  }

  /** 400 buildings (0.8 km, more than one grid) and, last, a 900 m long one that no grid can hold within 1 cm. */
  static List<BuildingInput> cityWithA900mBuilding() {
    List<BuildingInput> city = new ArrayList<>(TestBuildings.varied(400, 5));
    long id = 77;
    city.add(new BuildingInput(id, TestBuildings.rectangle(0, -100, 900, 20, 0), 0, 12, (String) null,
        TestBuildings.props(id, "Kè", "commercial", 3, 12.0, null, "Vũng Tàu", null), -1));
    return city;
  }

  private static JsonObject positionAccessor(GlbReader glb, int node) {
    return glb.json.getJsonArray("accessors")
        .getJsonObject(glb.primitive(node).getJsonObject("attributes").getInteger("POSITION"));
  }

  /**
   * Every building lies in exactly one primitive; each primitive's feature-ID set names property table 0 and
   * counts the distinct ids it holds; together they hold rows 0 … features − 1 of the one table.
   */
  private static void assertFeaturesPerPrimitive(GlbReader glb, int features) {
    Set<Integer> seen = new HashSet<>();
    for (int n = 0; n < glb.nodeCount(); n++) {
      JsonObject primitive = glb.primitive(n);
      Set<Integer> ids = new HashSet<>();
      for (double id : glb.accessor(primitive.getJsonObject("attributes").getInteger("_FEATURE_ID_0"))) {
        ids.add((int) id);
      }
      JsonObject set = primitive.getJsonObject("extensions").getJsonObject("EXT_mesh_features")
          .getJsonArray("featureIds").getJsonObject(0);
      assertThat(set.getInteger("propertyTable")).isZero();
      assertThat(set.getInteger("attribute")).isZero();
      assertThat(set.getInteger("featureCount")).as("node %d", n).isEqualTo(ids.size());
      for (int id : ids) {
        assertThat(seen.add(id)).as("feature %d in one primitive only", id).isTrue();
      }
    }
    assertThat(seen).hasSize(features).allMatch(id -> id >= 0 && id < features);
    assertThat(glb.json.getJsonObject("extensions").getJsonObject("EXT_structural_metadata")
        .getJsonArray("propertyTables")).hasSize(1);
  }

  /**
   * Compares the quantized tile with the float one building by building: parts regroup buildings but keep the
   * order of each building's vertices and triangles, so both tiles' vertices sorted (stably) by feature id line up
   * one to one. Asserts the same vertex count, the same feature id per vertex, every vertex within 1 cm, normals
   * within 1°, and the same triangles; returns the worst vertex error, metres.
   */
  static double assertSameMeshWithin1cm(DecodedTile q, DecodedTile f) {
    assertThat(q.vertexCount).isEqualTo(f.vertexCount);
    int[] oq = byFeature(q);
    int[] of = byFeature(f);
    double worst = 0;
    for (int i = 0; i < q.vertexCount; i++) {
      int a = oq[i];
      int b = of[i];
      assertThat(q.featureIds[a]).as("vertex %d: feature id", i).isEqualTo(f.featureIds[b]);
      double[] d = DecodedTile.sub(q.enu[a], f.enu[b]);
      double dist = Math.sqrt(DecodedTile.dot(d, d));
      worst = Math.max(worst, dist);
      assertThat(dist).as("vertex %d: quantized against float position, metres", i).isLessThan(0.01);
      assertThat(DecodedTile.dot(q.normalEnu[a], f.normalEnu[b])).as("vertex %d: normal direction", i)
          .isGreaterThan(Math.cos(Math.toRadians(1)));
    }
    assertThat(triangles(q, oq)).as("triangles, vertices numbered in feature order").isEqualTo(triangles(f, of));
    return worst;
  }

  private static int[] byFeature(DecodedTile t) {
    return IntStream.range(0, t.vertexCount).boxed().sorted(Comparator.comparingInt(v -> t.featureIds[v]))
        .mapToInt(Integer::intValue).toArray();
  }

  /** The triangles, stably sorted by feature, with each corner given as its vertex's position in {@code order}. */
  private static int[] triangles(DecodedTile t, int[] order) {
    int[] rank = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      rank[order[i]] = i;
    }
    return IntStream.range(0, t.triangleCount()).boxed()
        .sorted(Comparator.comparingInt(tri -> t.featureIds[t.indices[3 * tri]]))
        .flatMapToInt(tri -> IntStream.of(rank[t.indices[3 * tri]], rank[t.indices[3 * tri + 1]],
            rank[t.indices[3 * tri + 2]]))
        .toArray();
  }
}
