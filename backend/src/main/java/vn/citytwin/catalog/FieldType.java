package vn.citytwin.catalog;

import java.util.Locale;

/** The attribute types a layer can have, as every protocol sees them (PostgreSQL types map onto these). */
public enum FieldType {
  STRING, INTEGER, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY, OTHER;

  /** Maps a PostgreSQL type name ({@code format_type} output, or udt name) to a field type. */
  public static FieldType fromPostgres(String pgType) {
    String t = pgType.toLowerCase(Locale.ROOT);
    if (t.startsWith("geometry") || t.startsWith("geography")) {
      return GEOMETRY;
    }
    if (t.equals("smallint") || t.equals("integer") || t.equals("bigint") || t.startsWith("int")) {
      return INTEGER;
    }
    if (t.startsWith("double") || t.equals("real") || t.startsWith("numeric") || t.startsWith("float")) {
      return NUMBER;
    }
    if (t.equals("boolean") || t.equals("bool")) {
      return BOOLEAN;
    }
    if (t.equals("date")) {
      return DATE;
    }
    if (t.startsWith("timestamp")) {
      return TIMESTAMP;
    }
    if (t.equals("text") || t.startsWith("character") || t.startsWith("varchar") || t.equals("uuid")
        || t.equals("citext")) {
      return STRING;
    }
    return OTHER;
  }

  /** The JSON Schema type name (OGC API queryables, /api/layers). */
  public String jsonType() {
    return switch (this) {
      case STRING, DATE, TIMESTAMP, OTHER -> "string";
      case INTEGER -> "integer";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case GEOMETRY -> "geometry";
    };
  }
}
