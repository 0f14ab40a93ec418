package vn.citytwin.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.core.db.SqlResource;

/**
 * Discovers layers from pg_catalog (every readable table in schema {@code city} with a geometry column, as
 * pg_tileserv and Martin do) and joins the {@code citytwin.catalog} metadata. Database privileges are the
 * boundary: a table the role cannot read is not a layer.
 */
final class CatalogStore {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogStore.class);
  static final String SCHEMA = "city";
  private static final String COLUMNS_SQL = SqlResource.load("sql/catalog/columns.sql");
  private static final String METADATA_SQL = SqlResource.load("sql/catalog/metadata.sql");
  private static final String VERSIONS_SQL = SqlResource.load("sql/catalog/versions.sql");
  private static final String UNTRACKED_SQL = SqlResource.load("sql/catalog/untracked.sql");

  private CatalogStore() {}

  /**
   * Installs the data-version trigger on every table of ours that lacks it (created by hand or by a tool after
   * the migrations), so that no write can leave a cache stale. Tables we do not own are left alone.
   */
  static void trackUntracked(Connection c) throws SQLException {
    List<String> untracked = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(UNTRACKED_SQL)) {
      ps.setString(1, SCHEMA);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          untracked.add(rs.getString(1));
        }
      }
    }
    for (String table : untracked) {
      try (PreparedStatement ps = c.prepareStatement("SELECT citytwin.track_layer(?::regclass)")) {
        ps.setString(1, table);
        ps.execute();
        LOG.info("layer table {}: data-version trigger installed", table);
      } catch (SQLException e) {
        LOG.warn("layer table {}: cannot install the data-version trigger ({}); its caches refresh only on reload",
            table, e.getMessage());
      }
    }
  }

  /** Reads all layers, ordered by the catalog's sort order then id. */
  static List<Layer> discover(Connection c) throws SQLException {
    trackUntracked(c);
    Map<String, LayerMetadata> metadata = readMetadata(c);
    Map<String, TableBuilder> tables = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS_SQL)) {
      ps.setString(1, SCHEMA);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.computeIfAbsent(rs.getString("table_name"), TableBuilder::new).add(rs);
        }
      }
    }
    List<Layer> layers = new ArrayList<>();
    for (TableBuilder t : tables.values()) {
      if (t.geometryColumn == null) {
        continue;
      }
      LayerMetadata meta = metadata.getOrDefault(t.table, LayerMetadata.defaults(t.table));
      if (t.srid == 0) {
        LOG.warn("layer {}: geometry SRID 0, read as EPSG:4326", t.table);
      }
      layers.add(new Layer(t.table, SCHEMA, t.table, t.idColumn, t.geometryColumn, t.kind, t.srid,
          List.copyOf(t.fields), meta));
    }
    layers.sort(Comparator.comparingInt((Layer l) -> l.meta().sortOrder()).thenComparing(Layer::id));
    return layers;
  }

  /** Current data version of every layer that has a catalog row. */
  static Map<String, Long> versions(Connection c) throws SQLException {
    Map<String, Long> versions = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(VERSIONS_SQL); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        versions.put(rs.getString(1), rs.getLong(2));
      }
    }
    return versions;
  }

  private static Map<String, LayerMetadata> readMetadata(Connection c) throws SQLException {
    Map<String, LayerMetadata> result = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(METADATA_SQL); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString("layer_id");
        LayerMetadata d = LayerMetadata.defaults(id);
        result.put(id, new LayerMetadata(
            orElse(rs.getString("title_vi"), d.titleVi()), orElse(rs.getString("title_en"), d.titleEn()),
            rs.getString("abstract_vi"), rs.getString("abstract_en"), rs.getString("attribution"),
            orElse(rs.getString("default_style"), d.defaultStyle()), rs.getInt("min_zoom"), rs.getInt("max_zoom"),
            rs.getBoolean("is_public"), strings(rs.getArray("queryable")), strings(rs.getArray("tile_fields")),
            rs.getString("time_column"), rs.getString("height_column"), rs.getString("layer_group"),
            rs.getBoolean("editable"), rs.getBoolean("synthetic"), rs.getInt("sort_order")));
      }
    }
    return result;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  /** Accumulates one table's columns while the discovery query streams. */
  private static final class TableBuilder {
    final String table;
    final List<Field> fields = new ArrayList<>();
    String geometryColumn;
    GeometryKind kind = GeometryKind.GEOMETRY;
    int srid;
    String idColumn;

    TableBuilder(String table) {
      this.table = table;
    }

    void add(ResultSet rs) throws SQLException {
      String column = rs.getString("column_name");
      String pgType = rs.getString("pg_type");
      FieldType type = FieldType.fromPostgres(pgType);
      if (type == FieldType.GEOMETRY) {
        if (geometryColumn == null) {
          geometryColumn = column;
          kind = GeometryKind.fromPostgis(rs.getString("geom_type"));
          srid = rs.getInt("geom_srid");
        }
        return; // further geometry columns are not published as attributes
      }
      if (rs.getBoolean("pk") && type == FieldType.INTEGER) {
        idColumn = column;
      }
      fields.add(new Field(column, pgType, type, rs.getBoolean("nullable")));
    }
  }
}
