package vn.citytwin.planning.edits;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.edit.FeatureValidator;
import vn.citytwin.edit.ValueSyntax;

/**
 * Checks a scenario edit against the catalog, without the database: the layer exists, is public and editable in
 * scenarios (has a feature id); its properties and geometry pass the edit model's {@link FeatureValidator} (typed
 * JSON values, JSON paths as locators).
 *
 * <p>What only the database can tell (NOT NULL columns present, CHECK constraints, date syntax, the geometry inside
 * the city, the feature existing) is checked by {@link EditService} through the edit model's {@code RowCheck} and
 * {@code CityBoundary}. Every error is an invalid-parameter {@link ApiException} with the JSON path of the
 * offending member as locator.
 */
public final class EditValidator {
  private final Catalog catalog;

  public EditValidator(Catalog catalog) {
    this.catalog = catalog;
  }

  public ValidEdit validate(FeatureEdit e) {
    Layer layer = catalog.find(e.layerId()).orElseThrow(() ->
        ApiException.invalidParameter(e.at("layer"), "Unknown layer '" + e.layerId() + "'"));
    if (!layer.meta().editable() || layer.idColumn() == null) {
      throw ApiException.invalidParameter(e.at("layer"), "Layer '" + layer.id() + "' is not editable in scenarios");
    }
    FeatureValidator.values(layer, properties(e), ValueSyntax.JSON, e.locators());
    Geometry g = e.geometry() == null ? null : FeatureValidator.geometry(layer, e.geometry(), e.at("geometry"));
    return new ValidEdit(e, layer, e.properties(), g);
  }

  /** The properties as JSON values (nested objects and arrays as JsonObject and JsonArray). */
  static Map<String, Object> properties(FeatureEdit e) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : e.properties().fieldNames()) {
      out.put(k, e.properties().getValue(k));
    }
    return out;
  }
}
