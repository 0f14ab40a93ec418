package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyRowTest {
  private static String row(java.util.function.Consumer<CopyRow> fill) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CopyRow r = new CopyRow(out);
    fill.accept(r);
    r.end();
    r.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void escapesTextForCopyAndWritesNulls() throws Exception {
    assertThat(row(r -> r.num(1).text("a\tb\nc\\d\re").nul().text(null).text("Thùy Vân")))
        .isEqualTo("1\ta\\tb\\nc\\\\d\\re\t\\N\t\\N\tThùy Vân\n");
  }

  @Test
  void formatsDecimalsFixedAndTrimmed() throws Exception {
    assertThat(row(r -> r.num(107.08660001, 7).num(-0.00000001, 7).num(2.5, 1).num(1e-7, 7).num(-1.25, 2)
        .num(10.0, 3).num(0.125, 2).num((Double) null, 2)))
        .isEqualTo("107.0866\t0\t2.5\t0.0000001\t-1.25\t10\t0.13\t\\N\n");
  }

  @Test
  void writesEwkt() throws Exception {
    String s = row(r -> Ewkt.point(r, LocalFrame.x(107.1), LocalFrame.y(10.35)));
    assertThat(s).isEqualTo("SRID=4326;POINT(107.1 10.35)\n");
  }
}
