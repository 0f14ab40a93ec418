package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BucketGridTest {
  /** Every id whose cells the box touches, in the order the grid offers them (never stopping). */
  private static List<Integer> offered(BucketGrid g, double minX, double minY, double maxX, double maxY) {
    List<Integer> ids = new ArrayList<>();
    assertThat(g.any(minX, minY, maxX, maxY, id -> {
      ids.add(id);
      return false;
    })).isFalse();
    return ids;
  }

  @Test
  void idsAreOfferedFromTheCellsTheirBoxesTouch() {
    BucketGrid g = new BucketGrid(new Envelope(0, 100, 0, 100), 10);
    g.add(1, 2, 2, 8, 8); // one cell
    g.add(2, 5, 5, 15, 5); // two cells side by side
    g.add(3, 50, 50, 55, 55); // far away

    assertThat(offered(g, 1, 1, 9, 9)).containsExactly(2, 1); // newest first within a cell
    assertThat(offered(g, 12, 2, 14, 4)).containsExactly(2);
    assertThat(offered(g, 0, 0, 19, 9)).containsExactly(2, 1, 2); // once per cell touched
    assertThat(offered(g, 30, 30, 40, 40)).isEmpty();
    assertThat(offered(g, 52, 52, 53, 53)).containsExactly(3);
  }

  @Test
  void boxesOutsideTheEnvelopeAreClampedToTheBorderCells() {
    BucketGrid g = new BucketGrid(new Envelope(0, 100, 0, 100), 10);
    g.add(7, -500, -500, -400, -400);
    g.add(8, 1000, 1000, 2000, 2000);

    assertThat(offered(g, 0, 0, 1, 1)).containsExactly(7);
    assertThat(offered(g, 109, 109, 109, 109)).containsExactly(8);
    assertThat(offered(g, 50, 50, 60, 60)).isEmpty();
  }

  @Test
  void anyStopsAtTheFirstHit() {
    BucketGrid g = new BucketGrid(new Envelope(0, 100, 0, 100), 10);
    for (int id = 0; id < 5000; id++) { // past the first capacity, so the entry arrays grow
      g.add(id, 1, 1, 2, 2);
    }
    List<Integer> seen = new ArrayList<>();
    assertThat(g.any(0, 0, 5, 5, id -> {
      seen.add(id);
      return id == 4990;
    })).isTrue();
    assertThat(seen).containsExactly(4999, 4998, 4997, 4996, 4995, 4994, 4993, 4992, 4991, 4990);
  }
}
