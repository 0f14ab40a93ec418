package vn.citytwin.edit;

import java.util.List;
import vn.citytwin.catalog.Layer;

/**
 * Where a feature's members sit in the request, for the locators of errors: JSON paths for scenario edits
 * ({@code features[2].properties.levels}), property names for the OGC protocols ({@code levels}, {@code geom}).
 */
public interface EditLocator {
  /** The locator of the property {@code column}. */
  String property(String column);

  /** The locator of the geometry. */
  String geometry();

  /** The locator of a rule over {@code columns} (several, or none known). */
  String rule(List<String> columns);

  /**
   * JSON paths below {@code feature}, the feature's own path ({@code ""} for a lone Feature, {@code features[3]}
   * in a collection): {@code properties.<column>}, {@code geometry}, {@code properties}.
   */
  static EditLocator jsonPath(String feature) {
    String prefix = feature.isEmpty() ? "" : feature + ".";
    return new EditLocator() {
      @Override
      public String property(String column) {
        return prefix + "properties." + column;
      }

      @Override
      public String geometry() {
        return prefix + "geometry";
      }

      @Override
      public String rule(List<String> columns) {
        return prefix + "properties";
      }
    };
  }

  /** Column names of {@code layer}, as OGC exception locators are: the property, the geometry column. */
  static EditLocator columns(Layer layer) {
    return new EditLocator() {
      @Override
      public String property(String column) {
        return column;
      }

      @Override
      public String geometry() {
        return layer.geometryColumn();
      }

      @Override
      public String rule(List<String> columns) {
        return columns.isEmpty() ? layer.id() : String.join(",", columns);
      }
    };
  }
}
