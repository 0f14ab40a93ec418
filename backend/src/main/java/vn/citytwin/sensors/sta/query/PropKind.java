package vn.citytwin.sensors.sta.query;

/** How an entity property is stored, which decides how it is selected, written and compared. */
public enum PropKind {
  /** The entity's id ({@code @iot.id}, bigint). */
  ID,
  TEXT,
  /** A JSON object column (properties, parameters, unitOfMeasurement, resultQuality); sub-paths allowed. */
  JSON,
  GEOMETRY,
  /** One timestamptz. */
  INSTANT,
  /** Two timestamptz columns: start and end (end null for an instant). */
  INTERVAL,
  /** The observation result: result_number or result_json. */
  RESULT
}
