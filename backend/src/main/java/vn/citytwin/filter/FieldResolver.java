package vn.citytwin.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tells the SQL writer which properties a layer has. Implementations come from the catalog. */
public interface FieldResolver {

  /** The field for a property name as written in the filter; empty when the layer has no such property. */
  Optional<FieldRef> resolve(String propertyName);

  /** The default geometry column (type GEOMETRY, EPSG:4326), or null when the layer has none. */
  FieldRef geometry();

  /** Some valid property names, used only to make "unknown property" messages helpful. */
  default Collection<String> propertyNames() {
    return List.of();
  }

  /**
   * The layer's name as used in feature ids ({@code buildings} in {@code buildings.42}); when present, ids with
   * another layer's prefix match nothing.
   */
  default Optional<String> layerName() {
    return Optional.empty();
  }

  /**
   * A resolver over a fixed list of fields, matched by exact name; the default geometry is the first GEOMETRY
   * field.
   */
  static FieldResolver of(String layerName, List<FieldRef> fields) {
    Map<String, FieldRef> byName = new LinkedHashMap<>();
    FieldRef geometry = null;
    for (FieldRef f : fields) {
      byName.putIfAbsent(f.name(), f);
      if (geometry == null && f.type() == FieldType.GEOMETRY) {
        geometry = f;
      }
    }
    FieldRef defaultGeometry = geometry;
    List<String> names = new ArrayList<>(byName.keySet());
    return new FieldResolver() {
      @Override
      public Optional<FieldRef> resolve(String propertyName) {
        return Optional.ofNullable(byName.get(propertyName));
      }

      @Override
      public FieldRef geometry() {
        return defaultGeometry;
      }

      @Override
      public Collection<String> propertyNames() {
        return names;
      }

      @Override
      public Optional<String> layerName() {
        return Optional.ofNullable(layerName);
      }
    };
  }
}
