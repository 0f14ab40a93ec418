package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.error.ApiException;

class QuadCellTest {

  @Test
  void levelZeroIsTwoHemispheresOfWorldCrs84Quad() {
    QuadCell west = new QuadCell(0, 0, 0);
    QuadCell east = new QuadCell(0, 1, 0);
    assertThat(new double[] {west.westDeg(), west.southDeg(), west.eastDeg(), west.northDeg()})
        .containsExactly(-180, -90, 0, 90);
    assertThat(new double[] {east.westDeg(), east.southDeg(), east.eastDeg(), east.northDeg()})
        .containsExactly(0, -90, 180, 90);
    assertThat(QuadCell.columns(3)).isEqualTo(16);
    assertThat(QuadCell.rows(3)).isEqualTo(8);
  }

  @Test
  void rowsCountSouthwardsAndCellsAreSquareInDegrees() {
    QuadCell c = new QuadCell(12, 6532, 1810);
    assertThat(c.eastDeg() - c.westDeg()).isEqualTo(c.northDeg() - c.southDeg()).isEqualTo(180.0 / 4096);
    assertThat(c.northDeg()).isEqualTo(90 - 1810 * 180.0 / 4096);
    assertThat(new QuadCell(12, 6532, 1811).northDeg()).isEqualTo(c.southDeg());
  }

  @Test
  void finePointsFallInTheirCellAndItsAncestors() {
    Random rnd = new Random(7);
    int fine = 17;
    for (int i = 0; i < 10_000; i++) {
      double lon = 107.0 + rnd.nextDouble() * 0.2;
      double lat = 10.3 + rnd.nextDouble() * 0.2;
      long col = QuadCell.fineColumn(lon, fine);
      long row = QuadCell.fineRow(lat, fine);
      for (int z : new int[] {0, 5, 12, 14, 17}) {
        QuadCell cell = QuadCell.ancestor(col, row, fine, z);
        assertThat(lon).isBetween(cell.westDeg(), cell.eastDeg());
        assertThat(lat).isBetween(cell.southDeg(), cell.northDeg());
        assertThat(cell.firstColumnAt(fine)).isLessThanOrEqualTo(col);
        assertThat(cell.firstColumnAt(fine) + (1L << (fine - z))).isGreaterThan(col);
        assertThat(cell.firstRowAt(fine)).isLessThanOrEqualTo(row);
        assertThat(cell.firstRowAt(fine) + (1L << (fine - z))).isGreaterThan(row);
      }
    }
  }

  @Test
  void edgesOfTheWorldClampIntoTheGrid() {
    assertThat(QuadCell.fineColumn(180, 17)).isEqualTo(QuadCell.columns(17) - 1);
    assertThat(QuadCell.fineColumn(-180, 17)).isZero();
    assertThat(QuadCell.fineRow(90, 17)).isZero();
    assertThat(QuadCell.fineRow(-90, 17)).isEqualTo(QuadCell.rows(17) - 1);
  }

  @Test
  void frameIsAtTheCellCentreOnTheEllipsoid() {
    QuadCell c = new QuadCell(13, 13066, 3625);
    LocalFrame f = c.frame();
    assertThat(f.lonDeg()).isCloseTo((c.westDeg() + c.eastDeg()) / 2, within(1e-12));
    assertThat(f.latDeg()).isCloseTo((c.southDeg() + c.northDeg()) / 2, within(1e-12));
    assertThat(f.heightM()).isZero();
  }

  @Test
  void badAddressesAre400sNamingTheSegment() {
    assertLocator(() -> new QuadCell(25, 0, 0), "z");
    assertLocator(() -> new QuadCell(-1, 0, 0), "z");
    assertLocator(() -> new QuadCell(0, 2, 0), "x");
    assertLocator(() -> new QuadCell(3, 0, 8), "y");
    assertLocator(() -> QuadCell.parse("a", "0", "0"), "z");
    assertLocator(() -> QuadCell.parse("3", "-1", "0"), "x");
    assertLocator(() -> QuadCell.parse("3", "0", "1e3"), "y");
    assertThat(QuadCell.parse("13", "13066", "3625")).isEqualTo(new QuadCell(13, 13066, 3625));
  }

  private static void assertLocator(Runnable r, String locator) {
    assertThatThrownBy(r::run).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).locator()).isEqualTo(locator))
        .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(400));
  }
}
