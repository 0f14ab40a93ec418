package vn.citytwin.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Layer;
import vn.citytwin.filter.Filter;

/**
 * One action of an all-or-nothing edit (a WFS-T Transaction, an OGC API – Features Part 4 request). Values are keyed
 * by column name; a value is a String (XML), a typed JSON value (GeoJSON) or null, and is checked against the
 * column's type by the edit model's {@code FeatureValidator} in {@link FeatureEditService}. Geometries are x=east/y=north with their SRID set.
 */
public sealed interface FeatureEdit {
  Layer layer();

  /** A caller's label for error messages and insert results (WFS {@code handle}); may be null. */
  String handle();

  /** New features. */
  record Insert(Layer layer, List<NewFeature> features, String handle) implements FeatureEdit {
    public Insert {
      features = List.copyOf(features);
    }
  }

  /**
   * Sets columns of every feature {@code filter} matches (all features when it is null). A {@code null} map value
   * sets the column to NULL; the geometry column takes a {@link Geometry}.
   */
  record Update(Layer layer, Map<String, Object> values, Filter filter, String handle) implements FeatureEdit {
    public Update {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
  }

  /**
   * Replaces every attribute and the geometry of the feature with id {@code id}; columns not given get their
   * default (NULL when the column has none), as in a new row.
   */
  record Replace(Layer layer, Object id, NewFeature feature, String handle) implements FeatureEdit {
    public Replace {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Deletes every feature {@code filter} matches; a null filter is refused. */
  record Delete(Layer layer, Filter filter, String handle) implements FeatureEdit {}

  /**
   * A feature to write.
   *
   * @param id the id to give it, or null to let the server choose
   * @param values attribute values by column name (absent columns get their default)
   * @param geometry the geometry, or null
   */
  record NewFeature(Object id, Map<String, Object> values, Geometry geometry) {
    public NewFeature {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
  }
}
