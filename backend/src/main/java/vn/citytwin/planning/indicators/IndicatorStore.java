package vn.citytwin.planning.indicators;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.edit.GeoJsonGeometry;
import vn.citytwin.planning.residents.Residents;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioSource;

/**
 * The SQL side of the indicators, over a scenario's city: every layer is read through the one read path
 * ({@link FeatureSql#source} of a {@link LayerQuery} naming the scenario and the columns used), so edits are
 * applied and every rule of the read path holds; the SQL here only wraps those rows. Runs inside the caller's
 * transaction: intermediate results go to temporary tables dropped at its commit. Areas and lengths are geodesic
 * (PostGIS geography on the WGS 84 ellipsoid), in m² and m.
 */
final class IndicatorStore {
  private final PlanningSettings settings;
  private final Residents residents;
  private final AccessCache access = new AccessCache();

  IndicatorStore(PlanningSettings settings) {
    this.settings = settings;
    this.residents = Residents.of(settings);
  }

  /**
   * Every building of the city with its footprint area, representative point, zone height limit and the services
   * its residents reach on foot. Creates temp table {@code ind_building}.
   */
  CityFacts facts(Connection c, CityLayers layers, ScenarioRef ref) throws SQLException {
    Layer b = layers.buildings();
    SqlStatement src = rows(b, ref, CityLayers.BUILDING_COLUMNS);
    String g = "b." + Sql.ident(b.geometryColumn());
    Jdbc.exec(c, "CREATE TEMP TABLE ind_building (id bigint, use_type text, levels float8, height float8,"
        + " footprint float8, pt geometry(Point, 4326), geog geography(Point, 4326), residential boolean,"
        + " todo boolean NOT NULL DEFAULT false)"
        + " ON COMMIT DROP");
    List<Object> params = new ArrayList<>();
    // The first placeholder in the text, before the source's own: the uses people live in, lower case (Residents).
    params.add(residents.sqlUses());
    params.addAll(src.params());
    Jdbc.update(c, "INSERT INTO ind_building (id, use_type, levels, height, footprint, pt, geog, residential)"
        + " SELECT b." + Sql.ident(b.idColumn()) + ", b.use_type::text,"
        + " b.levels::float8, b.height::float8, ST_Area(" + g + "::geography), p, p::geography,"
        + " coalesce(lower(b.use_type::text) = ANY (?), false)"
        + " FROM " + src.sql() + " b CROSS JOIN LATERAL ST_PointOnSurface(" + g + ") p"
        + " WHERE " + g + " IS NOT NULL AND NOT ST_IsEmpty(" + g + ")",
        params);
    Jdbc.exec(c, "CREATE TEMP TABLE ind_zone (max_height float8, geom geometry) ON COMMIT DROP");
    Optional<Layer> zones = layers.landUse().filter(l -> l.field("max_height").isPresent());
    if (zones.isPresent()) {
      SqlStatement z = rows(zones.get(), ref, List.of("max_height"));
      Jdbc.update(c, "INSERT INTO ind_zone SELECT z.max_height::float8, z." + Sql.ident(zones.get().geometryColumn())
          + " FROM " + z.sql() + " z WHERE z.max_height IS NOT NULL", z.params());
    }
    Jdbc.exec(c, "CREATE INDEX ON ind_zone USING gist (geom)");
    AccessCache.Results reach = walkingAccess(c, layers, ref);
    List<BuildingFact> facts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.use_type, b.levels, b.height, b.footprint,"
        + " ST_X(b.pt), ST_Y(b.pt), (SELECT min(z.max_height) FROM ind_zone z WHERE ST_Intersects(z.geom, b.pt))"
        + " FROM ind_building b ORDER BY b.id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        double max = rs.getDouble(8);
        Double maxHeight = rs.wasNull() ? null : max;
        AccessCache.Entry entry = reach.entries.get(id);
        Set<WalkService> reached = entry == null ? EnumSet.noneOf(WalkService.class) : entry.reached();
        facts.add(new BuildingFact(id, rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
            rs.getDouble(6), rs.getDouble(7), maxHeight, reached));
      }
    }
    return new CityFacts(facts, reach.method);
  }

  /**
   * Walking access of every residential building, routing only those the {@link AccessCache} has no result for
   * at their current point (marked {@code todo} in {@code ind_building}).
   */
  private AccessCache.Results walkingAccess(Connection c, CityLayers layers, ScenarioRef ref) throws SQLException {
    AccessCache.Results results = access.of(c, layers, ref, settings);
    Map<Long, double[]> missing = new java.util.HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, ST_X(pt), ST_Y(pt) FROM ind_building"
        + " WHERE residential"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        AccessCache.Entry known = results.entries.get(rs.getLong(1));
        if (known == null || known.lon() != rs.getDouble(2) || known.lat() != rs.getDouble(3)) {
          missing.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
        }
      }
    }
    if (missing.isEmpty() && results.method != null) {
      return results;
    }
    Jdbc.update(c, "UPDATE ind_building SET todo = true WHERE id = ANY (?)",
        List.of((Object) missing.keySet().toArray(new Long[0])));
    WalkingAccess.Result computed = new WalkingAccess(settings).compute(c, layers, ref);
    missing.forEach((id, pt) -> results.entries.put(id, new AccessCache.Entry(pt[0], pt[1],
        computed.reached().getOrDefault(id, EnumSet.noneOf(WalkService.class)))));
    results.method = computed.method();
    return results;
  }

  /** The units of a scope with their land and green areas (ordered by feature id for wards and zones). */
  List<Unit> units(Connection c, CityLayers layers, ScenarioRef ref, Scope scope) throws SQLException {
    Jdbc.exec(c, "CREATE TEMP TABLE ind_park (geom geometry) ON COMMIT DROP");
    if (layers.parks().isPresent()) {
      Layer p = layers.parks().get();
      SqlStatement src = rows(p, ref, List.of());
      String g = "p." + Sql.ident(p.geometryColumn());
      // Made valid once so that intersections with wards and zones cannot fail on a bad park polygon.
      Jdbc.update(c, "INSERT INTO ind_park SELECT CASE WHEN ST_IsValid(" + g + ") THEN " + g
          + " ELSE ST_MakeValid(" + g + ") END FROM " + src.sql() + " p WHERE " + g + " IS NOT NULL", src.params());
    }
    Jdbc.exec(c, "CREATE INDEX ON ind_park USING gist (geom)");
    if (scope instanceof Scope.Area a) {
      return List.of(area(c, a.polygon()));
    }
    if (scope instanceof Scope.ByWard) {
      return layers.wards().isEmpty() ? List.of() : polygons(c, layers.wards().get(), ScenarioRef.BASE);
    }
    if (scope instanceof Scope.ByZone) {
      return layers.landUse().isEmpty() ? List.of() : polygons(c, layers.landUse().get(), ref);
    }
    return List.of(city(c, layers));
  }

  /** The city: all wards' area (null without wards), all parks' area. */
  Unit city(Connection c, CityLayers layers) throws SQLException {
    Double land = null;
    if (layers.wards().isPresent()) {
      Layer w = layers.wards().get();
      SqlStatement src = rows(w, ScenarioRef.BASE, List.of());
      try (PreparedStatement ps = new SqlStatement("SELECT sum(ST_Area(w." + Sql.ident(w.geometryColumn())
          + "::geography)) FROM " + src.sql() + " w", src.params()).prepare(c); ResultSet rs = ps.executeQuery()) {
        rs.next();
        double v = rs.getDouble(1);
        land = rs.wasNull() ? null : v;
      }
    }
    double green;
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(ST_Area(geom::geography)), 0) FROM ind_park");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      green = rs.getDouble(1);
    }
    return new Unit("city", new JsonObject().put("name", "city"), null, land, green);
  }

  private Unit area(Connection c, Geometry polygon) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT ST_Area(a.g::geography), coalesce((SELECT"
        + " sum(ST_Area(ST_Intersection(p.geom, a.g)::geography)) FROM ind_park p WHERE ST_Intersects(p.geom, a.g)),"
        + " 0) FROM (SELECT ST_GeomFromEWKB(?) AS g) a")) {
      ps.setBytes(1, new WKBWriter(2, true).write(polygon));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Unit("area", new JsonObject().put("name", "area"), polygon, rs.getDouble(1), rs.getDouble(2));
      }
    }
  }

  private List<Unit> polygons(Connection c, Layer layer, ScenarioRef ref) throws SQLException {
    // Every attribute: a unit's properties are all of its own.
    SqlStatement src = rows(layer, ref, null);
    String g = "u." + Sql.ident(layer.geometryColumn());
    String sql = "SELECT u." + Sql.ident(layer.idColumn()) + ", (to_jsonb(u) - ?::text[])::text, ST_AsBinary(" + g
        + "), ST_Area(" + g + "::geography), coalesce((SELECT sum(ST_Area(ST_Intersection(p.geom, " + g
        + ")::geography)) FROM ind_park p WHERE ST_Intersects(p.geom, " + g + ")), 0) FROM " + src.sql() + " u"
        + " WHERE " + g + " IS NOT NULL ORDER BY 1";
    List<Object> params = new ArrayList<>();
    params.add(new String[] {layer.idColumn(), layer.geometryColumn(), ScenarioSource.STATUS_COLUMN});
    params.addAll(src.params());
    List<Unit> units = new ArrayList<>();
    WKBReader reader = new WKBReader(GeoJsonGeometry.FACTORY);
    try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Geometry geom;
        try {
          geom = reader.read(rs.getBytes(3));
        } catch (ParseException e) {
          throw new SQLException("unreadable WKB from PostGIS", e);
        }
        units.add(new Unit(Long.toString(rs.getLong(1)), new JsonObject(rs.getString(2)), geom, rs.getDouble(4),
            rs.getDouble(5)));
      }
    }
    return units;
  }

  /**
   * A layer's features in the city of {@code ref} with the id, the given attribute columns (null: all of them),
   * the geometry and {@code scenario_status}: the one read path's subquery.
   */
  static SqlStatement rows(Layer layer, ScenarioRef ref, List<String> properties) {
    return FeatureSql.source(LayerQuery.of(layer).scenario(ref).properties(properties).build());
  }
}
