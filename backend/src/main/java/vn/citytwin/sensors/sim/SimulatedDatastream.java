package vn.citytwin.sensors.sim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A datastream the simulator feeds: its id, observed property, whether its Thing is the sea tide gauge, whether
 * results must be integers (count observations), and a per-station factor around 1.
 */
record SimulatedDatastream(long id, String property, boolean tideGauge, boolean integer, double site) {
  private static final String SQL = """
      SELECT d.id, op.name, lower(coalesce(t.properties ->> 'kind', '') || ' ' || t.name) AS kind,
             d.observation_type
      FROM sensor.datastream d
      JOIN sensor.observed_property op ON op.id = d.observed_property_id
      JOIN sensor.thing t ON t.id = d.thing_id
      ORDER BY d.id""";

  /** Every datastream in the database (the demo seeder makes one per station and observed property). */
  static List<SimulatedDatastream> all(Connection c) throws SQLException {
    List<SimulatedDatastream> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String kind = rs.getString(3);
        boolean tide = kind.contains("tide") || kind.contains("triều");
        boolean integer = rs.getString(4).toLowerCase(Locale.ROOT).endsWith("om_countobservation");
        // 0.85–1.30, fixed per datastream: some stations sit at junctions or on low ground.
        double site = 0.85 + 0.45 * ((id * 2654435761L) % 1000 / 1000.0);
        out.add(new SimulatedDatastream(id, rs.getString(2), tide, integer, site));
      }
    }
    return out;
  }
}
