package vn.citytwin.tiles3d;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One property of a metadata class: its name (an identifier: letters, digits, underscore, not starting with a
 * digit), type, whether every feature must have a value, and the value written for a missing one.
 *
 * @param noData the value stored for a missing (null) input, declared as the schema's {@code noData}; required
 *     unless {@code required} is true; a String for STRING, a Number for scalars (integral for integer types,
 *     within range). BOOLEAN properties cannot have one (the 3D Metadata spec forbids it), so they must be required.
 * @throws IllegalArgumentException on a bad name, a missing or mistyped noData, or an optional BOOLEAN
 */
public record PropertyDef(String name, PropertyType type, boolean required, Object noData, String description) {
  private static final Pattern ID = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

  public PropertyDef {
    Objects.requireNonNull(type, "type");
    if (name == null || !ID.matcher(name).matches()) {
      throw new IllegalArgumentException("property name must be an identifier: " + name);
    }
    if (required) {
      noData = null;
    } else if (type == PropertyType.BOOLEAN) {
      throw new IllegalArgumentException("BOOLEAN property '" + name + "' must be required (no noData allowed)");
    } else if (noData == null) {
      throw new IllegalArgumentException("optional property '" + name + "' needs a noData value");
    } else if (type == PropertyType.STRING ? !(noData instanceof String) : !(noData instanceof Number)) {
      throw new IllegalArgumentException("noData of '" + name + "' does not match type " + type);
    } else if (type.isInteger()) {
      PropertyValues.toLong(noData, type, name);
    }
  }

  /** A property every feature must have. */
  public static PropertyDef required(String name, PropertyType type) {
    return new PropertyDef(name, type, true, null, null);
  }

  /** A property that may be missing; missing values are written as {@code noData}. */
  public static PropertyDef optional(String name, PropertyType type, Object noData) {
    return new PropertyDef(name, type, false, noData, null);
  }

  /** An optional STRING whose missing values are written as the empty string. */
  public static PropertyDef string(String name) {
    return optional(name, PropertyType.STRING, "");
  }

  /** The same property with a human-readable description for the schema. */
  public PropertyDef describedAs(String text) {
    return new PropertyDef(name, type, required, noData, text);
  }
}
