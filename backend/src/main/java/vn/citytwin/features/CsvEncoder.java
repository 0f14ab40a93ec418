package vn.citytwin.features;

import java.util.List;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;
import vn.citytwin.catalog.Field;
import vn.citytwin.features.CoordinateFormat;
import vn.citytwin.scenario.ScenarioSource;

/**
 * CSV (RFC 4180, UTF-8, CRLF) of one layer: a header row {@code id,<attributes>[,scenario_status],geometry}, then
 * one row per feature with the geometry as WKT (x=east, y=north of the output CRS, as GIS CSV readers expect),
 * rounded like every other encoding. Only one layer per response: the columns must be fixed.
 */
public final class CsvEncoder implements FeatureEncoder {
  public static final String MEDIA_TYPE = "text/csv; charset=utf-8";

  private final StreamPart part;
  private final WKTWriter wkt = new WKTWriter(2);

  public CsvEncoder(StreamPart part) {
    this.part = part;
    int decimals = CoordinateFormat.forSrid(part.crs().srid()).decimals();
    wkt.setPrecisionModel(new PrecisionModel(Math.pow(10, decimals)));
  }

  @Override
  public String contentType() {
    return MEDIA_TYPE;
  }

  @Override
  public void start(StringBuilder out, StreamInfo info) {
    boolean firstColumn = true;
    if (part.columns().hasId()) {
      cell(out, "id");
      firstColumn = false;
    }
    for (Field f : part.columns().attributes()) {
      if (!firstColumn) {
        out.append(',');
      }
      cell(out, f.name());
      firstColumn = false;
    }
    if (!part.query().scenario().isBase()) {
      out.append(firstColumn ? "" : ",").append(ScenarioSource.STATUS_COLUMN);
      firstColumn = false;
    }
    if (part.withGeometry()) {
      out.append(firstColumn ? "" : ",").append("geometry");
    }
    out.append("\r\n");
  }

  @Override
  public void feature(StringBuilder out, StreamPart p, FeatureRecord f) {
    boolean firstColumn = true;
    if (p.columns().hasId()) {
      cell(out, f.id() == null ? "" : ValueText.of(f.id()));
      firstColumn = false;
    }
    List<Field> fields = p.columns().attributes();
    for (int i = 0; i < fields.size(); i++) {
      if (!firstColumn) {
        out.append(',');
      }
      firstColumn = false;
      Object v = f.values()[i];
      if (v != null) {
        cell(out, ValueText.of(v));
      }
    }
    if (!p.query().scenario().isBase()) {
      out.append(firstColumn ? "" : ",").append(f.scenarioStatus());
      firstColumn = false;
    }
    if (p.withGeometry()) {
      out.append(firstColumn ? "" : ",");
      if (f.geometry() != null) {
        cell(out, wkt.write(f.geometry()));
      }
    }
    out.append("\r\n");
  }

  @Override
  public void end(StringBuilder out, StreamSummary summary) {
    // CSV has no trailer.
  }

  private static void cell(StringBuilder out, String s) {
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(s);
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
