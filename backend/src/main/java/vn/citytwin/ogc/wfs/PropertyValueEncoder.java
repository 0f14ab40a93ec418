package vn.citytwin.ogc.wfs;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.ogc.XmlText;
import vn.citytwin.features.FeatureEncoder;
import vn.citytwin.features.FeatureRecord;
import vn.citytwin.features.StreamInfo;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.StreamSummary;
import vn.citytwin.features.ValueText;

/**
 * GetPropertyValue (WFS 2.0): a {@code wfs:ValueCollection} with one {@code wfs:member} per feature holding the
 * value of the referenced property: the value as text for attributes (the id column gives feature ids), a GML 3.2
 * geometry for the geometry property. Features whose value is null are filtered out by the query, so the counts
 * match the members.
 */
final class PropertyValueEncoder implements FeatureEncoder {
  private final String column;
  private final GmlFeatureEncoder gml;
  private final Function<StreamInfo, String[]> links;
  private long n;

  PropertyValueEncoder(String column, GmlFeatureEncoder gml, Function<StreamInfo, String[]> links) {
    this.column = column;
    this.gml = gml;
    this.links = links;
  }

  @Override
  public String contentType() {
    return GmlVersion.GML32.mimeType();
  }

  @Override
  public void start(StringBuilder out, StreamInfo info) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:ValueCollection xmlns:wfs=\"")
        .append(WfsVersion.V2_0_0.namespace()).append("\" xmlns:gml=\"").append(GmlVersion.GML32.namespace())
        .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
        .append(WfsVersion.V2_0_0.namespace()).append(' ').append(WfsVersion.V2_0_0.schemaLocation()).append(' ')
        .append(GmlVersion.GML32.namespace()).append(' ').append(GmlVersion.GML32.schemaLocation())
        .append("\" timeStamp=\"")
        .append(DateTimeFormatter.ISO_INSTANT.format(info.timeStamp().truncatedTo(ChronoUnit.SECONDS)))
        .append("\" numberMatched=\"").append(info.numberMatched() == null ? "unknown" : info.numberMatched())
        .append("\" numberReturned=\"").append(info.numberReturned() == null ? 0 : info.numberReturned())
        .append('"');
    String[] nextPrevious = links == null ? null : links.apply(info);
    if (nextPrevious != null && nextPrevious[0] != null) {
      out.append(" next=\"");
      XmlText.attr(out, nextPrevious[0]);
      out.append('"');
    }
    if (nextPrevious != null && nextPrevious[1] != null) {
      out.append(" previous=\"");
      XmlText.attr(out, nextPrevious[1]);
      out.append('"');
    }
    out.append(">\n");
  }

  @Override
  public void feature(StringBuilder out, StreamPart part, FeatureRecord f) {
    var layer = part.columns().layer();
    out.append("<wfs:member>");
    n++;
    if (column.equals(layer.geometryColumn())) {
      if (f.geometry() != null) {
        String id = WfsNames.featureId(layer, f.id() != null ? f.id() : "n" + n) + ".g";
        gml.geometryWriter(part).write(out, f.geometry(), gml.srsNameOf(part), id);
      }
    } else if (column.equals(layer.idColumn())) {
      XmlText.text(out, WfsNames.featureId(layer, f.id()));
    } else {
      int i = part.columns().attributes().indexOf(layer.field(column).orElseThrow());
      Object v = f.values()[i];
      if (v != null) {
        XmlText.text(out, ValueText.of(v));
      }
    }
    out.append("</wfs:member>\n");
  }

  @Override
  public void end(StringBuilder out, StreamSummary summary) {
    out.append("</wfs:ValueCollection>\n");
  }
}
