package vn.citytwin.query;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Sql;
import vn.citytwin.filter.FieldRef;
import vn.citytwin.filter.FieldResolver;
import vn.citytwin.filter.FieldType;

/**
 * The bridge from the catalog to the filter module: a layer's queryable fields as filter field references over a
 * table alias. The filter module stays independent of the catalog; this is the one place that translates.
 */
public final class LayerFields {
  private LayerFields() {}

  /** Resolver for filters on {@code alias.*} of a layer's row source (geometry in EPSG:4326). */
  public static FieldResolver resolver(Layer layer, String alias) {
    List<FieldRef> refs = new ArrayList<>();
    for (Field f : layer.queryableFields()) {
      refs.add(new FieldRef(f.name(), alias + "." + Sql.ident(f.name()), toFilterType(f.type())));
    }
    if (layer.idColumn() != null && layer.queryableFields().stream().noneMatch(f -> f.name().equals("id"))) {
      refs.add(new FieldRef("id", alias + "." + Sql.ident(layer.idColumn()), FieldType.INTEGER));
    }
    refs.add(new FieldRef(layer.geometryColumn(), alias + "." + Sql.ident(layer.geometryColumn()),
        FieldType.GEOMETRY));
    return FieldResolver.of(layer.id(), refs);
  }

  static FieldType toFilterType(vn.citytwin.catalog.FieldType type) {
    return switch (type) {
      case STRING, OTHER -> FieldType.STRING;
      case INTEGER -> FieldType.INTEGER;
      case NUMBER -> FieldType.NUMBER;
      case BOOLEAN -> FieldType.BOOLEAN;
      case DATE -> FieldType.DATE;
      case TIMESTAMP -> FieldType.TIMESTAMP;
      case GEOMETRY -> FieldType.GEOMETRY;
    };
  }
}
