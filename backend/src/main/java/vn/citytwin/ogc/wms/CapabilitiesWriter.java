package vn.citytwin.ogc.wms;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.features.LayerExtents;
import vn.citytwin.query.BBox;
import vn.citytwin.render.style.Rule;

/**
 * Writes the capabilities document: WMS 1.3.0 ({@code WMS_Capabilities}, valid against capabilities_1_3_0.xsd with
 * the SLD 1.1 extension for GetLegendGraphic) or 1.1.1 ({@code WMT_MS_Capabilities}, valid against
 * capabilities_1_1_1.dtd). One root layer (the service) holds the groups (named, with their members nested)
 * and the ungrouped layers. In 1.3.0 BoundingBox values of EPSG:4326 and EPSG:4756 are latitude first.
 */
final class CapabilitiesWriter {
  static final String WMS_NS = "http://www.opengis.net/wms";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";
  static final String SLD_NS = "http://www.opengis.net/sld";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String DTD_111 = "http://schemas.opengis.net/wms/1.1.1/capabilities_1_1_1.dtd";

  /** What the document is about. */
  record Input(WmsVersion version, String language, CityTwinConfig.Service service, CityTwinConfig.Wms limits,
      String endpoint, long updateSequence, List<LayerGroup> groups, List<LayerInfo> layers) {}

  private final Input in;
  private final boolean v13;
  private final XMLStreamWriter w;
  private final StringWriter out = new StringWriter();

  private CapabilitiesWriter(Input in) throws XMLStreamException {
    this.in = in;
    this.v13 = in.version() == WmsVersion.V1_3_0;
    this.w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
  }

  static String write(Input in) {
    try {
      CapabilitiesWriter cw = new CapabilitiesWriter(in);
      cw.document();
      return cw.out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("capabilities output failed", e);
    }
  }

  private void document() throws XMLStreamException {
    w.writeStartDocument("UTF-8", "1.0");
    if (v13) {
      w.setDefaultNamespace(WMS_NS);
      w.setPrefix("xlink", XLINK_NS);
      w.setPrefix("sld", SLD_NS);
      w.writeStartElement(WMS_NS, "WMS_Capabilities");
      w.writeDefaultNamespace(WMS_NS);
      w.writeNamespace("xlink", XLINK_NS);
      w.writeNamespace("sld", SLD_NS);
      w.writeNamespace("xsi", XSI_NS);
      w.writeAttribute("version", "1.3.0");
      w.writeAttribute("updateSequence", Long.toString(in.updateSequence()));
      w.writeAttribute(XSI_NS, "schemaLocation", WMS_NS
          + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd " + SLD_NS
          + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
    } else {
      w.writeDTD("<!DOCTYPE WMT_MS_Capabilities SYSTEM \"" + DTD_111 + "\">");
      w.writeStartElement("WMT_MS_Capabilities");
      w.writeAttribute("version", "1.1.1");
      w.writeAttribute("updateSequence", Long.toString(in.updateSequence()));
    }
    service();
    capability();
    w.writeEndElement();
    w.writeEndDocument();
    w.close();
  }

  private void service() throws XMLStreamException {
    CityTwinConfig.Service s = in.service();
    start("Service");
    text("Name", v13 ? "WMS" : "OGC:WMS");
    text("Title", s.title());
    text("Abstract", s.abstractText());
    start("KeywordList");
    for (String k : List.of("WMS", "CityTwin", "Vũng Tàu", "smart city")) {
      text("Keyword", k);
    }
    end();
    onlineResource(in.endpoint());
    start("ContactInformation");
    start("ContactPersonPrimary");
    text("ContactPerson", s.provider());
    text("ContactOrganization", s.provider());
    end();
    text("ContactElectronicMailAddress", s.contactEmail());
    end();
    text("Fees", "none");
    text("AccessConstraints", "none");
    if (v13) {
      text("MaxWidth", Integer.toString(in.limits().maxWidth()));
      text("MaxHeight", Integer.toString(in.limits().maxHeight()));
    }
    end();
  }

  private void capability() throws XMLStreamException {
    start("Capability");
    start("Request");
    operation("GetCapabilities", List.of(v13 ? "text/xml" : "application/vnd.ogc.wms_xml"), null);
    operation("GetMap", ImageFormat.advertised(), null);
    operation("GetFeatureInfo", InfoFormat.advertised(), null);
    if (v13) {
      operation("GetLegendGraphic", List.of("image/png"), SLD_NS);
    } else {
      operation("GetLegendGraphic", List.of("image/png"), null);
    }
    end();
    start("Exception");
    for (String f : ExceptionFormat.advertised(in.version())) {
      text("Format", f);
    }
    end();
    if (v13) {
      w.writeEmptyElement(SLD_NS, "UserDefinedSymbolization");
    } else {
      w.writeEmptyElement("UserDefinedSymbolization");
    }
    w.writeAttribute("SupportSLD", "1");
    w.writeAttribute("UserLayer", "0");
    w.writeAttribute("UserStyle", "1");
    w.writeAttribute("RemoteWFS", "0");
    rootLayer();
    end();
  }

  private void operation(String name, List<String> formats, String ns) throws XMLStreamException {
    if (ns != null) {
      w.writeStartElement(ns, name);
    } else {
      start(name);
    }
    for (String f : formats) {
      text("Format", f);
    }
    start("DCPType");
    start("HTTP");
    start("Get");
    onlineResource(in.endpoint() + "?");
    end();
    end();
    end();
    end();
  }

  private void rootLayer() throws XMLStreamException {
    start("Layer");
    text("Title", in.service().title());
    text("Abstract", in.service().abstractText());
    for (WmsCrs crs : WmsCrs.advertised(in.version())) {
      text(v13 ? "CRS" : "SRS", crs.code());
    }
    extents(union(in.layers()));
    Map<String, LayerInfo> byId = new LinkedHashMap<>();
    in.layers().forEach(l -> byId.put(l.layer().id(), l));
    List<String> grouped = new ArrayList<>();
    for (LayerGroup g : in.groups()) {
      List<LayerInfo> members = g.members().stream().map(m -> byId.get(m.id())).filter(m -> m != null).toList();
      if (members.isEmpty()) {
        continue;
      }
      start("Layer");
      w.writeAttribute("queryable", "1");
      text("Name", g.name());
      text("Title", g.title(in.language()));
      extents(union(members));
      for (LayerInfo m : members) {
        layer(m);
        grouped.add(m.layer().id());
      }
      end();
    }
    for (LayerInfo l : in.layers()) {
      if (!grouped.contains(l.layer().id())) {
        layer(l);
      }
    }
    end();
  }

  private void layer(LayerInfo info) throws XMLStreamException {
    var meta = info.layer().meta();
    start("Layer");
    w.writeAttribute("queryable", "1");
    w.writeAttribute("opaque", "0");
    text("Name", info.layer().id());
    text("Title", meta.title(in.language()));
    String abs = meta.abstractText(in.language());
    if (abs != null && !abs.isBlank()) {
      text("Abstract", abs);
    }
    start("KeywordList");
    text("Keyword", info.layer().id());
    text("Keyword", info.layer().geometryKind().ogcName());
    if (meta.group() != null) {
      text("Keyword", meta.group());
    }
    end();
    extents(new Extents(info.wgs84(), info.boxes()));
    if (info.time() != null && !info.time().isEmpty()) {
      if (v13) {
        start("Dimension");
        w.writeAttribute("name", "time");
        w.writeAttribute("units", "ISO8601");
        w.writeAttribute("default", info.time().defaultText());
        // TIME accepts lists and current/present (MapRequestParser.time), so say so; no nearest-value snapping.
        w.writeAttribute("multipleValues", "1");
        w.writeAttribute("nearestValue", "0");
        w.writeAttribute("current", "1");
        w.writeCharacters(info.time().extentText());
        end();
      } else {
        w.writeEmptyElement("Dimension");
        w.writeAttribute("name", "time");
        w.writeAttribute("units", "ISO8601");
        start("Extent");
        w.writeAttribute("name", "time");
        w.writeAttribute("default", info.time().defaultText());
        w.writeAttribute("multipleValues", "1");
        w.writeAttribute("current", "1");
        w.writeCharacters(info.time().extentText());
        end();
      }
    }
    if (meta.attribution() != null && !meta.attribution().isBlank()) {
      start("Attribution");
      text("Title", meta.attribution());
      end();
    }
    for (LayerInfo.StyleEntry s : info.styles()) {
      start("Style");
      text("Name", s.style().name());
      text("Title", s.style().title());
      if (s.style().style().abstractText() != null && !s.style().style().abstractText().isBlank()) {
        text("Abstract", s.style().style().abstractText());
      }
      start("LegendURL");
      w.writeAttribute("width", Integer.toString(s.legendWidth()));
      w.writeAttribute("height", Integer.toString(s.legendHeight()));
      text("Format", "image/png");
      onlineResource(in.endpoint() + "?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=" + in.version().text()
          + "&FORMAT=image%2Fpng&LAYER=" + enc(info.layer().id()) + "&STYLE=" + enc(s.style().name()));
      end();
      end();
    }
    if (v13 && !info.styles().isEmpty()) {
      double[] range = scaleRange(info.styles().get(0).style());
      if (range[0] > 0) {
        text("MinScaleDenominator", number(range[0]));
      }
      if (Double.isFinite(range[1])) {
        text("MaxScaleDenominator", number(range[1]));
      }
    }
    end();
  }

  /** The scales at which the style draws anything: min over rules of their minimum, max of their maximum. */
  static double[] scaleRange(NamedStyle style) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (var fts : style.style().featureTypeStyles()) {
      for (Rule r : fts.rules()) {
        if (r.symbolizers().isEmpty()) {
          continue;
        }
        min = Math.min(min, r.minScaleDenominator());
        max = Math.max(max, r.maxScaleDenominator());
      }
    }
    return min == Double.POSITIVE_INFINITY ? new double[] {0, Double.POSITIVE_INFINITY} : new double[] {min, max};
  }

  private record Extents(double[] wgs84, Map<WmsCrs, BBox> boxes) {}

  private static Extents union(List<LayerInfo> layers) {
    double[] wgs84 = null;
    Map<WmsCrs, BBox> boxes = new LinkedHashMap<>();
    for (LayerInfo l : layers) {
      if (l.wgs84() == null) {
        continue;
      }
      wgs84 = wgs84 == null ? l.wgs84().clone() : new double[] {Math.min(wgs84[0], l.wgs84()[0]),
          Math.min(wgs84[1], l.wgs84()[1]), Math.max(wgs84[2], l.wgs84()[2]), Math.max(wgs84[3], l.wgs84()[3])};
      l.boxes().forEach((crs, b) -> boxes.merge(crs, b, (a, c) -> new BBox(Math.min(a.minX(), c.minX()),
          Math.min(a.minY(), c.minY()), Math.max(a.maxX(), c.maxX()), Math.max(a.maxY(), c.maxY()), a.srid())));
    }
    return new Extents(wgs84, boxes);
  }

  private void extents(Extents e) throws XMLStreamException {
    if (e.wgs84() == null) {
      return;
    }
    double[] b = LayerExtents.widen(e.wgs84());
    double west = clamp(b[0], -180, 180);
    double south = clamp(b[1], -90, 90);
    double east = clamp(b[2], -180, 180);
    double north = clamp(b[3], -90, 90);
    if (v13) {
      start("EX_GeographicBoundingBox");
      text("westBoundLongitude", number(west));
      text("eastBoundLongitude", number(east));
      text("southBoundLatitude", number(south));
      text("northBoundLatitude", number(north));
      end();
    } else {
      w.writeEmptyElement("LatLonBoundingBox");
      w.writeAttribute("minx", number(west));
      w.writeAttribute("miny", number(south));
      w.writeAttribute("maxx", number(east));
      w.writeAttribute("maxy", number(north));
    }
    for (WmsCrs crs : WmsCrs.advertised(in.version())) {
      BBox box = e.boxes().get(crs);
      if (box == null) {
        continue;
      }
      boolean swap = crs.swapsAxes(in.version());
      if (v13) {
        w.writeEmptyElement(WMS_NS, "BoundingBox");
        w.writeAttribute("CRS", crs.code());
      } else {
        w.writeEmptyElement("BoundingBox");
        w.writeAttribute("SRS", crs.code());
      }
      w.writeAttribute("minx", number(swap ? box.minY() : box.minX()));
      w.writeAttribute("miny", number(swap ? box.minX() : box.minY()));
      w.writeAttribute("maxx", number(swap ? box.maxY() : box.maxX()));
      w.writeAttribute("maxy", number(swap ? box.maxX() : box.maxY()));
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Up to 8 decimals, no exponent, no trailing zeros. */
  static String number(double v) {
    String s = String.format(Locale.ROOT, "%.8f", v);
    s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  private void onlineResource(String href) throws XMLStreamException {
    if (v13) {
      w.writeEmptyElement(WMS_NS, "OnlineResource");
    } else {
      w.writeEmptyElement("OnlineResource");
      w.writeNamespace("xlink", XLINK_NS);
    }
    w.writeAttribute("xlink", XLINK_NS, "type", "simple");
    w.writeAttribute("xlink", XLINK_NS, "href", href);
  }

  private void start(String name) throws XMLStreamException {
    if (v13) {
      w.writeStartElement(WMS_NS, name);
    } else {
      w.writeStartElement(name);
    }
  }

  private void end() throws XMLStreamException {
    w.writeEndElement();
  }

  private void text(String name, String value) throws XMLStreamException {
    start(name);
    w.writeCharacters(value == null ? "" : value);
    end();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
