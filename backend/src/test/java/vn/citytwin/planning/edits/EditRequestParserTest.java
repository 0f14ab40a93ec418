package vn.citytwin.planning.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.citytwin.core.error.ApiException;

class EditRequestParserTest {
  static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}";

  static List<FeatureEdit> parse(String json) {
    return EditRequestParser.parse(new JsonObject(json));
  }

  static void fails(String json, String locator) {
    assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.locator()).isEqualTo(locator));
  }

  @Test
  void aSingleFeature() {
    FeatureEdit e = parse("{\"type\":\"Feature\",\"layer\":\"buildings\",\"op\":\"add\",\"geometry\":" + SQUARE
        + ",\"properties\":{\"levels\":3}}").get(0);
    assertThat(e.layerId()).isEqualTo("buildings");
    assertThat(e.op()).isEqualTo(EditOp.ADD);
    assertThat(e.featureId()).isNull();
    assertThat(e.properties().getInteger("levels")).isEqualTo(3);
    assertThat(e.geometry().getGeometryType()).isEqualTo("Polygon");
    assertThat(e.at("properties.levels")).isEqualTo("properties.levels");
  }

  @Test
  void aCollectionGivesDefaultsThatFeaturesOverride() {
    List<FeatureEdit> edits = parse("{\"type\":\"FeatureCollection\",\"layer\":\"buildings\",\"op\":\"modify\","
        + "\"features\":[{\"type\":\"Feature\",\"id\":7,\"properties\":{\"levels\":2}},"
        + "{\"type\":\"Feature\",\"id\":\"8\",\"op\":\"delete\",\"geometry\":" + SQUARE + "},"
        + "{\"type\":\"Feature\",\"layer\":\"parks\",\"op\":\"add\",\"geometry\":" + SQUARE + "}]}");
    assertThat(edits).extracting(FeatureEdit::op).containsExactly(EditOp.MODIFY, EditOp.DELETE, EditOp.ADD);
    assertThat(edits).extracting(FeatureEdit::layerId).containsExactly("buildings", "buildings", "parks");
    assertThat(edits).extracting(FeatureEdit::featureId).containsExactly(7L, 8L, null);
    assertThat(edits.get(1).geometry()).isNull(); // a delete ignores any geometry
    assertThat(edits.get(2).locator()).isEqualTo("features[2]");
    assertThat(edits.get(2).at("geometry")).isEqualTo("features[2].geometry");
  }

  @Test
  void shapeErrorsPointAtTheMember() {
    fails("{\"type\":\"Point\"}", "type");
    fails("{\"type\":\"FeatureCollection\",\"features\":[]}", "features");
    fails("{\"type\":\"FeatureCollection\",\"features\":[1]}", "features[0]");
    fails("{\"type\":\"Feature\",\"op\":\"add\",\"geometry\":" + SQUARE + "}", "layer");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"geometry\":" + SQUARE + "}", "op");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"upsert\"}", "op");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"add\"}", "geometry");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"add\",\"id\":4,\"geometry\":" + SQUARE + "}", "id");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"modify\"}", "id");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"delete\",\"id\":-4}", "id");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"delete\",\"id\":1.5}", "id");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"modify\",\"id\":1,\"properties\":[1]}", "properties");
    fails("{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"modify\",\"id\":1,\"geometry\":\"POINT(0 0)\"}",
        "geometry");
    fails("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"layer\":\"b\",\"op\":\"modify\"}]}",
        "features[0].id");
  }
}
