package vn.citytwin.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.FieldType;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerMetadata;
import vn.citytwin.core.error.ApiException;

class ExtrudedLayerTest {

  static Field f(String name, String pgType) {
    return new Field(name, pgType, FieldType.fromPostgres(pgType), true);
  }

  static Layer layer(String id, GeometryKind kind, String heightColumn, List<String> tileFields, Field... fields) {
    LayerMetadata d = LayerMetadata.defaults(id);
    LayerMetadata meta = new LayerMetadata(d.titleVi(), d.titleEn(), null, null, null, id, 0, 22, true, null,
        tileFields, null, heightColumn, null, false, false, 100);
    return new Layer(id, "city", id, "id", "geom", kind, 4326, List.of(fields), meta);
  }

  static Layer buildings() {
    return layer("buildings", GeometryKind.POLYGON, "height",
        List.of("name", "use_type", "levels", "height", "ward", "year_built"),
        f("id", "bigint"), f("name", "text"), f("use_type", "text"), f("levels", "smallint"),
        f("height", "double precision"), f("ward", "text"), f("year_built", "smallint"),
        f("ground_elev", "double precision"), f("address", "text"));
  }

  @Test
  void theBuildingsTableGetsTheBuildingSchemaAndItsColumns() {
    ExtrudedLayer x = ExtrudedLayer.of(buildings());
    assertThat(x.hasBuildingSchema()).isTrue();
    assertThat(x.schema()).isEqualTo(PropertySchema.buildings());
    assertThat(x.heightColumn()).isEqualTo("height");
    assertThat(x.levelsColumn()).isEqualTo("levels");
    assertThat(x.groundColumn()).isEqualTo("ground_elev");
    assertThat(x.roofColumn()).isNull();
    assertThat(x.queryColumns()).containsExactlyInAnyOrder("name", "use_type", "levels", "year_built", "ward",
        "height", "ground_elev").doesNotContain("address");
  }

  @Test
  void aLayerWithOnlyLevelsIsExtrudedWithAGenericSchema() {
    Layer kiosks = layer("kiosks", GeometryKind.MULTIPOLYGON, null, null, f("id", "bigint"), f("name", "text"),
        f("levels", "integer"), f("area", "numeric"), f("open", "boolean"), f("Tên", "text"),
        f("roof_type", "text"), f("built", "date"));
    ExtrudedLayer x = ExtrudedLayer.of(kiosks);

    assertThat(x.hasBuildingSchema()).isFalse();
    assertThat(x.heightColumn()).isNull();
    assertThat(x.levelsColumn()).isEqualTo("levels");
    assertThat(x.roofColumn()).isEqualTo("roof_type");
    assertThat(x.schema().properties()).extracting(PropertyDef::name)
        .containsExactly("id", "height", "scenario_status", "name", "levels", "area", "open", "roof_type", "built");
    assertThat(x.schema().properties()).filteredOn(p -> p.name().equals("levels")).first()
        .extracting(PropertyDef::type).isEqualTo(PropertyType.INT32);
    assertThat(x.schema().properties()).filteredOn(p -> p.name().equals("area")).first()
        .extracting(PropertyDef::type).isEqualTo(PropertyType.FLOAT64);
    assertThat(x.schema().properties()).filteredOn(p -> p.name().equals("open")).first()
        .extracting(PropertyDef::type).isEqualTo(PropertyType.STRING);
  }

  @Test
  void layersWithoutHeightOrPolygonsAre400s() {
    Layer roads = layer("roads", GeometryKind.LINESTRING, null, null, f("id", "bigint"), f("levels", "integer"));
    Layer parks = layer("parks", GeometryKind.MULTIPOLYGON, null, null, f("id", "bigint"), f("name", "text"));
    Layer namedHeight = layer("plots", GeometryKind.POLYGON, "h", null, f("id", "bigint"), f("h", "text"));
    for (Layer l : List.of(roads, parks, namedHeight)) {
      assertThatThrownBy(() -> ExtrudedLayer.of(l)).isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(400))
          .satisfies(e -> assertThat(((ApiException) e).locator()).isEqualTo("layer"))
          .hasMessageContaining(l.id());
    }
  }

  @Test
  void valuesThatDoNotFitTheirPropertyBecomeNoData() {
    PropertySchema s = PropertySchema.buildings();
    PropertyDef levels = s.properties().stream().filter(p -> p.name().equals("levels")).findFirst().orElseThrow();
    PropertyDef name = s.properties().stream().filter(p -> p.name().equals("name")).findFirst().orElseThrow();
    PropertyDef height = s.properties().stream().filter(p -> p.name().equals("height")).findFirst().orElseThrow();
    assertThat(Tiles3dStore.fit(levels, -3)).isNull();
    assertThat(Tiles3dStore.fit(levels, 70_000)).isNull();
    assertThat(Tiles3dStore.fit(levels, 2.5)).isNull();
    assertThat(Tiles3dStore.fit(levels, (short) 12)).isEqualTo(12L);
    assertThat(Tiles3dStore.fit(name, 42)).isEqualTo("42");
    assertThat(Tiles3dStore.fit(height, Double.NaN)).isNull();
    assertThat(Tiles3dStore.fit(height, 33.0)).isEqualTo(33.0);
  }
}
