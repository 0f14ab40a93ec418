package vn.citytwin.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A published feature layer: a table in schema {@code city} with a geometry column, as discovered from the
 * database, plus its catalog metadata. Immutable; a reload of the catalog makes new instances.
 *
 * @param id the layer id used in every URL and protocol (the table name)
 * @param schema the table's schema
 * @param table the table name (identifiers are quoted by {@link vn.citytwin.core.db.Sql} wherever used)
 * @param idColumn the single-column integer primary key used as feature id, or null when the table has none
 * @param geometryColumn the geometry column
 * @param geometryKind the declared geometry type
 * @param srid the declared SRID (0 is treated as EPSG:4326)
 * @param fields the attribute columns in table order, without the geometry column
 */
public record Layer(String id, String schema, String table, String idColumn, String geometryColumn,
                    GeometryKind geometryKind, int srid, List<Field> fields, LayerMetadata meta) {

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Columns filters may use: the catalog's list intersected with the real columns, or every column. */
  public List<Field> queryableFields() {
    if (meta.queryable() == null) {
      return fields;
    }
    return fields.stream().filter(f -> meta.queryable().contains(f.name())).toList();
  }

  /** Columns vector tiles carry by default. */
  public List<Field> tileFields() {
    if (meta.tileFields() == null) {
      return fields;
    }
    return fields.stream().filter(f -> meta.tileFields().contains(f.name())).toList();
  }

  /** The effective SRID of stored geometry: 0 (unknown) is read as EPSG:4326, as the schema convention says. */
  public int storageSrid() {
    return srid == 0 ? 4326 : srid;
  }

  public boolean isTimeEnabled() {
    return meta.timeColumn() != null && field(meta.timeColumn()).isPresent();
  }

  public boolean isExtrudable() {
    return meta.heightColumn() != null && field(meta.heightColumn()).isPresent();
  }
}
