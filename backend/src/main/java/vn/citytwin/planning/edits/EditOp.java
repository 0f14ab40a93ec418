package vn.citytwin.planning.edits;

import java.util.Locale;

/** What an edit does to a feature. */
public enum EditOp {
  /** A new feature (its id is assigned by the server from {@code planning.feature_id_seq}). */
  ADD,
  /** New properties and/or geometry for an existing feature, merged over its current state. */
  MODIFY,
  /** The feature is gone from the scenario's city. */
  DELETE;

  /** The name in JSON and in {@code planning.edit.op}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The op for a wire name, or null when there is none. */
  public static EditOp fromWire(String s) {
    for (EditOp op : values()) {
      if (op.wire().equals(s)) {
        return op;
      }
    }
    return null;
  }
}
