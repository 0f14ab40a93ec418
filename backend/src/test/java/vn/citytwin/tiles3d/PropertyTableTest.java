package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A schema other than buildings' (as another layer would define), written and decoded back through a glb. */
class PropertyTableTest {
  static final PropertySchema PARKS = new PropertySchema("citytwin", "park", List.of(
      PropertyDef.required("lit", PropertyType.BOOLEAN),
      PropertyDef.optional("benches", PropertyType.INT8, -1),
      PropertyDef.optional("visitors", PropertyType.UINT32, 0),
      PropertyDef.optional("area_m2", PropertyType.FLOAT64, -1.0),
      PropertyDef.string("note"),
      PropertyDef.string("name")));

  @Test
  void everyTypeRoundTripsThroughTheGlb() {
    List<BuildingInput> parks = List.of(
        park(1, row(true, 3, 4_000_000_000L, 1234.5678, "", "Công viên Bãi Trước")),
        park(2, row(false, null, null, null, null, null)),
        park(3, row(true, (short) -128, new BigDecimal("17"), 0.25f, "", "Hồ Mây")));
    BuildingTileEncoder.EncodedTile tile = BuildingTileEncoder.encode(parks, PARKS);

    Map<String, List<Object>> table = new GlbReader(tile.glb()).propertyTable();

    assertThat(table.get("lit")).containsExactly(true, false, true);
    assertThat(table.get("benches")).containsExactly(3L, -1L, -128L);
    assertThat(table.get("visitors")).containsExactly(4_000_000_000L, 0L, 17L);
    assertThat(table.get("area_m2")).containsExactly(1234.5678, -1.0, 0.25);
    assertThat(table.get("note")).containsExactly("", "", ""); // an all-empty column still gets a valid view
    assertThat(table.get("name")).containsExactly("Công viên Bãi Trước", "", "Hồ Mây");
  }

  @Test
  void valuesThatDoNotFitAreRefusedAndTheRowIsNotHalfWritten() {
    PropertyTable t = new PropertyTable(PARKS);
    t.addRow(row(true, 1, 2, 3.0, "a", "b"));

    assertThatThrownBy(() -> t.addRow(row(true, 200, 1, 1.0, "", ""))).hasMessageContaining("INT8");
    assertThatThrownBy(() -> t.addRow(row(true, 1.5, 1, 1.0, "", ""))).hasMessageContaining("integer");
    assertThatThrownBy(() -> t.addRow(row(true, 1, -1, 1.0, "", ""))).hasMessageContaining("UINT32");
    assertThatThrownBy(() -> t.addRow(row(true, 1, 1, "wide", "", ""))).hasMessageContaining("number");
    assertThatThrownBy(() -> t.addRow(row(null, 1, 1, 1.0, "", ""))).hasMessageContaining("'lit'");
    assertThat(t.count()).isEqualTo(1);
  }

  @Test
  void definitionsAreValidated() {
    assertThatThrownBy(() -> PropertyDef.optional("flag", PropertyType.BOOLEAN, false))
        .hasMessageContaining("must be required");
    assertThatThrownBy(() -> PropertyDef.optional("n", PropertyType.UINT8, 300)).hasMessageContaining("range");
    assertThatThrownBy(() -> PropertyDef.optional("n", PropertyType.INT32, null)).hasMessageContaining("noData");
    assertThatThrownBy(() -> PropertyDef.string("1st")).hasMessageContaining("identifier");
    assertThatThrownBy(() -> new PropertySchema("s", "c", List.of(PropertyDef.string("a"), PropertyDef.string("a"))))
        .hasMessageContaining("duplicate");
  }

  private static BuildingInput park(long id, Map<String, Object> props) {
    return new BuildingInput(id, TestBuildings.rectangle(id * 50, 0, 20, 20, 0), 1, 0.5, (String) null, props,
        0x228B22FF);
  }

  private static Map<String, Object> row(Object lit, Object benches, Object visitors, Object area, Object note,
      Object name) {
    Map<String, Object> m = new HashMap<>();
    m.put("lit", lit);
    m.put("benches", benches);
    m.put("visitors", visitors);
    m.put("area_m2", area);
    m.put("note", note);
    m.put("name", name);
    return m;
  }
}
