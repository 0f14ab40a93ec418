package vn.citytwin.planning.compare;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;

/** The city's lon/lat box (the extent of its wards) and the layers a report map draws. */
final class CityExtent {
  private static final List<String> MAP_LAYERS = List.of("land_use", "water", "parks", "roads", "buildings");

  private final Database db;
  private final Catalog catalog;

  CityExtent(Database db, Catalog catalog) {
    this.db = db;
    this.catalog = catalog;
  }

  /**
   * The wards' extent in the base city, or null without wards. The wards come from the one read path:
   * {@code SELECT ST_Extent(w.geom) FROM (<FeatureSql.source of wards>) w}.
   */
  Future<Envelope> of() {
    Layer wards = catalog.find("wards").orElse(null);
    if (wards == null) {
      return Future.succeededFuture(null);
    }
    SqlStatement src = FeatureSql.source(LayerQuery.of(wards).properties(List.of()).build());
    String g = "w." + Sql.ident(wards.geometryColumn());
    return db.withConnection(c -> {
      try (PreparedStatement ps = new SqlStatement("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM"
          + " (SELECT ST_Extent(" + g + ")::geometry AS e FROM " + src.sql() + " w) x", src.params()).prepare(c);
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        double minX = rs.getDouble(1);
        if (rs.wasNull()) {
          return null;
        }
        return new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
      }
    });
  }

  List<String> mapLayers() {
    return MAP_LAYERS.stream().filter(id -> catalog.find(id).isPresent()).toList();
  }
}
