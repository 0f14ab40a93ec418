package vn.citytwin.sensors.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Create topics are read, notification topics written, as STA 1.1 §14 names them (under a prefix). */
class StaTopicsTest {
  static final StaTopics TOPICS = new StaTopics("vt/");

  @ParameterizedTest
  @CsvSource({
      "vt/v1.1/Datastreams(7)/Observations, 7",
      "vt/v1.1/Observations, 0",
      "vt/v1.1/Things(7)/Observations, -1",
      "vt/v1.1/Datastreams(x)/Observations, -1",
      "vt/v1.1/Datastreams(7)/Sensor, -1",
      "v1.1/Datastreams(7)/Observations, -1",
      "vt/v1.0/Datastreams(7)/Observations, -1"})
  void theDatastreamOfACreateTopic(String topic, long expected) {
    assertThat(TOPICS.datastreamOf(topic)).isEqualTo(expected);
  }

  @Test
  void wildcardsFillWholeLevelsAndNotificationsNameEveryPath() {
    assertThat(TOPICS.ingestFilters()).containsExactly("vt/v1.1/Observations", "vt/v1.1/+/Observations");
    assertThat(TOPICS.notifyTopics(7, 2, 5)).containsExactly("vt/v1.1/Observations",
        "vt/v1.1/Datastreams(7)/Observations", "vt/v1.1/Things(2)/Datastreams(7)/Observations",
        "vt/v1.1/FeaturesOfInterest(5)/Observations");
    assertThat(TOPICS.notifyTopics(7, 0, 0)).hasSize(2);
  }
}
