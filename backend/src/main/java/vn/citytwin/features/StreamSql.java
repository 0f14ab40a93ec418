package vn.citytwin.features;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.core.db.Sql;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.FeatureSql;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.scenario.ScenarioSource;

/**
 * The encoding query around the one read path: {@code SELECT q.<columns>, q.scenario_status,
 * ST_AsBinary(ST_Transform(q.<geom>, ?)) FROM (<FeatureSql.select>) q}. Geometry leaves PostGIS as WKB in the
 * output CRS (the transform is skipped for EPSG:4326, the storage CRS); every encoder formats it in Java, so
 * axis order, precision and GML ids are decided in one place.
 */
final class StreamSql {
  private StreamSql() {}

  static SqlStatement select(StreamPart part, LayerQuery paged) {
    SqlStatement inner = FeatureSql.select(paged);
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String c : part.columns().columnNames()) {
      sql.append("q.").append(Sql.ident(c)).append(", ");
    }
    sql.append("q.").append(ScenarioSource.STATUS_COLUMN);
    if (part.withGeometry()) {
      String geom = "q." + Sql.ident(paged.layer().geometryColumn());
      int srid = part.crs().srid();
      if (srid != 4326) {
        geom = "ST_Transform(" + geom + ", ?)";
        params.add(srid);
      }
      sql.append(", ST_AsBinary(").append(geom).append(')');
    }
    sql.append(" FROM (").append(inner.sql()).append(") q");
    params.addAll(inner.params());
    return new SqlStatement(sql.toString(), params);
  }

  static SqlStatement count(LayerQuery q) {
    return FeatureSql.count(q);
  }
}
