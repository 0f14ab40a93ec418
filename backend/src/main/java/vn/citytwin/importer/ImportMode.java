package vn.citytwin.importer;

import java.util.Locale;
import vn.citytwin.core.error.ApiException;

/** What an import does to its layer. */
public enum ImportMode {
  /** A new layer; an existing table of that name is a conflict. */
  CREATE,
  /** The layer's rows are replaced by the file's (its table, columns and catalog row stay). */
  REPLACE,
  /** The file's rows are added to the layer. */
  APPEND;

  /** {@code create|replace|append} (any case); null is CREATE. */
  public static ImportMode parse(String text, String locator) {
    if (text == null || text.isBlank()) {
      return CREATE;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(locator, "mode must be create, replace or append");
    }
  }
}
