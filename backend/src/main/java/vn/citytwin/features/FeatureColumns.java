package vn.citytwin.features;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;

/**
 * The columns a stream reads for one query, in result-set order: the id column (when the layer has one), then the
 * attribute columns ({@link FeatureSql#outputColumns}), then {@code scenario_status} and the geometry as WKB. The
 * id column is the feature id in every encoding and is not repeated among the attributes.
 *
 * @param attributes the attribute fields (never the id column), in output order
 */
public record FeatureColumns(Layer layer, boolean hasId, List<Field> attributes) {

  public FeatureColumns {
    attributes = List.copyOf(attributes);
  }

  public static FeatureColumns of(LayerQuery q) {
    Layer layer = q.layer();
    List<Field> attributes = new ArrayList<>();
    boolean hasId = false;
    for (String name : FeatureSql.outputColumns(q)) {
      if (name.equals(layer.idColumn())) {
        hasId = true;
      } else {
        attributes.add(layer.field(name).orElseThrow());
      }
    }
    return new FeatureColumns(layer, hasId, attributes);
  }

  /** Names of the selected columns in result-set order (id first when present). */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    if (hasId) {
      names.add(layer.idColumn());
    }
    attributes.forEach(f -> names.add(f.name()));
    return names;
  }
}
