package vn.citytwin.planning.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.scenario.ScenarioRef;

/**
 * Which buildings to route (temp table {@code ind_building}, column {@code todo}: residential buildings without a
 * cached result) are within walking distance of each {@link WalkService}, from the building's representative point.
 *
 * <p><b>Network</b> (pgRouting): the scenario's roads are noded ({@code ST_Node}: every crossing becomes a vertex)
 * into an undirected graph weighted by geodesic length (walkers ignore one-way rules). A building or facility joins
 * the graph at the closest point of its nearest road segment; its distance is the straight geodesic walk to that
 * point plus the distance along the segment to either end. One Dijkstra per service
 * ({@code pgr_drivingDistance}, bounded by the service's distance) runs from a virtual source linked to every
 * facility's attachment; a building sharing a segment with a facility may also walk along that segment directly.
 *
 * <p><b>Straight line</b>: geodesic distance ({@code ST_DWithin} on geography). Used when
 * {@code planning.access.method=straight}, when pgRouting is not installed, when the city has no roads, or when
 * noding the roads fails; the result says which method was used.
 *
 * <p>Facilities and roads are read through the one read path ({@link IndicatorStore#rows}); the graph and the
 * routing work on temporary tables made from those rows.
 */
final class WalkingAccess {
  private static final Logger LOG = LoggerFactory.getLogger(WalkingAccess.class);
  /** Vertices closer than this (degrees, about 1 cm) are one road junction. */
  private static final double SNAP_DEG = 1e-7;
  private static final long VIRTUAL_EDGE_BASE = 1_000_000_000_000L;

  private final PlanningSettings settings;

  WalkingAccess(PlanningSettings settings) {
    this.settings = settings;
  }

  /**
   * @param reached for each routed building id, the services reached (absent: none)
   * @param method {@code network} or {@code straight-line}
   */
  record Result(Map<Long, Set<WalkService>> reached, String method) {}

  Result compute(Connection c, CityLayers layers, ScenarioRef ref) throws SQLException {
    Jdbc.exec(c, "CREATE TEMP TABLE ind_facility (service text, geom geometry(Point, 4326),"
        + " geog geography(Point, 4326)) ON COMMIT DROP");
    for (WalkService s : WalkService.values()) {
      Optional<Layer> layer = layers.facilities(s);
      if (layer.isEmpty()) {
        continue;
      }
      SqlStatement src = IndicatorStore.rows(layer.get(), ref, List.of(s.column()));
      String g = "f." + Sql.ident(layer.get().geometryColumn());
      List<Object> params = new ArrayList<>();
      params.add(s.key());
      params.addAll(src.params());
      params.add(s.kinds().toArray(new String[0]));
      Jdbc.update(c, "INSERT INTO ind_facility SELECT ?, p, p::geography FROM " + src.sql()
          + " f CROSS JOIN LATERAL ST_PointOnSurface(" + g + ") p WHERE " + g + " IS NOT NULL AND f."
          + Sql.ident(s.column()) + "::text = ANY (?)", params);
    }
    Jdbc.exec(c, "CREATE INDEX ON ind_facility USING gist (geog)");
    if (!settings.accessMethod().equals("straight") && layers.roads().isPresent() && hasPgRouting(c)) {
      Savepoint sp = c.setSavepoint();
      try {
        Optional<Map<Long, Set<WalkService>>> network = network(c, layers.roads().get(), ref);
        if (network.isPresent()) {
          c.releaseSavepoint(sp);
          return new Result(network.get(), "network");
        }
      } catch (SQLException e) {
        LOG.warn("walking access along the road network failed, using straight lines: {}", e.getMessage());
      }
      c.rollback(sp);
    }
    return new Result(straight(c), "straight-line");
  }

  private Map<Long, Set<WalkService>> straight(Connection c) throws SQLException {
    Map<Long, Set<WalkService>> reached = new HashMap<>();
    for (WalkService s : WalkService.values()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT b.id FROM ind_building b WHERE b.todo AND"
          + " EXISTS (SELECT 1 FROM ind_facility f WHERE f.service = ? AND ST_DWithin(f.geog, b.geog, ?))")) {
        ps.setString(1, s.key());
        ps.setDouble(2, settings.walkM().get(s.key()));
        collect(ps, s, reached);
      }
    }
    return reached;
  }

  /** Empty when the roads make no graph (no road at all). */
  private Optional<Map<Long, Set<WalkService>>> network(Connection c, Layer roads, ScenarioRef ref)
      throws SQLException {
    SqlStatement src = IndicatorStore.rows(roads, ref, List.of());
    Jdbc.exec(c, "CREATE TEMP TABLE ind_edge (id bigserial PRIMARY KEY, geom geometry(LineString, 4326),"
        + " len float8, source bigint, target bigint) ON COMMIT DROP");
    int edges = Jdbc.update(c, "INSERT INTO ind_edge (geom) SELECT n.geom FROM (SELECT (ST_Dump(ST_Node("
        + "ST_Collect(d.geom)))).geom FROM (SELECT (ST_Dump(ST_Force2D(r." + Sql.ident(roads.geometryColumn())
        + "))).geom FROM " + src.sql() + " r) d WHERE GeometryType(d.geom) = 'LINESTRING') n"
        + " WHERE NOT ST_IsEmpty(n.geom) AND ST_Length(n.geom) > 0", src.params());
    if (edges == 0) {
      return Optional.empty();
    }
    String snap = "ST_AsBinary(ST_SnapToGrid(%s, " + SNAP_DEG + "))";
    Jdbc.exec(c, "UPDATE ind_edge SET len = ST_Length(geom::geography)");
    Jdbc.exec(c, "CREATE TEMP TABLE ind_vertex (id bigserial PRIMARY KEY, key bytea UNIQUE) ON COMMIT DROP");
    Jdbc.exec(c, "INSERT INTO ind_vertex (key) SELECT " + String.format(snap, "ST_StartPoint(geom)")
        + " FROM ind_edge UNION SELECT " + String.format(snap, "ST_EndPoint(geom)") + " FROM ind_edge");
    Jdbc.exec(c, "UPDATE ind_edge e SET source = (SELECT v.id FROM ind_vertex v WHERE v.key = "
        + String.format(snap, "ST_StartPoint(e.geom)") + "), target = (SELECT v.id FROM ind_vertex v WHERE v.key = "
        + String.format(snap, "ST_EndPoint(e.geom)") + ")");
    Jdbc.exec(c, "CREATE INDEX ON ind_edge USING gist (geom)");
    Jdbc.exec(c, "ANALYZE ind_edge");
    // Where each facility and each residential building joins the network.
    String attach = " CROSS JOIN LATERAL (SELECT id, geom FROM ind_edge ORDER BY geom <-> %1$s.geom LIMIT 1) e";
    Jdbc.exec(c, "CREATE TEMP TABLE ind_fac_at ON COMMIT DROP AS SELECT f.service, e.id AS edge,"
        + " ST_LineLocatePoint(e.geom, f.geom) AS frac,"
        + " ST_Distance(f.geog, ST_ClosestPoint(e.geom, f.geom)::geography) AS access FROM ind_facility f"
        + String.format(attach, "f"));
    Jdbc.exec(c, "CREATE TEMP TABLE ind_bld_at ON COMMIT DROP AS SELECT b.id, e.id AS edge,"
        + " ST_LineLocatePoint(e.geom, b.pt) AS frac,"
        + " ST_Distance(b.geog, ST_ClosestPoint(e.geom, b.pt)::geography) AS access"
        + " FROM (SELECT id, pt AS geom, pt, geog FROM ind_building WHERE todo) b" + String.format(attach, "b"));
    long root;
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM ind_vertex");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      root = rs.getLong(1);
    }
    Map<Long, Set<WalkService>> reached = new HashMap<>();
    for (WalkService s : WalkService.values()) {
      if (!hasFacility(c, s)) {
        continue; // nobody reaches a service that has no facility
      }
      // The graph SQL is ours: temp tables, the root id and the service key (an enum constant), no request text.
      String graph = "SELECT id, source, target, len AS cost, len AS reverse_cost FROM ind_edge"
          + " UNION ALL SELECT " + VIRTUAL_EDGE_BASE + " + row_number() OVER (), " + root + ", e.source,"
          + " f.access + f.frac * e.len, f.access + f.frac * e.len FROM ind_fac_at f JOIN ind_edge e ON e.id = f.edge"
          + " WHERE f.service = '" + s.key() + "'"
          + " UNION ALL SELECT " + (2 * VIRTUAL_EDGE_BASE) + " + row_number() OVER (), " + root + ", e.target,"
          + " f.access + (1 - f.frac) * e.len, f.access + (1 - f.frac) * e.len FROM ind_fac_at f"
          + " JOIN ind_edge e ON e.id = f.edge WHERE f.service = '" + s.key() + "'";
      double d = settings.walkM().get(s.key());
      // The walk along a shared segment is one grouped join, not a subquery per building: evaluated for every
      // routed building (least() takes all its arguments), the subquery cost 5 µs × 54,000 buildings per service on
      // the 60,000-building demo city, the join a few ms. Same terms, same sums: the same result.
      try (PreparedStatement ps = c.prepareStatement("WITH reach AS (SELECT node, agg_cost FROM"
          + " pgr_drivingDistance(?, ?, ?, false)),"
          + " same_edge AS (SELECT b.id, min(b.access + abs(b.frac - f.frac) * e.len + f.access) AS cost"
          + " FROM ind_bld_at b JOIN ind_fac_at f ON f.edge = b.edge JOIN ind_edge e ON e.id = b.edge"
          + " WHERE f.service = ? GROUP BY b.id)"
          + " SELECT b.id FROM ind_bld_at b JOIN ind_edge e ON e.id = b.edge"
          + " LEFT JOIN reach rs ON rs.node = e.source LEFT JOIN reach rt ON rt.node = e.target"
          + " LEFT JOIN same_edge se ON se.id = b.id"
          + " WHERE least("
          + " b.access + b.frac * e.len + rs.agg_cost, b.access + (1 - b.frac) * e.len + rt.agg_cost,"
          + " se.cost) <= ?")) {
        ps.setString(1, graph);
        ps.setLong(2, root);
        ps.setDouble(3, d);
        ps.setString(4, s.key());
        ps.setDouble(5, d);
        collect(ps, s, reached);
      }
    }
    return Optional.of(reached);
  }

  private static boolean hasFacility(Connection c, WalkService s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ind_fac_at WHERE service = ? LIMIT 1")) {
      ps.setString(1, s.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean hasPgRouting(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = 'pgrouting'");
         ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static void collect(PreparedStatement ps, WalkService s, Map<Long, Set<WalkService>> reached)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        reached.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(WalkService.class)).add(s);
      }
    }
  }
}
