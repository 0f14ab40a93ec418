package vn.citytwin.ogc.wfs;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.Layer;
import vn.citytwin.features.CoordinateFormat;
import vn.citytwin.ogc.GmlGeometryWriter;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.ogc.XmlText;
import vn.citytwin.features.FeatureEncoder;
import vn.citytwin.features.FeatureRecord;
import vn.citytwin.features.StreamInfo;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.StreamSummary;
import vn.citytwin.features.ValueText;
import vn.citytwin.scenario.ScenarioSource;

/**
 * A WFS feature collection in GML, streamed: GML 3.2 in a WFS 2.0 {@code wfs:FeatureCollection} (members in
 * {@code wfs:member}, numberMatched/numberReturned and next/previous links on the root), GML 3.1.1 in a WFS 1.1.0
 * collection ({@code gml:featureMember}, numberOfFeatures), GML 2.1.2 in a WFS 1.0 collection. Features follow
 * {@link FeatureTypeSchemaWriter}: {@code gml:id} (GML 2: {@code fid}) {@code <type>.<id>}, one element per
 * non-null attribute, the geometry with its srsName, {@code scenario_status} in a scenario. GML 2 is always written
 * longitude first.
 */
final class GmlFeatureEncoder implements FeatureEncoder {
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final GmlVersion gml;
  private final String describeUrl;
  private final Function<StreamInfo, String[]> links;
  /** For resultType=hits: the page that would have been returned (WFS 1.1 numberOfFeatures); null otherwise. */
  private HitsPage hits;
  private GmlGeometryWriter geometry;
  private String srsName;
  private int geometrySrid = -1;
  private long anonymous;
  /** Per part: its element names, computed once (they are the same for every feature). */
  private final java.util.IdentityHashMap<StreamPart, Tags> tags = new java.util.IdentityHashMap<>();

  /** The start and end tags of a type's feature element and properties. */
  private record Tags(String type, String idPrefix, String[] open, String[] close, String geometryOpen,
                      String geometryClose) {
    static Tags of(StreamPart part) {
      Layer layer = part.columns().layer();
      List<Field> fields = part.columns().attributes();
      String[] open = new String[fields.size()];
      String[] close = new String[fields.size()];
      for (int i = 0; i < open.length; i++) {
        String e = WfsNames.PREFIX + ":" + WfsNames.element(fields.get(i).name());
        open[i] = "<" + e + ">";
        close[i] = "</" + e + ">";
      }
      String g = WfsNames.PREFIX + ":" + WfsNames.element(layer.geometryColumn());
      return new Tags(WfsNames.typeName(layer), WfsNames.featureId(layer, ""), open, close, "<" + g + ">",
          "</" + g + ">");
    }
  }

  /**
   * @param describeUrl the DescribeFeatureType URL of the types in the response (schemaLocation of our namespace)
   * @param links next and previous URLs ([next, previous], either null) from the start info; null for none
   */
  GmlFeatureEncoder(GmlVersion gml, String describeUrl, Function<StreamInfo, String[]> links) {
    this.gml = gml;
    this.describeUrl = describeUrl;
    this.links = links;
  }

  /**
   * A WFS 1.1 hits response: {@code numberOfFeatures} is then the number of features the same request with
   * resultType=results would return (matched, less startIndex, at most count), not the zero returned.
   */
  GmlFeatureEncoder hits(long startIndex, int count) {
    this.hits = new HitsPage(startIndex, count);
    return this;
  }

  private record HitsPage(long startIndex, int count) {
    long wouldReturn(long matched) {
      return Math.max(0, Math.min(matched - startIndex, count));
    }
  }

  @Override
  public String contentType() {
    return gml.mimeType();
  }

  @Override
  public void start(StringBuilder out, StreamInfo info) {
    String wfsNs = gml == GmlVersion.GML32 ? WfsVersion.V2_0_0.namespace() : WfsVersion.V1_1_0.namespace();
    String wfsSchema = switch (gml) {
      case GML32 -> WfsVersion.V2_0_0.schemaLocation();
      case GML31 -> WfsVersion.V1_1_0.schemaLocation();
      case GML2 -> "http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd";
    };
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:FeatureCollection xmlns:wfs=\"").append(wfsNs)
        .append('"');
    namespaces(out);
    out.append(" xsi:schemaLocation=\"");
    XmlText.attr(out, WfsNames.NAMESPACE + " " + describeUrl + " " + wfsNs + " " + wfsSchema
        + (gml == GmlVersion.GML2 ? "" : " " + gml.namespace() + " " + gml.schemaLocation()));
    out.append('"');
    String stamp = DateTimeFormatter.ISO_INSTANT.format(info.timeStamp().truncatedTo(ChronoUnit.SECONDS));
    switch (gml) {
      case GML32 -> {
        out.append(" timeStamp=\"").append(stamp).append("\" numberMatched=\"")
            .append(info.numberMatched() == null ? "unknown" : info.numberMatched().toString())
            .append("\" numberReturned=\"").append(info.numberReturned() == null ? 0 : info.numberReturned())
            .append('"');
        String[] nextPrevious = links == null ? null : links.apply(info);
        if (nextPrevious != null) {
          attribute(out, "next", nextPrevious[0]);
          attribute(out, "previous", nextPrevious[1]);
        }
      }
      case GML31 -> {
        long number = info.numberReturned() == null ? 0 : info.numberReturned();
        if (hits != null && info.numberMatched() != null) {
          number = hits.wouldReturn(info.numberMatched());
        }
        out.append(" timeStamp=\"").append(stamp).append("\" numberOfFeatures=\"").append(number).append('"');
      }
      case GML2 -> { }
    }
    out.append(">\n");
    if (gml == GmlVersion.GML2) {
      out.append("<gml:boundedBy><gml:null>unknown</gml:null></gml:boundedBy>\n");
    }
  }

  private void namespaces(StringBuilder out) {
    out.append(" xmlns:gml=\"").append(gml.namespace()).append("\" xmlns:").append(WfsNames.PREFIX).append("=\"")
        .append(WfsNames.NAMESPACE).append("\" xmlns:xsi=\"").append(XSI).append('"');
  }

  private static void attribute(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(' ').append(name).append("=\"");
      XmlText.attr(out, value);
      out.append('"');
    }
  }

  @Override
  public void feature(StringBuilder out, StreamPart part, FeatureRecord f) {
    out.append(gml == GmlVersion.GML32 ? "<wfs:member>" : "<gml:featureMember>");
    writeFeature(out, part, f, false);
    out.append(gml == GmlVersion.GML32 ? "</wfs:member>\n" : "</gml:featureMember>\n");
  }

  @Override
  public void end(StringBuilder out, StreamSummary summary) {
    out.append("</wfs:FeatureCollection>\n");
  }

  /** One feature as a document of its own (GetFeatureById). */
  String standalone(StreamPart part, FeatureRecord f) {
    StringBuilder out = new StringBuilder(2048).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    writeFeature(out, part, f, true);
    return out.append('\n').toString();
  }

  private void writeFeature(StringBuilder out, StreamPart part, FeatureRecord f, boolean root) {
    Layer layer = part.columns().layer();
    Tags t = tags.computeIfAbsent(part, Tags::of);
    String fid = t.idPrefix() + (f.id() != null ? f.id() : "n" + (++anonymous));
    out.append('<').append(t.type());
    if (root) {
      namespaces(out);
      out.append(" xsi:schemaLocation=\"");
      XmlText.attr(out, WfsNames.NAMESPACE + " " + describeUrl + " " + gml.namespace() + " "
          + gml.schemaLocation());
      out.append('"');
    }
    out.append(gml == GmlVersion.GML2 ? " fid=\"" : " gml:id=\"");
    XmlText.attr(out, fid);
    out.append("\">");
    Object[] values = f.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        out.append(t.open()[i]);
        XmlText.text(out, ValueText.of(values[i]));
        out.append(t.close()[i]);
      }
    }
    if (f.geometry() != null && !f.geometry().isEmpty()) {
      out.append(t.geometryOpen());
      GmlGeometryWriter writer = geometryWriter(part); // also settles srsName for this part's CRS
      writer.write(out, f.geometry(), srsName, fid + ".g");
      out.append(t.geometryClose());
    }
    if (!part.query().scenario().isBase()) {
      out.append('<').append(WfsNames.PREFIX).append(':').append(ScenarioSource.STATUS_COLUMN).append('>')
          .append(f.scenarioStatus())
          .append("</").append(WfsNames.PREFIX).append(':').append(ScenarioSource.STATUS_COLUMN).append('>');
    }
    out.append("</").append(t.type()).append('>');
  }

  /** GML 2 has no latitude-first convention: always written longitude first with an EPSG:code name. */
  private String srsName(StreamPart part) {
    return gml == GmlVersion.GML2 ? "EPSG:" + part.crs().srid() : WfsVersion.srsName(part.crs());
  }

  GmlGeometryWriter geometryWriter(StreamPart part) {
    if (geometry == null || geometrySrid != part.crs().srid()) {
      srsName = srsName(part);
      boolean northFirst = gml != GmlVersion.GML2 && part.crs().northFirst();
      geometry = new GmlGeometryWriter(gml, northFirst, CoordinateFormat.forSrid(part.crs().srid()));
      geometrySrid = part.crs().srid();
    }
    return geometry;
  }

  /** The srsName this encoder writes for a part (GetPropertyValue uses it for geometry values). */
  String srsNameOf(StreamPart part) {
    return srsName(part);
  }
}
