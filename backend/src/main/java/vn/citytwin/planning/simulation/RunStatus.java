package vn.citytwin.planning.simulation;

import java.util.Locale;

/** Life of a run: queued → running → done | failed | cancelled (cancelled may also follow queued). */
public enum RunStatus {
  QUEUED, RUNNING, DONE, FAILED, CANCELLED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  public static RunStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
