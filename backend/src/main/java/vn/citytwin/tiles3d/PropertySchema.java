package vn.citytwin.tiles3d;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metadata schema of a layer's tiles: one class ({@code className}) with an ordered list of properties. It
 * drives both the {@code EXT_structural_metadata} schema and the property table, so any layer can reuse the
 * encoder with its own attributes. Immutable.
 *
 * @param id the schema id (an identifier)
 * @param className the class name (an identifier), e.g. {@code building}
 * @throws IllegalArgumentException for bad identifiers, duplicate property names or no properties
 */
public record PropertySchema(String id, String className, List<PropertyDef> properties) {
  private static final Pattern ID = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

  public PropertySchema {
    if (id == null || !ID.matcher(id).matches() || className == null || !ID.matcher(className).matches()) {
      throw new IllegalArgumentException("schema id and class name must be identifiers");
    }
    properties = List.copyOf(Objects.requireNonNull(properties, "properties"));
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("a property table needs at least one property");
    }
    Set<String> names = new HashSet<>();
    for (PropertyDef p : properties) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("duplicate property " + p.name());
      }
    }
  }

  /**
   * The building layer's schema (class {@code building}): id INT64 (required), name, use_type, ward,
   * scenario_status STRING (missing → ""), levels UINT16 (missing → 0), height FLOAT32 metres (required),
   * year_built INT32 (missing → 0).
   */
  public static PropertySchema buildings() {
    return new PropertySchema("citytwin", "building", List.of(
        PropertyDef.required("id", PropertyType.INT64).describedAs("Building id in the city.buildings table"),
        PropertyDef.string("name").describedAs("Name"),
        PropertyDef.string("use_type").describedAs("Use: residential, commercial, hotel…"),
        PropertyDef.optional("levels", PropertyType.UINT16, 0).describedAs("Number of storeys; 0 = unknown"),
        PropertyDef.required("height", PropertyType.FLOAT32).describedAs("Height from ground to roof top, metres"),
        PropertyDef.optional("year_built", PropertyType.INT32, 0).describedAs("Year of construction; 0 = unknown"),
        PropertyDef.string("ward").describedAs("Ward (phường) or commune"),
        PropertyDef.string("scenario_status").describedAs("Change in the requested planning scenario, if any")));
  }
}
