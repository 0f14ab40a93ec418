package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TileTreeBuilderTest {
  static final int FINE = 17;

  /** Fine-cell statistics as the SQL would give them: buildings scattered round a few centres near Vũng Tàu. */
  static List<CellStats> city(int buildings, long seed) {
    Random rnd = new Random(seed);
    double[][] centres = {{107.075, 10.349}, {107.094, 10.350}, {107.115, 10.378}, {107.140, 10.430}};
    Map<Long, double[]> cells = new LinkedHashMap<>();
    for (int i = 0; i < buildings; i++) {
      double[] c = centres[rnd.nextInt(centres.length)];
      double lon = c[0] + rnd.nextGaussian() * 0.01;
      double lat = c[1] + rnd.nextGaussian() * 0.01;
      double half = 0.0001 + rnd.nextDouble() * 0.0002;
      double ground = rnd.nextDouble() * 50 - 1.8;
      double top = ground + 3 + rnd.nextDouble() * 100;
      long col = QuadCell.fineColumn(lon, FINE);
      long row = QuadCell.fineRow(lat, FINE);
      double[] s = cells.computeIfAbsent(col * 1_000_000 + row, k -> new double[] {col, row, 0, 999, 999, -999,
          -999, 1e9, -1e9});
      s[2]++;
      s[3] = Math.min(s[3], lon - half);
      s[4] = Math.min(s[4], lat - half);
      s[5] = Math.max(s[5], lon + half);
      s[6] = Math.max(s[6], lat + half);
      s[7] = Math.min(s[7], ground);
      s[8] = Math.max(s[8], top);
    }
    List<CellStats> out = new ArrayList<>();
    for (double[] s : cells.values()) {
      out.add(new CellStats((long) s[0], (long) s[1], (long) s[2], s[3], s[4], s[5], s[6], s[7], s[8]));
    }
    return out;
  }

  @Test
  void everyFineCellIsInExactlyOneLeafAndLeavesRespectTheBudget() {
    List<CellStats> cells = city(20_000, 1);
    TileTree tree = new TileTreeBuilder(FINE, 12, 500).build(cells);

    assertThat(tree.buildings()).isEqualTo(20_000);
    Map<QuadCell, Long> perLeaf = new HashMap<>();
    for (CellStats c : cells) {
      List<TileTree.Leaf> owners = tree.leaves().stream()
          .filter(l -> QuadCell.ancestor(c.column(), c.row(), FINE, l.cell().z()).equals(l.cell())).toList();
      assertThat(owners).as("leaves holding fine cell %d/%d", c.column(), c.row()).hasSize(1);
      perLeaf.merge(owners.get(0).cell(), c.count(), Long::sum);
      assertThat(owners.get(0).region().contains(c.region(), 1e-12, 1e-9)).isTrue();
    }
    for (TileTree.Leaf leaf : tree.leaves()) {
      assertThat(leaf.buildings()).isEqualTo(perLeaf.get(leaf.cell()));
      assertThat(leaf.buildings() <= 500 || leaf.cell().z() == FINE).as("leaf %s size", leaf.cell()).isTrue();
      assertThat(leaf.cell().z()).isGreaterThanOrEqualTo(12);
    }
    assertThat(tree.leaves().size()).isGreaterThan(40);
  }

  @Test
  void tilesetPassesTheCheckerWithNoSingleChildNodes() {
    TileTree tree = new TileTreeBuilder(FINE, 12, 500).build(city(20_000, 2));
    JsonObject json = tree.toJson("?v=1", "test");

    assertThat(TilesetChecker.check(json)).isEmpty();
    assertThat(json.getJsonObject("root").getString("refine")).isEqualTo("ADD");
    walk(json.getJsonObject("root"), node -> {
      JsonArray children = node.getJsonArray("children");
      if (children != null) {
        assertThat(children.size()).isBetween(2, 4);
        assertThat(node.containsKey("content")).isFalse();
        assertThat(node.getDouble("geometricError")).isPositive();
      } else {
        assertThat(node.getJsonObject("content").getString("uri")).matches("content/\\d+/\\d+/\\d+\\.glb\\?v=1");
        assertThat(node.getDouble("geometricError")).isZero();
        assertThat(node.getJsonArray("transform")).hasSize(16);
      }
    });
  }

  @Test
  void aSmallTownIsOneLeafInTheSmallestCellHoldingIt() {
    List<CellStats> cells = List.of(
        new CellStats(QuadCell.fineColumn(107.0801, FINE), QuadCell.fineRow(10.3501, FINE), 3, 107.0800, 10.3500,
            107.0812, 10.3507, 2.0, 40.0),
        new CellStats(QuadCell.fineColumn(107.0851, FINE), QuadCell.fineRow(10.3551, FINE), 1, 107.0850, 10.3550,
            107.0852, 10.3552, 5.0, 12.0));
    TileTree tree = new TileTreeBuilder(FINE, 12, 2000).build(cells);

    assertThat(tree.leaves()).hasSize(1);
    TileTree.Leaf leaf = tree.leaves().get(0);
    // Smallest common ancestor of the two fine cells, at least level 12.
    QuadCell a = QuadCell.ancestor(cells.get(0).column(), cells.get(0).row(), FINE, leaf.cell().z() + 1);
    QuadCell b = QuadCell.ancestor(cells.get(1).column(), cells.get(1).row(), FINE, leaf.cell().z() + 1);
    assertThat(a).isNotEqualTo(b);
    assertThat(leaf.region()).isEqualTo(BoundingRegion.fromDegrees(107.0800, 10.3500, 107.0852, 10.3552, 2, 40));
    JsonObject json = tree.toJson("", null);
    assertThat(TilesetChecker.check(json)).isEmpty();
    assertThat(json.getDouble("geometricError")).isPositive();
    assertThat(json.getJsonObject("root").getJsonObject("content").getString("uri"))
        .isEqualTo("content/" + leaf.cell() + ".glb");
  }

  @Test
  void aCrowdedFineCellStaysOneLeafAboveTheBudget() {
    long col = QuadCell.fineColumn(107.08, FINE);
    long row = QuadCell.fineRow(10.35, FINE);
    TileTree tree = new TileTreeBuilder(FINE, 12, 100).build(List.of(
        new CellStats(col, row, 5000, 107.0800, 10.3490, 107.0812, 10.3500, 0, 30),
        new CellStats(col + 1, row, 10, 107.0813, 10.3490, 107.0820, 10.3500, 0, 30)));

    assertThat(tree.leaves()).extracting(l -> l.cell().z()).containsOnly(FINE);
    assertThat(tree.leaves()).extracting(TileTree.Leaf::buildings).containsExactlyInAnyOrder(5000L, 10L);
  }

  @Test
  void dataOnBothSidesOfTheGreenwichMeridianGetsAJoiningRoot() {
    List<CellStats> cells = List.of(
        new CellStats(QuadCell.fineColumn(-0.01, FINE), QuadCell.fineRow(51.5, FINE), 10, -0.0102, 51.4999, -0.0099,
            51.5001, 10, 30),
        new CellStats(QuadCell.fineColumn(0.01, FINE), QuadCell.fineRow(51.5, FINE), 10, 0.0099, 51.4999, 0.0101,
            51.5001, 12, 20));
    TileTree tree = new TileTreeBuilder(FINE, 12, 2000).build(cells);
    JsonObject json = tree.toJson("", null);

    assertThat(tree.leaves()).hasSize(2);
    assertThat(json.getJsonObject("root").getJsonArray("children")).hasSize(2);
    assertThat(TilesetChecker.check(json)).isEmpty();
  }

  @Test
  void noBuildingsGiveAValidEmptyTileset() {
    TileTree tree = new TileTreeBuilder(FINE, 12, 2000).build(List.of());
    assertThat(tree.isEmpty()).isTrue();
    assertThat(tree.leaves()).isEmpty();
    assertThat(TilesetChecker.check(tree.toJson("", null))).isEmpty();
  }

  @Test
  void errorIsAnEighthOfTheCellSideAndHalvesPerLevel() {
    assertThat(TileTreeBuilder.errorAt(12)).isCloseTo(Math.PI * Ecef.A / 4096 / 8, within(1e-9));
    assertThat(TileTreeBuilder.errorAt(13) * 2).isEqualTo(TileTreeBuilder.errorAt(12));
  }

  private static void walk(JsonObject node, java.util.function.Consumer<JsonObject> visit) {
    visit.accept(node);
    JsonArray children = node.getJsonArray("children");
    if (children != null) {
      for (int i = 0; i < children.size(); i++) {
        walk(children.getJsonObject(i), visit);
      }
    }
  }
}
