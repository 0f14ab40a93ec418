package vn.citytwin.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CoordinateFormatTest {
  @ParameterizedTest
  @CsvSource({
      "7, 107.0812345, 107.0812345",
      "7, 107.08123456, 107.0812346",
      "7, 10, 10",
      "7, -0.5, -0.5",
      "7, 0.00000004, 0",
      "7, -0.00000004, 0",
      "7, 0.0000001, 0.0000001",
      "7, -179.99999999, -180",
      "3, 1144964.7354, 1144964.735",
      "3, 727560.7895, 727560.79",
      "3, 5e-4, 0.001",
      "0, 2.5, 3",
  })
  void roundsHalfAwayFromZeroWithoutTrailingZeros(int decimals, double value, String text) {
    assertThat(new CoordinateFormat(decimals).format(value)).isEqualTo(text);
  }

  @Test
  void agreesWithBigDecimalOnRandomCoordinates() {
    Random r = new Random(42);
    CoordinateFormat f = new CoordinateFormat(7);
    for (int i = 0; i < 100_000; i++) {
      double v = (r.nextDouble() - 0.5) * 360;
      String expected = new BigDecimal(Double.toString(v)).setScale(7, RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString();
      if (expected.equals("-0")) {
        expected = "0";
      }
      // Both round the binary double; they may differ only when the decimal expansion sits exactly on a half.
      assertThat(Double.parseDouble(f.format(v))).isCloseTo(Double.parseDouble(expected),
          org.assertj.core.data.Offset.offset(1.01e-7));
      assertThat(f.format(v)).doesNotContain("E").doesNotEndWith(".").doesNotContain(".0000000");
    }
  }

  @Test
  void hugeValuesAndNonFiniteOnes() {
    assertThat(new CoordinateFormat(3).format(1e19)).isEqualTo("10000000000000000000");
    assertThatThrownBy(() -> new CoordinateFormat(3).format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(CoordinateFormat.forSrid(4326).decimals()).isEqualTo(7);
    assertThat(CoordinateFormat.forSrid(3405).decimals()).isEqualTo(3);
  }
}
