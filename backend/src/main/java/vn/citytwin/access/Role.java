package vn.citytwin.access;

import java.util.Locale;
import java.util.Optional;

/** What a principal may do; the wire name ({@code sensor-admin}) is what the database, tokens and the CLI use. */
public enum Role {
  /** Everyone, signed in or not: public layers and published scenarios. */
  PUBLIC,
  /** Internal layers, read-only. */
  VIEWER,
  /** Creates scenarios, edits and simulates their own, shares or publishes them. */
  PLANNER,
  /** Live operations: sensors, alerts, cameras, field reports. */
  OPERATOR,
  /** SensorThings entities and ingest credentials. */
  SENSOR_ADMIN,
  /** Imports, styles, layer metadata and access, WFS-T and OGC API Part 4. */
  GIS_ADMIN,
  /** Users, tokens, settings; sees everything. */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Role> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
