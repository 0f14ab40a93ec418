package vn.citytwin.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The live sensor settings: defaults, alert rules and the errors that name their key. */
class SensorsLiveSettingsTest {
  @Test
  void defaultsJudgeTheDemoPropertiesByVietnameseBands() {
    SensorsLiveSettings s = SensorsLiveSettings.defaults();
    assertThat(s.mqtt().port()).isEqualTo(1883);
    assertThat(s.mqtt().publishQos()).isZero();
    assertThat(s.alerts().forProperty("pm2.5").status(50.4)).isEqualTo("ok");
    assertThat(s.alerts().forProperty("PM2.5").status(50.5)).isEqualTo("warning");
    assertThat(s.alerts().forProperty("PM2.5").status(80.5)).isEqualTo("alarm");
    assertThat(s.alerts().forProperty("Water level").status(1.9)).isEqualTo("warning");
    assertThat(s.alerts().forProperty("Sea level").status(1.85)).isEqualTo("alarm");
    assertThat(s.alerts().forProperty("Air temperature")).isNull();
    assertThat(s.mqtt().toString()).doesNotContain("secret");
  }

  @Test
  void lowIsBadRulesAndSecretsStayOutOfLogs() {
    SensorsLiveSettings s = SensorsLiveSettings.from(ConfigSource.of(Map.of(
        "sensors.alerts.rules", "Dissolved oxygen:<=4,<=2", "sensors.mqtt.password", "secret")));
    assertThat(s.alerts().forProperty("dissolved oxygen").status(5)).isEqualTo("ok");
    assertThat(s.alerts().forProperty("dissolved oxygen").status(3)).isEqualTo("warning");
    assertThat(s.alerts().forProperty("dissolved oxygen").status(2)).isEqualTo("alarm");
    assertThat(s.mqtt().toString()).doesNotContain("secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PM2.5:>=50", "PM2.5:>50,>=80", "PM2.5:>=50,<=80", "PM2.5:>=80,>=50", "PM2.5:>=a,>=80",
      ":>=1,>=2"})
  void badRulesNameTheKey(String rules) {
    assertThatThrownBy(() -> SensorsLiveSettings.from(ConfigSource.of(Map.of("sensors.alerts.rules", rules))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sensors.alerts.rules");
  }

  @Test
  void badMqttValuesNameTheirKey() {
    assertThatThrownBy(() -> SensorsLiveSettings.from(ConfigSource.of(Map.of("sensors.mqtt.topic.prefix", "a/+/"))))
        .hasMessageContaining("sensors.mqtt.topic.prefix");
    assertThatThrownBy(() -> SensorsLiveSettings.from(ConfigSource.of(Map.of("sensors.mqtt.reconnect.min.ms", "5000",
        "sensors.mqtt.reconnect.max.ms", "1000")))).hasMessageContaining("sensors.mqtt.reconnect.max.ms");
    assertThatThrownBy(() -> SensorsLiveSettings.from(ConfigSource.of(Map.of("sensors.mqtt.publish.qos", "2"))))
        .hasMessageContaining("sensors.mqtt.publish.qos");
  }
}
