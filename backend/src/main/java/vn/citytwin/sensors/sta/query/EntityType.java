package vn.citytwin.sensors.sta.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight SensorThings entity types (OGC 18-088 §8.2), their tables, properties and navigation properties.
 * The one place that maps STA names to SQL: nothing from a request ever becomes an identifier.
 */
public enum EntityType {
  THING("Thing", "Things", "sensor.thing"),
  LOCATION("Location", "Locations", "sensor.location"),
  HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "sensor.historical_location"),
  DATASTREAM("Datastream", "Datastreams", "sensor.datastream"),
  SENSOR("Sensor", "Sensors", "sensor.sensor"),
  OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "sensor.observed_property"),
  OBSERVATION("Observation", "Observations", "sensor.observation"),
  FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "sensor.feature_of_interest");

  private final String singular;
  private final String plural;
  private final String table;
  private final Map<String, Prop> props = new LinkedHashMap<>();
  private final Map<String, Nav> navs = new LinkedHashMap<>();

  EntityType(String singular, String plural, String table) {
    this.singular = singular;
    this.plural = plural;
    this.table = table;
  }

  static {
    THING.props(text("name"), text("description"), json("properties"));
    THING.nav(many("Locations", "Location", "sensor.thing_location {x} JOIN sensor.location {t} ON {t}.id = {x}.location_id",
        "{x}.thing_id = {s}.id", null, "sensor.thing_location", "thing_id", "location_id"));
    THING.nav(many("HistoricalLocations", "HistoricalLocation", "sensor.historical_location {t}", "{t}.thing_id = {s}.id",
        "thing_id"));
    THING.nav(many("Datastreams", "Datastream", "sensor.datastream {t}", "{t}.thing_id = {s}.id", "thing_id"));

    LOCATION.props(text("name"), text("description"), Prop.of("encodingType", PropKind.TEXT, "encoding_type"),
        Prop.of("location", PropKind.GEOMETRY, "location"), json("properties"));
    LOCATION.nav(many("Things", "Thing", "sensor.thing_location {x} JOIN sensor.thing {t} ON {t}.id = {x}.thing_id",
        "{x}.location_id = {s}.id", null, "sensor.thing_location", "location_id", "thing_id"));
    LOCATION.nav(many("HistoricalLocations", "HistoricalLocation",
        "sensor.location_historical_location {x} JOIN sensor.historical_location {t} ON {t}.id = {x}.historical_location_id",
        "{x}.location_id = {s}.id", null, "sensor.location_historical_location", "location_id", "historical_location_id"));

    HISTORICAL_LOCATION.props(Prop.of("time", PropKind.INSTANT, "time"));
    HISTORICAL_LOCATION.nav(one("Thing", "Thing", "sensor.thing {t}", "{t}.id = {s}.thing_id"));
    HISTORICAL_LOCATION.nav(many("Locations", "Location",
        "sensor.location_historical_location {x} JOIN sensor.location {t} ON {t}.id = {x}.location_id",
        "{x}.historical_location_id = {s}.id", null, "sensor.location_historical_location", "historical_location_id",
        "location_id"));

    DATASTREAM.props(text("name"), text("description"),
        Prop.of("unitOfMeasurement", PropKind.JSON, "unit_of_measurement"),
        Prop.of("observationType", PropKind.TEXT, "observation_type"),
        Prop.of("observedArea", PropKind.GEOMETRY, "observed_area"),
        // Server-kept extents (sensor.latest), unless a client set them.
        new Prop("phenomenonTime", PropKind.INTERVAL,
            "coalesce({e}.phenomenon_time_start, (SELECT l.phenomenon_time_min FROM sensor.latest l WHERE l.datastream_id = {e}.id))",
            "coalesce({e}.phenomenon_time_end, (SELECT l.phenomenon_time_max FROM sensor.latest l WHERE l.datastream_id = {e}.id))",
            false),
        new Prop("resultTime", PropKind.INTERVAL,
            "coalesce({e}.result_time_start, (SELECT l.result_time_min FROM sensor.latest l WHERE l.datastream_id = {e}.id))",
            "coalesce({e}.result_time_end, (SELECT l.result_time_max FROM sensor.latest l WHERE l.datastream_id = {e}.id))",
            false),
        json("properties"));
    DATASTREAM.nav(one("Thing", "Thing", "sensor.thing {t}", "{t}.id = {s}.thing_id"));
    DATASTREAM.nav(one("Sensor", "Sensor", "sensor.sensor {t}", "{t}.id = {s}.sensor_id"));
    DATASTREAM.nav(one("ObservedProperty", "ObservedProperty", "sensor.observed_property {t}",
        "{t}.id = {s}.observed_property_id"));
    DATASTREAM.nav(many("Observations", "Observation", "sensor.observation {t}", "{t}.datastream_id = {s}.id",
        "datastream_id"));

    SENSOR.props(text("name"), text("description"), Prop.of("encodingType", PropKind.TEXT, "encoding_type"),
        text("metadata"), json("properties"));
    SENSOR.nav(many("Datastreams", "Datastream", "sensor.datastream {t}", "{t}.sensor_id = {s}.id", "sensor_id"));

    OBSERVED_PROPERTY.props(text("name"), text("definition"), text("description"), json("properties"));
    OBSERVED_PROPERTY.nav(many("Datastreams", "Datastream", "sensor.datastream {t}", "{t}.observed_property_id = {s}.id",
        "observed_property_id"));

    OBSERVATION.props(
        new Prop("phenomenonTime", PropKind.INTERVAL, "{e}.phenomenon_time_start", "{e}.phenomenon_time_end", true),
        Prop.of("resultTime", PropKind.INSTANT, "result_time"),
        new Prop("result", PropKind.RESULT, "{e}.result_number", "{e}.result_json", true),
        Prop.of("resultQuality", PropKind.JSON, "result_quality"),
        new Prop("validTime", PropKind.INTERVAL, "{e}.valid_time_start", "{e}.valid_time_end", true),
        Prop.of("parameters", PropKind.JSON, "parameters"));
    OBSERVATION.nav(one("Datastream", "Datastream", "sensor.datastream {t}", "{t}.id = {s}.datastream_id"));
    OBSERVATION.nav(one("FeatureOfInterest", "FeatureOfInterest", "sensor.feature_of_interest {t}",
        "{t}.id = {s}.feature_of_interest_id"));

    FEATURE_OF_INTEREST.props(text("name"), text("description"), Prop.of("encodingType", PropKind.TEXT, "encoding_type"),
        Prop.of("feature", PropKind.GEOMETRY, "feature"), json("properties"));
    FEATURE_OF_INTEREST.nav(many("Observations", "Observation", "sensor.observation {t}",
        "{t}.feature_of_interest_id = {s}.id", "feature_of_interest_id"));
  }

  private static Prop text(String name) {
    return Prop.of(name, PropKind.TEXT, name);
  }

  private static Prop json(String name) {
    return Prop.of(name, PropKind.JSON, name);
  }

  private static Nav many(String name, String target, String from, String where, String childColumn) {
    return new Nav(name, target, true, from, where, childColumn, null);
  }

  private static Nav many(String name, String target, String from, String where, String childColumn, String link,
                          String sourceColumn, String targetColumn) {
    return new Nav(name, target, true, from, where, childColumn, new String[] {link, sourceColumn, targetColumn});
  }

  private static Nav one(String name, String target, String from, String where) {
    return new Nav(name, target, false, from, where, null, null);
  }

  private void props(Prop... ps) {
    for (Prop p : ps) {
      props.put(p.name(), p);
    }
  }

  private void nav(Nav n) {
    navs.put(n.name(), n);
  }

  /** "Thing". */
  public String singular() {
    return singular;
  }

  /** "Things": the entity set's name. */
  public String plural() {
    return plural;
  }

  public String table() {
    return table;
  }

  /** Properties in document order (without the id). */
  public List<Prop> props() {
    return List.copyOf(props.values());
  }

  public Prop prop(String name) {
    return props.get(name);
  }

  public List<Nav> navs() {
    return List.copyOf(navs.values());
  }

  public Nav nav(String name) {
    return navs.get(name);
  }

  /** The target entity type of a navigation property. */
  public static EntityType targetOf(Nav nav) {
    return bySingular(nav.target());
  }

  public static EntityType byPlural(String name) {
    for (EntityType t : values()) {
      if (t.plural.equals(name)) {
        return t;
      }
    }
    return null;
  }

  public static EntityType bySingular(String name) {
    for (EntityType t : values()) {
      if (t.singular.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
