package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the Khronos glTF validator (npm {@code gltf-validator}, pinned in {@code src/test/js/gltf-validate}) on
 * tiles we write, with the machine's Node.js. Fails, not skips, when node or npm are missing. The validator does
 * not know EXT_mesh_features / EXT_structural_metadata (it reports them as unsupported, an info), so those are
 * checked by {@link BuildingTileEncoderTest}; this test covers the core glTF and glb rules. The harness is
 * {@link GltfValidator}.
 */
class GltfValidatorTest {

  @BeforeAll
  static void installValidator() throws Exception {
    GltfValidator.install();
  }

  @Test
  void variedTileOf50BuildingsHasNoErrors() throws Exception {
    List<BuildingInput> buildings = new ArrayList<>(TestBuildings.varied(48, 11));
    // Two that must be skipped without harming the tile.
    buildings.add(new BuildingInput(900, TestBuildings.polygon(new double[] {0, 0, 10, 0, 20, 0}), 0, 5,
        (String) null, Map.of(), -1));
    buildings.add(new BuildingInput(901, TestBuildings.rectangle(500, 500, 10, 10, 0), 0, -2,
        (String) null, Map.of(), -1));
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(buildings, PropertySchema.buildings());

    JsonObject issues = validate("varied50.glb", tile.glb());

    assertThat(new GlbReader(tile.glb()).json.getJsonArray("extensionsRequired"))
        .as("quantized positions and normals").containsExactly("KHR_mesh_quantization");
    assertThat(tile.featureCount()).isEqualTo(48);
    assertThat(tile.skippedIds()).containsExactly(900L, 901L);
    assertThat(issues.getInteger("numErrors")).as("glTF validator errors").isZero();
    assertThat(issues.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("code")))
        .as("no issue other than the metadata extensions the validator does not know, and unused views")
        .allMatch(code -> code.equals("UNSUPPORTED_EXTENSION") || code.equals("UNUSED_OBJECT"));
  }

  @Test
  void wideTileCutIntoQuantizedPartsHasNoErrors() throws Exception {
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(TestBuildings.varied(2000, 5),
        PropertySchema.buildings());
    GlbReader glb = new GlbReader(tile.glb());
    assertThat(glb.json.getJsonArray("extensionsRequired")).as("1.8 km across: several grids")
        .containsExactly("KHR_mesh_quantization");
    assertThat(glb.nodeCount()).isGreaterThanOrEqualTo(2);

    JsonObject issues = validate("large2000.glb", tile.glb());

    assertThat(issues.getInteger("numErrors")).isZero();
    assertThat(issues.getInteger("numWarnings")).isZero();
  }

  @Test
  void floatTileWithThirtyTwoBitIndicesHasNoErrors() throws Exception {
    List<BuildingInput> city = TestBuildings.varied(2000, 5);
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(city, PropertySchema.buildings(),
        LocalFrame.at(TestBuildings.LON0, TestBuildings.LAT0, 0), BuildingMeshBuilder.Options.DEFAULT, false);
    GlbReader glb = new GlbReader(tile.glb());
    assertThat(glb.json.getJsonArray("accessors").getJsonObject(4).getInteger("componentType"))
        .as("more than 65534 vertices need UNSIGNED_INT indices").isEqualTo(5125);
    assertThat(glb.json.containsKey("extensionsRequired")).isFalse();

    JsonObject issues = validate("large2000float.glb", tile.glb());

    assertThat(issues.getInteger("numErrors")).isZero();
    assertThat(issues.getInteger("numWarnings")).isZero();
  }

  @Test
  void tileMixingQuantizedAndFloatPartsHasNoErrors() throws Exception {
    byte[] glb = BuildingTileEncoder.encode(QuantizedTileTest.cityWithA900mBuilding(), PropertySchema.buildings())
        .glb();
    GlbReader reader = new GlbReader(glb);
    JsonObject lastPosition = reader.json.getJsonArray("accessors").getJsonObject(
        reader.primitive(reader.nodeCount() - 1).getJsonObject("attributes").getInteger("POSITION"));
    assertThat(lastPosition.getInteger("componentType")).as("the 900 m building: float").isEqualTo(5126);
    assertThat(reader.json.getJsonArray("extensionsRequired")).containsExactly("KHR_mesh_quantization");

    JsonObject issues = validate("mixed.glb", glb);

    assertThat(issues.getInteger("numErrors")).isZero();
    assertThat(issues.getInteger("numWarnings")).isZero();
  }

  @Test
  void emptyTileHasNoErrors() throws Exception {
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(List.of(), PropertySchema.buildings());

    assertThat(validate("empty.glb", tile.glb()).getInteger("numErrors")).isZero();
  }

  @Test
  void harnessReportsErrorsOfABrokenGlb() throws Exception {
    byte[] glb = BuildingTileEncoder.encode(TestBuildings.varied(3, 1), PropertySchema.buildings()).glb();
    glb[8] ^= 0x04; // the header's total length no longer matches the file

    assertThat(validate("broken.glb", glb).getInteger("numErrors")).isPositive();
  }

  private static JsonObject validate(String name, byte[] glb) throws Exception {
    return GltfValidator.validate(name, glb);
  }
}
