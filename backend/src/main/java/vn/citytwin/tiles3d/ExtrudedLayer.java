package vn.citytwin.tiles3d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.FieldType;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.scenario.ScenarioSource;

/**
 * How a catalog layer becomes 3D buildings: which column gives the height (the catalog's {@code height_column},
 * else {@code levels} × {@value #STOREY_HEIGHT_M} m), the ground elevation ({@code ground_elev}, metres above mean
 * sea level, 0 when absent), the roof shape ({@code roof_shape}/{@code roof_type}/{@code roof}, optional), and the
 * metadata schema of the tiles.
 *
 * <p>The schema is {@link PropertySchema#buildings()} when the layer has all of its columns (the city's buildings
 * table); any other layer gets one property per tile field whose name is an identifier (strings, dates and
 * booleans as STRING; smallint/integer as INT32, other integers as INT64, with the type's minimum as noData;
 * numbers as FLOAT64 with −Double.MAX_VALUE as noData), plus {@code id}, {@code height} and
 * {@code scenario_status}. In both, {@code height} is the extrusion height actually drawn.
 *
 * @param layer the catalog layer
 * @param heightColumn the height column (metres) or null
 * @param levelsColumn the storey-count column or null; at least one of the two is set
 * @param groundColumn the ground-elevation column or null
 * @param roofColumn the roof-shape column or null
 * @param schema the metadata schema of the layer's tiles
 * @param propertyColumns schema property name → the layer column it is copied from (id, height and
 *     scenario_status excluded: they are filled by the reader)
 */
public record ExtrudedLayer(Layer layer, String heightColumn, String levelsColumn, String groundColumn,
    String roofColumn, PropertySchema schema, Map<String, String> propertyColumns) {

  /** Height of one storey when only the number of levels is known, metres. */
  public static final double STOREY_HEIGHT_M = 3.3;
  /** Property names the reader fills itself. */
  static final String ID = "id";
  static final String HEIGHT = "height";
  static final String STATUS = ScenarioSource.STATUS_COLUMN;

  private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
  private static final List<String> GROUND_COLUMNS = List.of("ground_elev");
  private static final List<String> ROOF_COLUMNS = List.of("roof_shape", "roof_type", "roof");

  public ExtrudedLayer {
    propertyColumns = Map.copyOf(propertyColumns);
  }

  /**
   * Resolves a layer.
   *
   * @throws ApiException invalid parameter (locator {@code layer}, HTTP 400) when the layer has no height and no
   *     levels column, or its geometry cannot hold polygons
   */
  public static ExtrudedLayer of(Layer layer) {
    GeometryKind kind = layer.geometryKind();
    if (!kind.isPolygon() && kind != GeometryKind.GEOMETRY) {
      throw ApiException.invalidParameter("layer", "Layer '" + layer.id() + "' holds " + kind.ogcName()
          + " geometries: only polygon footprints can be extruded into 3D Tiles");
    }
    String height = layer.isExtrudable() && isNumeric(layer.field(layer.meta().heightColumn()))
        ? layer.meta().heightColumn() : null;
    String levels = isNumeric(layer.field("levels")) ? "levels" : null;
    if (height == null && levels == null) {
      throw ApiException.invalidParameter("layer", "Layer '" + layer.id()
          + "' has no height or levels attribute: it cannot be extruded into 3D Tiles");
    }
    String ground = GROUND_COLUMNS.stream().filter(c -> isNumeric(layer.field(c))).findFirst().orElse(null);
    String roof = ROOF_COLUMNS.stream()
        .filter(c -> layer.field(c).map(f -> f.type() == FieldType.STRING).orElse(false)).findFirst().orElse(null);

    PropertySchema buildings = PropertySchema.buildings();
    Map<String, String> columns = new LinkedHashMap<>();
    boolean fitsBuildings = layer.idColumn() != null;
    for (PropertyDef p : buildings.properties()) {
      if (p.name().equals(ID) || p.name().equals(HEIGHT) || p.name().equals(STATUS)) {
        continue;
      }
      if (layer.field(p.name()).isEmpty()) {
        fitsBuildings = false;
        break;
      }
      columns.put(p.name(), p.name());
    }
    if (fitsBuildings) {
      return new ExtrudedLayer(layer, height, levels, ground, roof, buildings, columns);
    }
    return generic(layer, height, levels, ground, roof);
  }

  private static ExtrudedLayer generic(Layer layer, String height, String levels, String ground, String roof) {
    List<PropertyDef> defs = new ArrayList<>();
    Map<String, String> columns = new LinkedHashMap<>();
    defs.add((layer.idColumn() != null ? PropertyDef.required(ID, PropertyType.INT64)
        : PropertyDef.optional(ID, PropertyType.INT64, Long.MIN_VALUE)).describedAs("Feature id"));
    defs.add(PropertyDef.required(HEIGHT, PropertyType.FLOAT32).describedAs("Extruded height, metres"));
    defs.add(PropertyDef.string(STATUS).describedAs("Change in the requested planning scenario, if any"));
    for (Field f : layer.tileFields()) {
      String name = f.name();
      if (f.type() == FieldType.GEOMETRY || name.equals(layer.idColumn()) || !IDENTIFIER.matcher(name).matches()
          || name.equals(ID) || name.equals(HEIGHT) || name.equals(STATUS)) {
        continue;
      }
      defs.add(propertyFor(f));
      columns.put(name, name);
    }
    PropertySchema schema = new PropertySchema("citytwin", "feature", defs);
    return new ExtrudedLayer(layer, height, levels, ground, roof, schema, columns);
  }

  private static PropertyDef propertyFor(Field f) {
    String pg = f.pgType().toLowerCase(Locale.ROOT);
    return switch (f.type()) {
      case INTEGER -> pg.equals("smallint") || pg.equals("integer")
          ? PropertyDef.optional(f.name(), PropertyType.INT32, Integer.MIN_VALUE)
          : PropertyDef.optional(f.name(), PropertyType.INT64, Long.MIN_VALUE);
      case NUMBER -> PropertyDef.optional(f.name(), PropertyType.FLOAT64, -Double.MAX_VALUE);
      default -> PropertyDef.string(f.name());
    };
  }

  private static boolean isNumeric(Optional<Field> f) {
    return f.map(x -> x.type() == FieldType.INTEGER || x.type() == FieldType.NUMBER).orElse(false);
  }

  public String id() {
    return layer.id();
  }

  /** True when the tiles use {@link PropertySchema#buildings()} (and so the buildings 3D style applies). */
  public boolean hasBuildingSchema() {
    return schema.className().equals("building");
  }

  /** Every layer column the reader needs, for {@code LayerQuery.properties} (the id column comes anyway). */
  public List<String> queryColumns() {
    List<String> out = new ArrayList<>(propertyColumns.values());
    for (String c : new String[] {heightColumn, levelsColumn, groundColumn, roofColumn}) {
      if (c != null && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
