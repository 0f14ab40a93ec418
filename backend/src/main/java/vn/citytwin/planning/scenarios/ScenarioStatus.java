package vn.citytwin.planning.scenarios;

import java.util.Locale;
import vn.citytwin.core.error.ApiException;

/** Where a scenario is in the planning process. Only drafts and proposals take edits (see {@link #isEditable()}). */
public enum ScenarioStatus {
  DRAFT, PROPOSED, APPROVED, ARCHIVED;

  /** The name in JSON and in the database: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** An approved or archived plan is a record of a decision: its city must not change under it. */
  public boolean isEditable() {
    return this == DRAFT || this == PROPOSED;
  }

  /** Parses the wire name; an unknown value is an invalid-parameter error with the given locator. */
  public static ScenarioStatus parse(String value, String locator) {
    if (value != null) {
      for (ScenarioStatus s : values()) {
        if (s.wire().equals(value)) {
          return s;
        }
      }
    }
    throw ApiException.invalidParameter(locator, locator + " must be one of draft, proposed, approved, archived");
  }
}
