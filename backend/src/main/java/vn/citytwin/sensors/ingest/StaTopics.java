package vn.citytwin.sensors.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SensorThings MQTT topics (OGC 18-088 §14), under an optional prefix. Create: a client publishes an
 * Observation to {@code v1.1/Datastreams(<id>)/Observations} (or to {@code v1.1/Observations} naming its
 * Datastream in the body). Notify: the server publishes each new Observation to {@code v1.1/Observations},
 * {@code v1.1/Datastreams(<id>)/Observations}, {@code v1.1/Things(<id>)/Datastreams(<id>)/Observations} and
 * {@code v1.1/FeaturesOfInterest(<id>)/Observations}.
 *
 * <p>An MQTT wildcard must fill a whole topic level, so {@code Datastreams(+)} is not a filter: the server
 * subscribes to {@code v1.1/+/Observations} and reads the id out of the level here.
 */
public final class StaTopics {
  private static final Pattern DATASTREAM = Pattern.compile("Datastreams\\((\\d{1,18})\\)");

  private final String prefix;

  /** @param prefix empty, or ending with {@code /} */
  public StaTopics(String prefix) {
    this.prefix = prefix;
  }

  /** The two filters the ingest connection subscribes to. */
  public List<String> ingestFilters() {
    return List.of(prefix + "v1.1/Observations", prefix + "v1.1/+/Observations");
  }

  /**
   * What a create topic names.
   *
   * @return the datastream id of {@code v1.1/Datastreams(<id>)/Observations}, 0 for {@code v1.1/Observations}
   *     (the body names the Datastream), or -1 for a topic on which Observations cannot be created
   */
  public long datastreamOf(String topic) {
    if (!topic.startsWith(prefix)) {
      return -1;
    }
    String rest = topic.substring(prefix.length());
    if (rest.equals("v1.1/Observations")) {
      return 0;
    }
    if (!rest.startsWith("v1.1/") || !rest.endsWith("/Observations")) {
      return -1;
    }
    String level = rest.substring("v1.1/".length(), rest.length() - "/Observations".length());
    Matcher m = DATASTREAM.matcher(level);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Where a new observation is announced; {@code thing} and {@code feature} are skipped when 0. */
  public List<String> notifyTopics(long datastream, long thing, long feature) {
    List<String> topics = new ArrayList<>(4);
    topics.add(prefix + "v1.1/Observations");
    topics.add(prefix + "v1.1/Datastreams(" + datastream + ")/Observations");
    if (thing != 0) {
      topics.add(prefix + "v1.1/Things(" + thing + ")/Datastreams(" + datastream + ")/Observations");
    }
    if (feature != 0) {
      topics.add(prefix + "v1.1/FeaturesOfInterest(" + feature + ")/Observations");
    }
    return topics;
  }
}
