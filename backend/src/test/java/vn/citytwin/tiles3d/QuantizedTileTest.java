package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KHR_mesh_quantization in the glb ({@link GlbWriter}, {@link QuantizedPositions}): the same city encoded with
 * quantized and with float positions, compared vertex by vertex and byte for byte. The fixture is 300 varied
 * buildings on an 18 × 18 grid of 40 m cells, about 0.7 km across: close to the largest mesh that still quantizes
 * (757 m), so its grid step is close to the coarsest allowed (2 / √3 cm) and the 1 cm bound is tested where it is
 * tightest.
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
    assertThat(q.vertexCount).isEqualTo(f.vertexCount);
    assertThat(q.indices).isEqualTo(f.indices);
    assertThat(q.featureIds).isEqualTo(f.featureIds);
    double worst = 0;
    for (int v = 0; v < q.vertexCount; v++) {
      double d = Math.sqrt(DecodedTile.dot(DecodedTile.sub(q.enu[v], f.enu[v]), DecodedTile.sub(q.enu[v], f.enu[v])));
      worst = Math.max(worst, d);
      assertThat(d).as("vertex %d: quantized against float position, metres", v).isLessThan(0.01);
      assertThat(DecodedTile.dot(q.normalEnu[v], f.normalEnu[v])).as("vertex %d: normal direction", v)
          .isGreaterThan(Math.cos(Math.toRadians(1)));
    }
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
  void tileWiderThanTheQuantizationLimitKeepsFloatPositions() {
    // 400 buildings on a 20 × 20 grid of 40 m cells: about 0.8 km across, more than 65,535 steps of 2 / √3 cm.
    BuildingTileEncoder.EncodedTile encoded = BuildingTileEncoder.encode(TestBuildings.varied(400, 5), SCHEMA);
    DecodedTile tile = new DecodedTile(encoded);
    JsonObject position = tile.glb.json.getJsonArray("accessors")
        .getJsonObject(tile.glb.primitive().getJsonObject("attributes").getInteger("POSITION"));

    assertThat(position.getInteger("componentType")).isEqualTo(5126); // FLOAT
    assertThat(tile.glb.json.containsKey("extensionsRequired")).isFalse();
    assertThat(tile.glb.extensionsUsed()).doesNotContain("KHR_mesh_quantization");
    assertThat(tile.glb.json.getJsonArray("nodes").getJsonObject(0).fieldNames()).containsExactly("mesh");
    for (double length : tile.storedNormalLength) {
      assertThat(length).as("float normals are unit").isCloseTo(1, within(1e-6));
    }
  }
}
