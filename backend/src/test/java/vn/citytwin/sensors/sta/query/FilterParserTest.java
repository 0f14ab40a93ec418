package vn.citytwin.sensors.sta.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

/** $filter text → typed tree, and errors with the position of the fault. */
class FilterParserTest {

  @Test
  void precedenceAndLiteralTypes() {
    Expr e = FilterParser.parse("$filter", "name eq 'O''Brien' or result add 2 mul 3 gt -1.5 and not startswith(name,'x')");
    Expr.Binary or = (Expr.Binary) e;
    assertThat(or.op()).isEqualTo("or");
    Expr.Binary eq = (Expr.Binary) or.left();
    assertThat(eq.right()).isEqualTo(new Expr.Text("O'Brien", 8));
    Expr.Binary and = (Expr.Binary) or.right();
    Expr.Binary gt = (Expr.Binary) and.left();
    Expr.Binary add = (Expr.Binary) gt.left();
    assertThat(add.op()).isEqualTo("add");
    assertThat(((Expr.Binary) add.right()).op()).isEqualTo("mul");
    assertThat(((Expr.Num) gt.right()).value()).isEqualTo(-1.5);
    assertThat(((Expr.Unary) and.right()).operand()).isInstanceOf(Expr.Call.class);
  }

  @Test
  void timesGeometriesPathsAndFunctions() {
    Expr.Binary b = (Expr.Binary) FilterParser.parse("$filter", "phenomenonTime ge 2026-11-01T05:00:00+07:00");
    assertThat(((Expr.Time) b.right()).value()).isEqualTo(Instant.parse("2026-10-31T22:00:00Z"));
    Expr.Binary d = (Expr.Binary) FilterParser.parse("$filter", "resultTime lt 2026-11-02");
    assertThat(((Expr.Time) d.right()).value()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    Expr.Call c = (Expr.Call) FilterParser.parse("$filter", "geo.intersects(Thing/Locations/location, "
        + "geometry'POLYGON((0 0, 1 0, 1 1, 0 0))')");
    assertThat(c.name()).isEqualTo("geo.intersects");
    assertThat(((Expr.Path) c.args().get(0)).segments()).containsExactly("Thing", "Locations", "location");
    assertThat(((Expr.Geometry) c.args().get(1)).wkt()).startsWith("POLYGON");
    assertThat(FilterParser.parse("$filter", "now()")).isEqualTo(new Expr.Call("now", List.of(), 0));
    assertThat(FilterParser.parse("$filter", "12345678901234")).isEqualTo(new Expr.Num(12345678901234L, 0));
    assertThat(FilterParser.parse("$filter", "properties/notes eq null"))
        .isEqualTo(new Expr.Binary("eq", new Expr.Path(List.of("properties", "notes"), 0), new Expr.Null(20), 17));
  }

  @Test
  void hostileNestingIsAnErrorNotAStackOverflow() {
    String deep = "(".repeat(5000) + "name eq 'x'" + ")".repeat(5000);
    assertThatThrownBy(() -> FilterParser.parse("$filter", deep)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nests deeper than 64 levels");
    assertThatThrownBy(() -> FilterParser.parse("$filter", "not ".repeat(5000) + "true"))
        .hasMessageContaining("nests deeper");
    String ok = "(".repeat(60) + "name eq 'x'" + ")".repeat(60);
    assertThat(FilterParser.parse("$filter", ok)).isInstanceOf(Expr.Binary.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "name eq                 | expected an operand but the expression ended at position 7",
      "name eq 'open           | unterminated string at position 8",
      "(name eq 'a'            | expected ')' but the expression ended at position 12",
      "name eq 'a' xor true    | unexpected 'xor true' at position 12",
      "name eq geometry'POINT(1)' | not valid WKT at position 8",
      "year(phenomenonTime eq 1 | expected ')' but the expression ended",
      "2026-13-45T00:00:00Z eq 1 | is not a valid date-time at position 0",
      "name/ eq 1              | expected a property name after '/'",
      "                        | is empty"})
  void errorsNameThePosition(String filter, String message) {
    assertThatThrownBy(() -> FilterParser.parse("$filter", filter == null ? "" : filter))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ApiException) e).locator()).isEqualTo("$filter"));
  }
}
