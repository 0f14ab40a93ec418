package vn.citytwin.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

class TileMathTest {

  @Test
  void zoomZeroCoversTheWholeMercatorSquare() {
    var b = new TileAddress(0, 0, 0).bounds3857(0);
    assertThat(b.minX()).isEqualTo(-TileAddress.ORIGIN_SHIFT);
    assertThat(b.maxY()).isEqualTo(TileAddress.ORIGIN_SHIFT);
    assertThat(b.width()).isEqualTo(2 * TileAddress.ORIGIN_SHIFT);
  }

  @Test
  void rowsCountDownFromTheTop() {
    var top = new TileAddress(1, 0, 0).bounds3857(0);
    var bottom = new TileAddress(1, 0, 1).bounds3857(0);
    assertThat(top.minY()).isEqualTo(0.0);
    assertThat(bottom.maxY()).isEqualTo(0.0);
  }

  @Test
  void marginGrowsTheBoxOnEverySide() {
    var t = new TileAddress(10, 5, 7);
    var plain = t.bounds3857(0);
    var grown = t.bounds3857(0.5);
    assertThat(grown.width()).isEqualTo(plain.width() * 2, org.assertj.core.data.Offset.offset(1e-6));
  }

  @ParameterizedTest
  @CsvSource({"-1,0,0,z", "25,0,0,z", "3,8,0,x", "3,0,8,y", "3,-1,0,x"})
  void outOfRangeAddressesNameTheBadPart(int z, int x, int y, String locator) {
    assertThatThrownBy(() -> new TileAddress(z, x, y)).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).locator()).isEqualTo(locator);
  }

  @ParameterizedTest
  @CsvSource({"a,0,0,z", "1,1.5,0,x", "1,0,,y", "99999999999,0,0,z"})
  void nonNumericSegmentsAre400(String z, String x, String y, String locator) {
    assertThatThrownBy(() -> TileAddress.parse(z, x, y)).isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).locator()).isEqualTo(locator);
  }
}
