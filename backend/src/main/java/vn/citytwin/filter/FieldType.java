package vn.citytwin.filter;

/** The type of a layer field, which decides how literals compared with it are coerced and bound. */
public enum FieldType {
  STRING, INTEGER, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY;

  /** True for INTEGER and NUMBER. */
  public boolean isNumeric() {
    return this == INTEGER || this == NUMBER;
  }

  /** True for DATE and TIMESTAMP. */
  public boolean isTemporal() {
    return this == DATE || this == TIMESTAMP;
  }
}
