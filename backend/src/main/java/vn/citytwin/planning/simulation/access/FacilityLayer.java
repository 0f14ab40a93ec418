package vn.citytwin.planning.simulation.access;

import java.util.Locale;

/**
 * Facility layers whose service areas can be computed, each with the column that classes its features: schools by
 * {@code level} (kindergarten, primary, secondary, …), hospitals by {@code kind} (hospital, clinic, …). The column
 * names are code, never request text.
 */
public enum FacilityLayer {
  SCHOOLS("schools", "level"), HOSPITALS("hospitals", "kind");

  private final String layerId;
  private final String classColumn;

  FacilityLayer(String layerId, String classColumn) {
    this.layerId = layerId;
    this.classColumn = classColumn;
  }

  public String layerId() {
    return layerId;
  }

  public String classColumn() {
    return classColumn;
  }

  public static FacilityLayer fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
