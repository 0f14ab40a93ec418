package vn.citytwin.planning.edits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.PlanningSettings;
import vn.citytwin.core.db.Sql;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioSource;

/**
 * Whether a geometry lies in the city: covered by the union of the wards it touches (base city; wards are not
 * editable), widened by {@link #TOLERANCE_DEG} so that float noise along shared ward borders never rejects a
 * feature drawn on a border. With no wards, the configured {@code planning.city.extent} box decides; with neither,
 * every geometry is in.
 */
final class CityBoundary {
  /** 1e-5 degrees: about 1.1 m at the equator. */
  static final double TOLERANCE_DEG = 1e-5;

  private final Catalog catalog;
  private final PlanningSettings settings;

  CityBoundary(Catalog catalog, PlanningSettings settings) {
    this.catalog = catalog;
    this.settings = settings;
  }

  /** @param g a geometry in EPSG:4326 (lon/lat) */
  boolean contains(Connection c, Geometry g) throws SQLException {
    Optional<Layer> wards = catalog.find("wards");
    if (wards.isPresent()) {
      ScenarioSource.Fragment src = ScenarioSource.of(wards.get(), ScenarioRef.BASE);
      String geom = "w." + Sql.ident(wards.get().geometryColumn());
      String sql = "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM " + src.sql() + " w) THEN NULL"
          + " ELSE coalesce(ST_CoveredBy(x.g, ST_Buffer((SELECT ST_Union(" + geom + ") FROM " + src.sql() + " w"
          + " WHERE " + geom + " && ST_Expand(x.g, ?)), ?)), false) END"
          + " FROM (SELECT ST_GeomFromEWKB(?) AS g) x";
      List<Object> params = new ArrayList<>(src.params());
      params.addAll(src.params());
      params.add(TOLERANCE_DEG);
      params.add(TOLERANCE_DEG);
      params.add(Ewkb.of(g));
      try (PreparedStatement ps = new vn.citytwin.core.db.SqlStatement(sql, params).prepare(c);
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        boolean inside = rs.getBoolean(1);
        if (!rs.wasNull()) {
          return inside;
        }
      }
    }
    List<Double> box = settings.cityExtent();
    if (box == null) {
      return true;
    }
    return new Envelope(box.get(0), box.get(2), box.get(1), box.get(3)).covers(g.getEnvelopeInternal());
  }
}
