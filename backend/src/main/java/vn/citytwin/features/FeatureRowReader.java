package vn.citytwin.features;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import vn.citytwin.catalog.Field;

/**
 * Reads rows of {@link StreamSql#select} into {@link FeatureRecord}s with Java types chosen from the catalog
 * field types. Not thread-safe (it reuses one WKB reader): one instance per stream.
 */
final class FeatureRowReader {
  private enum Kind { STRING, LONG, DOUBLE, DECIMAL, BOOLEAN, DATE, TIMESTAMPTZ, TIMESTAMP }

  private final StreamPart part;
  private final Kind[] kinds;
  private final WKBReader wkb = new WKBReader(new GeometryFactory());

  FeatureRowReader(StreamPart part) {
    this.part = part;
    List<Field> fields = part.columns().attributes();
    kinds = new Kind[fields.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(fields.get(i));
    }
  }

  private static Kind kind(Field f) {
    String pg = f.pgType().toLowerCase(Locale.ROOT);
    return switch (f.type()) {
      case INTEGER -> Kind.LONG;
      case NUMBER -> pg.startsWith("numeric") || pg.startsWith("decimal") ? Kind.DECIMAL : Kind.DOUBLE;
      case BOOLEAN -> Kind.BOOLEAN;
      case DATE -> Kind.DATE;
      case TIMESTAMP -> pg.contains("with time zone") ? Kind.TIMESTAMPTZ : Kind.TIMESTAMP;
      default -> Kind.STRING;
    };
  }

  FeatureRecord read(ResultSet rs) throws SQLException {
    int col = 1;
    Object id = null;
    if (part.columns().hasId()) {
      id = rs.getObject(col++);
    }
    Object[] values = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++, col++) {
      values[i] = value(rs, col, kinds[i]);
    }
    String status = rs.getString(col++);
    Geometry geometry = null;
    if (part.withGeometry()) {
      byte[] bytes = rs.getBytes(col);
      if (bytes != null) {
        try {
          geometry = wkb.read(bytes);
        } catch (ParseException e) {
          throw new SQLException("PostGIS returned unreadable WKB", e);
        }
      }
    }
    return new FeatureRecord(id, values, geometry, status);
  }

  private static Object value(ResultSet rs, int col, Kind kind) throws SQLException {
    Object v = switch (kind) {
      case STRING -> rs.getString(col);
      case LONG -> rs.getLong(col);
      case DOUBLE -> rs.getDouble(col);
      case DECIMAL -> rs.getBigDecimal(col);
      case BOOLEAN -> rs.getBoolean(col);
      case DATE -> rs.getObject(col, LocalDate.class);
      case TIMESTAMPTZ -> {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        yield t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
      }
      case TIMESTAMP -> rs.getObject(col, LocalDateTime.class);
    };
    return rs.wasNull() ? null : v;
  }
}
