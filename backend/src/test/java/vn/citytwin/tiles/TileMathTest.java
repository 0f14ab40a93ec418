package vn.citytwin.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

class TileMathTest {

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
