package vn.citytwin.edit;

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
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioSource;

/**
 * Whether a geometry lies in the city: covered by the union of the base city's wards it touches, widened by
 * {@link #TOLERANCE_DEG} so that float noise along shared ward borders never rejects a feature drawn on a border.
 * With no wards, the configured {@code planning.city.extent} box decides; with neither, every geometry is in.
 * Edits of the wards layer itself are not checked against it (they move the boundary). A boundary built with
 * {@code enforced = false} lets every geometry in ({@code wfs.transactions.city.boundary=false}, for base-city
 * data that reaches beyond its wards).
 */
public final class CityBoundary {
  /** 1e-5 degrees: about 1.1 m at the equator. */
  static final double TOLERANCE_DEG = 1e-5;
  /** The layer whose union is the city. */
  static final String WARDS = "wards";

  private final Catalog catalog;
  private final List<Double> extent;
  private final boolean enforced;

  /**
   * @param extent {minLon, minLat, maxLon, maxLat} used when there are no wards, or null
   * @param enforced false to let every geometry in
   */
  public CityBoundary(Catalog catalog, List<Double> extent, boolean enforced) {
    this.catalog = catalog;
    this.extent = extent == null ? null : List.copyOf(extent);
    this.enforced = enforced;
  }

  /**
   * Refuses a geometry of {@code layer} outside the city.
   *
   * @param g the geometry with its SRID (any CRS PostGIS knows), or null (nothing to check)
   * @throws ApiException invalid parameter at {@code at.geometry()}: "The geometry is not inside the city"
   */
  public void check(Connection c, Layer layer, Geometry g, EditLocator at) throws SQLException {
    if (!enforced || g == null || layer.id().equals(WARDS)) {
      return;
    }
    if (!contains(c, g)) {
      throw ApiException.invalidParameter(at.geometry(), "The geometry is not inside the city");
    }
  }

  /**
   * Whether the base city's wards cover {@code g}.
   *
   * <p>Not a {@code LayerQuery}, on purpose: the city limit is a rule of the data, not a view of it, so it reads
   * the whole base {@code wards} layer whoever writes — a reader's layer or area rule (access control) must never
   * move the boundary an edit is checked against. The write itself is authorised before it gets here.
   *
   * @param g a geometry with its SRID; reprojected to EPSG:4326 here
   */
  boolean contains(Connection c, Geometry g) throws SQLException {
    String geometry = "ST_Transform(ST_GeomFromEWKB(?), 4326)";
    Optional<Layer> wards = catalog.find(WARDS);
    if (wards.isPresent()) {
      ScenarioSource.Fragment src = ScenarioSource.of(wards.get(), ScenarioRef.BASE);
      String geom = "w." + Sql.ident(wards.get().geometryColumn());
      String sql = "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM " + src.sql() + " w) THEN NULL"
          + " ELSE coalesce(ST_CoveredBy(x.g, ST_Buffer((SELECT ST_Union(" + geom + ") FROM " + src.sql() + " w"
          + " WHERE " + geom + " && ST_Expand(x.g, ?)), ?)), false) END"
          + " FROM (SELECT " + geometry + " AS g) x";
      List<Object> params = new ArrayList<>(src.params());
      params.addAll(src.params());
      params.add(TOLERANCE_DEG);
      params.add(TOLERANCE_DEG);
      params.add(Ewkb.of(g));
      try (PreparedStatement ps = new SqlStatement(sql, params).prepare(c); ResultSet rs = ps.executeQuery()) {
        rs.next();
        boolean inside = rs.getBoolean(1);
        if (!rs.wasNull()) {
          return inside;
        }
      }
    }
    if (extent == null) {
      return true;
    }
    Envelope box = new Envelope(extent.get(0), extent.get(2), extent.get(1), extent.get(3));
    if (g.getSRID() == 4326) {
      return box.covers(g.getEnvelopeInternal());
    }
    SqlStatement inBox = new SqlStatement("SELECT ST_CoveredBy(" + geometry + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))",
        List.<Object>of(Ewkb.of(g), extent.get(0), extent.get(1), extent.get(2), extent.get(3)));
    try (PreparedStatement ps = inBox.prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
