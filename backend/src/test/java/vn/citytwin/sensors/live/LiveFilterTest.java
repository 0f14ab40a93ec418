package vn.citytwin.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.citytwin.core.error.ApiException;

/** Which events a live filter lets through, and the errors of bad filters. */
class LiveFilterTest {
  static final JsonObject PM25_AT_BAI_TRUOC = new JsonObject().put("datastream", 7L).put("observedProperty", "PM2.5")
      .put("lon", 107.08).put("lat", 10.35);
  static final JsonObject NO_POSITION = new JsonObject().put("datastream", 8L).put("observedProperty", "Noise level");

  static LiveFilter query(String... kv) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < kv.length; i += 2) {
      m.add(kv[i], kv[i + 1]);
    }
    return LiveFilter.fromQuery(m);
  }

  @Test
  void criteriaGivenTogetherMustAllHold() {
    assertThat(LiveFilter.all().wants("observation", PM25_AT_BAI_TRUOC)).isTrue();
    assertThat(query("datastreams", "7,9").wants("observation", PM25_AT_BAI_TRUOC)).isTrue();
    assertThat(query("datastreams", "9").wants("observation", PM25_AT_BAI_TRUOC)).isFalse();
    assertThat(query("observedProperty", "pm2.5").wants("observation", PM25_AT_BAI_TRUOC)).isTrue();
    assertThat(query("datastreams", "7", "observedProperty", "Noise level").wants("observation", PM25_AT_BAI_TRUOC))
        .isFalse();
    assertThat(query("bbox", "107.07,10.34,107.09,10.36").wants("observation", PM25_AT_BAI_TRUOC)).isTrue();
    assertThat(query("bbox", "107.09,10.34,107.10,10.36").wants("observation", PM25_AT_BAI_TRUOC)).isFalse();
    assertThat(query("bbox", "100,0,110,20").wants("observation", NO_POSITION)).as("no position, no bbox match")
        .isFalse();
    assertThat(query("types", "alert").wants("observation", PM25_AT_BAI_TRUOC)).isFalse();
    assertThat(query("types", "alert").wants("alert", PM25_AT_BAI_TRUOC)).isTrue();
  }

  @Test
  void theWebSocketMessageReadsTheSameFilter() {
    LiveFilter f = LiveFilter.fromJson(new JsonObject("{\"type\":\"subscribe\",\"datastreams\":[7],"
        + "\"observedProperties\":[\"PM2.5\"],\"bbox\":[107,10,108,11],\"types\":[\"observation\"]}"));
    assertThat(f.wants("observation", PM25_AT_BAI_TRUOC)).isTrue();
    assertThat(f.wants("alert", PM25_AT_BAI_TRUOC)).isFalse();
    assertThat(f.toJson().getJsonArray("bbox").getDouble(0)).isEqualTo(107.0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bbox|1,2,3|bbox",
      "bbox|107,10,a,11|bbox",
      "bbox|108,10,107,11|bbox",
      "bbox|107,-91,108,11|bbox",
      "datastreams|7,x|datastreams",
      "types|observation,reading|types"})
  void badQueryValuesNameTheirParameter(String name, String value, String locator) {
    assertThatThrownBy(() -> query(name, value)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.locator()).isEqualTo(locator);
      assertThat(e.httpStatus()).isEqualTo(400);
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"datastreams\":[1.5]}|datastreams",
      "{\"datastreams\":\"7\"}|datastreams",
      "{\"observedProperties\":[3]}|observedProperties",
      "{\"bbox\":[1,2,3]}|bbox",
      "{\"bbox\":[1,2,\"3\",4]}|bbox"})
  void badSubscribeMembersNameTheMember(String json, String locator) {
    assertThatThrownBy(() -> LiveFilter.fromJson(new JsonObject(json)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.locator()).isEqualTo(locator));
  }
}
