package vn.citytwin.edit;

/** How a request wrote its property values, which decides what "fits the column" means. */
public enum ValueSyntax {
  /**
   * Typed JSON values (GeoJSON of Part 4 and scenario edits): an integer column takes a JSON number with no
   * fraction, a text column a JSON string, a boolean column {@code true}/{@code false}; {@code "30"} is not a number.
   */
  JSON,
  /**
   * Text only (XML of WFS-T): every value is a string read by the column's type — {@code 30} for a number,
   * {@code true}/{@code false}/{@code 1}/{@code 0} for a boolean.
   */
  TEXT
}
