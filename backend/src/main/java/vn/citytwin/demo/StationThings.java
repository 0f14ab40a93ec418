package vn.citytwin.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the demo city's {@code city.sensor_stations} into SensorThings entities (schema {@code sensor}): one Thing
 * and one Location per station, one Datastream per quantity the station kind really measures, with UCUM units.
 * Idempotent and deterministic: a station whose code already has a Thing ({@code properties.stationCode}) is
 * skipped; Sensors and ObservedProperties are found by name or created; everything is created in station id order.
 *
 * <p>Heights (water level, sea level) are metres above the VN-2000 national height datum, whose zero is the mean
 * sea level at the Hòn Dấu tide station (Hải Phòng).
 */
public final class StationThings {
  private static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";
  private static final String COUNT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation";
  private static final String UCUM = "http://unitsofmeasure.org/ucum.html";

  /** A quantity: observed property, its definition, unit name/symbol, and O&M type. */
  record Quantity(String property, String definition, String description, String unitName, String unitSymbol,
                  String type) {}

  private static final Quantity PM25 = q("PM2.5", "https://en.wikipedia.org/wiki/Particulates#PM2.5",
      "Mass concentration of particulate matter below 2.5 µm (Bụi PM2.5)", "microgram per cubic metre", "ug/m3");
  private static final Quantity PM10 = q("PM10", "https://en.wikipedia.org/wiki/Particulates#PM10",
      "Mass concentration of particulate matter below 10 µm (Bụi PM10)", "microgram per cubic metre", "ug/m3");
  private static final Quantity NO2 = q("NO2", "https://en.wikipedia.org/wiki/Nitrogen_dioxide",
      "Nitrogen dioxide concentration", "microgram per cubic metre", "ug/m3");
  private static final Quantity O3 = q("O3", "https://en.wikipedia.org/wiki/Ozone",
      "Ozone concentration", "microgram per cubic metre", "ug/m3");
  private static final Quantity CO = q("CO", "https://en.wikipedia.org/wiki/Carbon_monoxide",
      "Carbon monoxide concentration", "microgram per cubic metre", "ug/m3");
  private static final Quantity WATER_LEVEL = q("Water level", "https://en.wikipedia.org/wiki/Water_level",
      "Water surface height above the VN-2000 height datum (Hòn Dấu) (Mực nước)", "metre", "m");
  private static final Quantity SEA_LEVEL = q("Sea level", "https://en.wikipedia.org/wiki/Sea_level",
      "Sea surface height above the VN-2000 height datum (Hòn Dấu) (Mực nước biển)", "metre", "m");
  private static final Quantity WATER_TEMPERATURE = q("Water temperature",
      "https://en.wikipedia.org/wiki/Sea_surface_temperature", "Temperature of the water (Nhiệt độ nước)",
      "degree Celsius", "Cel");
  private static final Quantity SALINITY = q("Salinity", "https://en.wikipedia.org/wiki/Salinity",
      "Practical salinity of sea water (Độ mặn), PSS-78, dimensionless", "practical salinity (PSS-78)", "1");
  private static final Quantity PH = q("pH", "https://en.wikipedia.org/wiki/PH", "pH of the water", "pH", "[pH]");
  private static final Quantity DISSOLVED_OXYGEN = q("Dissolved oxygen", "https://en.wikipedia.org/wiki/Oxygen_saturation",
      "Dissolved oxygen concentration (DO)", "milligram per litre", "mg/L");
  private static final Quantity TURBIDITY = q("Turbidity", "https://en.wikipedia.org/wiki/Turbidity",
      "Turbidity (Độ đục)", "nephelometric turbidity unit", "NTU");
  private static final Quantity TRAFFIC_VOLUME = new Quantity("Traffic volume",
      "https://en.wikipedia.org/wiki/Traffic_count", "Vehicles passing in 5 minutes, all lanes (Lưu lượng xe)",
      "vehicles per 5 minutes", "{vehicle}/(5.min)", COUNT);
  private static final Quantity MEAN_SPEED = q("Mean speed", "https://en.wikipedia.org/wiki/Speed",
      "Mean speed of the vehicles counted (Tốc độ trung bình)", "kilometre per hour", "km/h");
  private static final Quantity NOISE = q("Noise level", "https://en.wikipedia.org/wiki/Equivalent_continuous_sound_level",
      "A-weighted equivalent sound level over 5 minutes, LAeq,5min (Mức ồn)", "decibel (A-weighted)", "dB(A)");
  private static final Quantity AIR_TEMPERATURE = q("Air temperature", "https://en.wikipedia.org/wiki/Temperature",
      "Air temperature at 2 m (Nhiệt độ không khí)", "degree Celsius", "Cel");
  private static final Quantity HUMIDITY = q("Relative humidity", "https://en.wikipedia.org/wiki/Humidity",
      "Relative humidity at 2 m (Độ ẩm)", "percent", "%");
  private static final Quantity RAIN = q("Precipitation", "https://en.wikipedia.org/wiki/Precipitation",
      "Rainfall in the last 10 minutes (Lượng mưa)", "millimetre", "mm");
  private static final Quantity WIND_SPEED = q("Wind speed", "https://en.wikipedia.org/wiki/Wind_speed",
      "Mean wind speed at 10 m (Tốc độ gió)", "metre per second", "m/s");
  private static final Quantity PRESSURE = q("Air pressure", "https://en.wikipedia.org/wiki/Atmospheric_pressure",
      "Station air pressure (Khí áp)", "hectopascal", "hPa");

  /** What each station kind measures and with which instrument. */
  record Kind(String sensor, String sensorDescription, List<Quantity> quantities) {}

  static final Map<String, Kind> KINDS = Map.of(
      "air_quality", new Kind("Automatic air quality monitor",
          "Beta-attenuation particulate monitor with gas analysers (NO2, O3, CO)", List.of(PM25, PM10, NO2, O3, CO)),
      "water_quality", new Kind("Coastal water quality sonde",
          "Multiparameter sonde: temperature, conductivity (salinity), pH, DO, turbidity",
          List.of(WATER_TEMPERATURE, SALINITY, PH, DISSOLVED_OXYGEN, TURBIDITY)),
      "tide_gauge", new Kind("Radar tide gauge", "Radar water-level sensor over the sea, referenced to VN-2000",
          List.of(SEA_LEVEL, WATER_TEMPERATURE)),
      "traffic", new Kind("Inductive loop vehicle counter", "Loop detectors in every lane, 5-minute aggregation",
          List.of(TRAFFIC_VOLUME, MEAN_SPEED)),
      "noise", new Kind("Class 1 sound level meter", "IEC 61672-1 class 1 noise monitoring terminal",
          List.of(NOISE)),
      "water_level", new Kind("Radar level sensor", "Radar water-level sensor over the lake, referenced to VN-2000",
          List.of(WATER_LEVEL)),
      "weather", new Kind("Automatic weather station", "Temperature, humidity, rain gauge, anemometer, barometer",
          List.of(AIR_TEMPERATURE, HUMIDITY, RAIN, WIND_SPEED, PRESSURE)));

  private StationThings() {}

  private static Quantity q(String property, String definition, String description, String unitName, String symbol) {
    return new Quantity(property, definition, description, unitName, symbol, MEASUREMENT);
  }

  /** What a call created. */
  public record Result(int things, int datastreams) {}

  /**
   * Creates the entities of every station that has none yet, in the caller's transaction.
   *
   * @throws SQLException when the schema is not migrated or the database refuses
   */
  public static Result ensure(Connection c) throws SQLException {
    record Station(long id, String code, String name, String kind, String ward) {}
    List<Station> todo = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.code, s.name, s.kind, s.ward "
        + "FROM city.sensor_stations s WHERE NOT EXISTS (SELECT 1 FROM sensor.thing t "
        + "WHERE t.properties->>'stationCode' = s.code) ORDER BY s.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        todo.add(new Station(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    }
    int things = 0;
    int datastreams = 0;
    for (Station s : todo) {
      Kind kind = KINDS.get(s.kind());
      if (kind == null) {
        continue;
      }
      long thing = id(c, "INSERT INTO sensor.thing (name, description, properties) VALUES (?, ?, "
          + "jsonb_build_object('stationCode', ?::text, 'kind', ?::text, 'ward', ?::text, 'stationId', ?::bigint, "
          + "'synthetic', true)) RETURNING id", s.name(), kind.sensor() + " — " + s.code(), s.code(), s.kind(),
          s.ward(), s.id());
      long location = id(c, "INSERT INTO sensor.location (name, description, encoding_type, location, properties) "
          + "SELECT ?, ?, 'application/geo+json', geom, jsonb_build_object('stationCode', code) "
          + "FROM city.sensor_stations WHERE id = ? RETURNING id", s.name(), "Vị trí trạm " + s.code(), s.id());
      id(c, "INSERT INTO sensor.thing_location (thing_id, location_id) VALUES (?, ?) RETURNING thing_id", thing,
          location);
      long sensor = findOrCreate(c, "sensor.sensor", kind.sensor(),
          "INSERT INTO sensor.sensor (name, description, encoding_type, metadata) VALUES (?, ?, 'text/html', ?) "
              + "RETURNING id", kind.sensor(), kind.sensorDescription(), "https://citytwin.example/sensors/"
              + s.kind());
      for (Quantity q : kind.quantities()) {
        long op = findOrCreate(c, "sensor.observed_property", q.property(),
            "INSERT INTO sensor.observed_property (name, definition, description) VALUES (?, ?, ?) RETURNING id",
            q.property(), q.definition(), q.description());
        id(c, "INSERT INTO sensor.datastream (name, description, observation_type, unit_of_measurement, "
            + "observed_area, properties, thing_id, sensor_id, observed_property_id) "
            + "SELECT ?, ?, ?, jsonb_build_object('name', ?::text, 'symbol', ?::text, 'definition', ?::text), geom, "
            + "jsonb_build_object('stationCode', code, 'kind', kind), ?, ?, ? FROM city.sensor_stations WHERE id = ? "
            + "RETURNING id", q.property() + " — " + s.code(), q.property() + " tại " + s.name(), q.type(),
            q.unitName(), q.unitSymbol(), UCUM, thing, sensor, op, s.id());
        datastreams++;
      }
      things++;
    }
    return new Result(things, datastreams);
  }

  private static long findOrCreate(Connection c, String table, String name, String insert, Object... values)
      throws SQLException {
    // table is one of two constants above, never input
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE name = ? ORDER BY id LIMIT 1")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    return id(c, insert, values);
  }

  private static long id(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
