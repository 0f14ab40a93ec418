package vn.citytwin.planning.simulation;

import java.util.Locale;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;

/** The simulations a scenario can run; {@link #wire()} is the name in URLs and JSON. */
public enum SimulationKind {
  FLOOD, SHADOW, ACCESSIBILITY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named in a URL; NOT_FOUND (locator {@code kind}) for anything else. */
  public static SimulationKind parse(String raw) {
    for (SimulationKind k : values()) {
      if (k.wire().equals(raw)) {
        return k;
      }
    }
    throw ApiException.notFound("kind", "Unknown simulation kind '" + ErrorText.abbreviate(raw, 40)
        + "'; one of flood, shadow, accessibility");
  }

}
