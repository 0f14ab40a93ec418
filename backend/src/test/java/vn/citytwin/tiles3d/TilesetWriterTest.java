package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

class TilesetWriterTest {
  static final PropertySchema SCHEMA = PropertySchema.buildings();

  /**
   * A two-level quadtree like the service will build: tall buildings (≥ 50 m) in the root's own content (refine
   * ADD), the rest in four quadrant leaves, each content in its own ENU frame centred on its quadrant.
   */
  record Built(TileNode root, Map<String, byte[]> contents) {}

  static Built buildTree() {
    List<BuildingInput> all = TestBuildings.varied(64, 9);
    BoundingRegion extent = null;
    for (BuildingInput b : all) {
      var env = b.footprintLonLat().getEnvelopeInternal();
      BoundingRegion r = BoundingRegion.fromDegrees(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(),
          b.groundElevM(), b.groundElevM() + b.heightM());
      extent = extent == null ? r : extent.union(r);
    }
    double midLon = (extent.west() + extent.east()) / 2;
    double midLat = (extent.south() + extent.north()) / 2;
    List<List<BuildingInput>> quadrants = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    List<BuildingInput> tall = new ArrayList<>();
    for (BuildingInput b : all) {
      if (b.heightM() >= 50) {
        tall.add(b);
        continue;
      }
      Point c = b.footprintLonLat().getCentroid();
      int q = (Math.toRadians(c.getX()) < midLon ? 0 : 1) + (Math.toRadians(c.getY()) < midLat ? 0 : 2);
      quadrants.get(q).add(b);
    }
    Map<String, byte[]> contents = new HashMap<>();
    List<TileNode> leaves = new ArrayList<>();
    BoundingRegion childrenUnion = null;
    for (int q = 0; q < 4; q++) {
      BoundingRegion cell = new BoundingRegion(q % 2 == 0 ? extent.west() : midLon, q < 2 ? extent.south() : midLat,
          q % 2 == 0 ? midLon : extent.east(), q < 2 ? midLat : extent.north(), extent.minHeight(),
          extent.maxHeight());
      LocalFrame frame = LocalFrame.centredOn(cell);
      BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(quadrants.get(q), SCHEMA, frame,
          BuildingMeshBuilder.Options.DEFAULT);
      String uri = "tiles/1/" + q + ".glb";
      contents.put(uri, tile.glb());
      // A building belongs to the cell of its centroid but may overhang it: the tile region grows to hold it.
      BoundingRegion region = cell.union(tile.contentRegion());
      leaves.add(TileNode.leaf(region, uri, tile.contentRegion(), tile.transform()));
      childrenUnion = childrenUnion == null ? region : childrenUnion.union(region);
    }
    LocalFrame rootFrame = LocalFrame.centredOn(extent);
    BuildingTileEncoder.EncodedTile rootTile = BuildingTileEncoder.encode(tall, SCHEMA, rootFrame,
        BuildingMeshBuilder.Options.DEFAULT);
    contents.put("tiles/0/0.glb", rootTile.glb());
    TileNode root = new TileNode(childrenUnion.union(rootTile.contentRegion()), 60, Refine.ADD, "tiles/0/0.glb",
        rootTile.contentRegion(), rootTile.transform(), leaves);
    return new Built(root, contents);
  }

  @Test
  void quadtreeTilesetPassesTheChecker() {
    JsonObject json = TilesetWriter.toJson(buildTree().root(), 500, "v7");

    assertThat(TilesetChecker.check(json)).isEmpty();
    assertThat(json.getJsonObject("asset").getString("version")).isEqualTo("1.1");
    assertThat(json.getJsonObject("asset").getString("tilesetVersion")).isEqualTo("v7");
    assertThat(json.getJsonObject("root").getString("refine")).isEqualTo("ADD");
    assertThat(json.getJsonObject("root").getJsonArray("children")).hasSize(4);
    assertThat(json.getJsonObject("root").getJsonArray("children").getJsonObject(0).containsKey("refine")).isFalse();
  }

  @Test
  void everyContentVertexLiesInsideItsTileAndContentRegionsThroughTheComposedTransforms() {
    Built built = buildTree();
    JsonObject root = new JsonObject(TilesetWriter.write(built.root(), 500, null)).getJsonObject("root");
    int[] checked = {0};

    walk(root, identity(), (tile, world) -> {
      JsonObject content = tile.getJsonObject("content");
      BoundingRegion region = region(tile.getJsonObject("boundingVolume"));
      BoundingRegion contentRegion = region(content.getJsonObject("boundingVolume"));
      GlbReader glb = new GlbReader(built.contents().get(content.getString("uri")));
      double[] pos = glb.positions();
      for (int v = 0; v < pos.length; v += 3) {
        double e = pos[v];
        double n = -pos[v + 2];
        double u = pos[v + 1];
        double[] g = Ecef.toDegrees(
            world[0] * e + world[4] * n + world[8] * u + world[12],
            world[1] * e + world[5] * n + world[9] * u + world[13],
            world[2] * e + world[6] * n + world[10] * u + world[14]);
        BoundingRegion p = BoundingRegion.fromDegrees(g[0], g[1], g[0], g[1], g[2], g[2]);
        assertThat(contentRegion.contains(p, 2e-9, 0.01)).as("%s vertex %d", content.getString("uri"), v / 3).isTrue();
        assertThat(region.contains(p, 2e-9, 0.01)).isTrue();
        checked[0]++;
      }
    });
    assertThat(checked[0]).isGreaterThan(1000);
  }

  @Test
  void childTransformIsWrittenRelativeToTheParents() {
    Built built = buildTree();
    JsonObject root = TilesetWriter.toJson(built.root(), 500, null).getJsonObject("root");
    double[] rootWorld = numbers(root.getJsonArray("transform"));
    double[] childRelative = numbers(root.getJsonArray("children").getJsonObject(0).getJsonArray("transform"));
    double[] childWorld = built.root().children().get(0).transform();

    assertThat(rootWorld).containsExactly(built.root().transform(), within(1e-9));
    double[] composed = Matrix4.multiply(rootWorld, childRelative);
    for (int i = 0; i < 16; i++) {
      assertThat(composed[i]).isCloseTo(childWorld[i], within(1e-6));
    }
    // Between neighbouring ENU frames the relative transform is a small rotation plus a translation in metres.
    assertThat(Math.abs(childRelative[12]) + Math.abs(childRelative[13])).isLessThan(1000);
  }

  @Test
  void checkerCatchesBrokenTilesets() {
    JsonObject json = TilesetWriter.toJson(buildTree().root(), 500, null);
    json.getJsonObject("asset").put("version", "1.0");
    json.getJsonObject("root").remove("refine");
    JsonObject child = json.getJsonObject("root").getJsonArray("children").getJsonObject(1);
    child.put("geometricError", 80.0);
    JsonArray region = child.getJsonObject("boundingVolume").getJsonArray("region");
    region.set(2, region.getDouble(2) + 0.01);

    assertThat(TilesetChecker.check(json)).containsExactlyInAnyOrder(
        "asset.version must be \"1.1\"",
        "root: refine missing",
        "root.children[1]: geometricError 80.0 exceeds the parent's 60.0",
        "root.children[1]: region not inside the parent's",
        "root.children[1]: leaf geometricError must be 0");
  }

  @Test
  void writerRefusesARootWithoutRefineOrABadTilesetError() {
    BoundingRegion r = BoundingRegion.fromDegrees(107, 10, 107.1, 10.1, 0, 50);
    TileNode noRefine = TileNode.leaf(r, "a.glb", null, null);
    TileNode root = new TileNode(r, 20, Refine.REPLACE, null, null, null, List.of(noRefine));

    assertThatThrownBy(() -> TilesetWriter.toJson(noRefine, 10, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TilesetWriter.toJson(root, 5, null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(TilesetWriter.toJson(root, 20, null).getJsonObject("root").getString("refine")).isEqualTo("REPLACE");
  }

  @Test
  void affineInverseUndoesTheMatrix() {
    double[] m = Ecef.enuToEcefMatrix(107.08, 10.35, 12);
    double[] id = Matrix4.multiply(Matrix4.invertAffine(m), m);
    assertThat(id).containsExactly(identity(), within(1e-9));
  }

  interface Visitor {
    void visit(JsonObject tile, double[] world);
  }

  private static void walk(JsonObject tile, double[] parentWorld, Visitor visitor) {
    JsonArray t = tile.getJsonArray("transform");
    double[] world = t == null ? parentWorld : Matrix4.multiply(parentWorld, numbers(t));
    if (tile.containsKey("content")) {
      visitor.visit(tile, world);
    }
    JsonArray children = tile.getJsonArray("children");
    if (children != null) {
      for (int i = 0; i < children.size(); i++) {
        walk(children.getJsonObject(i), world, visitor);
      }
    }
  }

  private static BoundingRegion region(JsonObject bv) {
    double[] r = numbers(bv.getJsonArray("region"));
    return new BoundingRegion(r[0], r[1], r[2], r[3], r[4], r[5]);
  }

  private static double[] numbers(JsonArray a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getDouble(i);
    }
    return out;
  }

  private static double[] identity() {
    return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  }
}
