package vn.citytwin.planning.simulation.access;

import java.util.Locale;

/**
 * How distance is measured: along the road network (pgRouting), or straight-line as the documented fallback when
 * the scenario's city has no road network or the database has no pgRouting. {@link #AUTO} picks the network when
 * it can.
 */
public enum AccessMethod {
  AUTO, NETWORK, STRAIGHT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
