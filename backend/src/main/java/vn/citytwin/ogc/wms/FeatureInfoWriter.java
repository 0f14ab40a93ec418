package vn.citytwin.ogc.wms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.io.gml2.GMLWriter;
import vn.citytwin.catalog.Layer;

/**
 * GetFeatureInfo responses. JSON is a GeoJSON FeatureCollection in EPSG:4326 (longitude first, RFC 7946) with
 * ids {@code layer.id}; GML is a WFS 1.0-style FeatureCollection with GML 2 geometry in the map CRS (srsName in
 * the {@code epsg.xml#code} form, x=east); HTML is a table per layer; plain text lists {@code name = value}
 * lines per feature, as GeoServer does. Layers with no hit are left out (text and HTML say "no features").
 */
final class FeatureInfoWriter {
  /** Namespace of feature types in GML output. */
  static final String NS = "http://citytwin.vn/city";
  static final String NS_PREFIX = "city";

  private FeatureInfoWriter() {}

  static String write(InfoFormat format, List<InfoFeature> features, MapView view) {
    return switch (format) {
      case JSON -> json(features).encode();
      case HTML -> html(features);
      case TEXT -> text(features);
      case GML -> gml(features, view);
    };
  }

  static JsonObject json(List<InfoFeature> features) {
    JsonArray fs = new JsonArray();
    for (InfoFeature f : features) {
      JsonObject props = new JsonObject();
      f.properties().forEach((k, v) -> props.put(k, jsonValue(v)));
      JsonObject feature = new JsonObject().put("type", "Feature");
      if (f.id() != null) {
        feature.put("id", f.featureId());
      }
      feature.put("geometry", GeoJsonGeometry.of(f.wgs84())).put("properties", props)
          .put("layer", f.layer().id());
      if (f.scenarioStatus() != null && !"base".equals(f.scenarioStatus())) {
        feature.put("scenario_status", f.scenarioStatus());
      }
      fs.add(feature);
    }
    return new JsonObject().put("type", "FeatureCollection").put("features", fs)
        .put("numberReturned", features.size());
  }

  private static Object jsonValue(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof Float || v instanceof Short) {
      return v instanceof Short s ? Integer.valueOf(s) : v;
    }
    if (v instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (v instanceof List<?> l) {
      JsonArray a = new JsonArray();
      l.forEach(x -> a.add(jsonValue(x)));
      return a;
    }
    return v.toString();
  }

  static String text(List<InfoFeature> features) {
    if (features.isEmpty()) {
      return "no features were found\n";
    }
    StringBuilder sb = new StringBuilder();
    Layer current = null;
    for (InfoFeature f : features) {
      if (f.layer() != current) {
        current = f.layer();
        sb.append("Results for FeatureType '").append(current.id()).append("':\n");
      }
      sb.append("--------------------------------------------\n");
      if (f.id() != null) {
        sb.append("id = ").append(f.featureId()).append('\n');
      }
      for (Map.Entry<String, Object> e : f.properties().entrySet()) {
        sb.append(e.getKey()).append(" = ").append(e.getValue() == null ? "" : e.getValue()).append('\n');
      }
    }
    sb.append("--------------------------------------------\n");
    return sb.toString();
  }

  static String html(List<InfoFeature> features) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + "GetFeatureInfo</title><style>table{border-collapse:collapse;font:12px sans-serif;margin-bottom:8px}"
        + "th,td{border:1px solid #bbb;padding:2px 6px;text-align:left}caption{font-weight:bold;text-align:left}"
        + "</style></head><body>\n");
    if (features.isEmpty()) {
      sb.append("<p>Không tìm thấy đối tượng / no features were found</p>\n");
    }
    int i = 0;
    while (i < features.size()) {
      Layer layer = features.get(i).layer();
      List<String> columns = List.copyOf(features.get(i).properties().keySet());
      sb.append("<table class=\"featureInfo\"><caption>").append(esc(layer.meta().title("vi"))).append(" (")
          .append(esc(layer.id())).append(")</caption>\n<tr><th>id</th>");
      columns.forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
      sb.append("</tr>\n");
      for (; i < features.size() && features.get(i).layer() == layer; i++) {
        InfoFeature f = features.get(i);
        sb.append("<tr><td>").append(f.id() == null ? "" : esc(f.featureId())).append("</td>");
        for (String c : columns) {
          Object v = f.properties().get(c);
          sb.append("<td>").append(v == null ? "" : esc(v.toString())).append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  static String gml(List<InfoFeature> features, MapView view) {
    StringWriter out = new StringWriter();
    String srsName = "http://www.opengis.net/gml/srs/epsg.xml#" + view.crs().srid();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("wfs", "FeatureCollection", "http://www.opengis.net/wfs");
      w.writeNamespace("wfs", "http://www.opengis.net/wfs");
      w.writeNamespace("gml", "http://www.opengis.net/gml");
      w.writeNamespace(NS_PREFIX, NS);
      GMLWriter geometryWriter = new GMLWriter(false);
      geometryWriter.setSrsName(srsName);
      for (InfoFeature f : features) {
        w.writeStartElement("gml", "featureMember", "http://www.opengis.net/gml");
        w.writeStartElement(NS_PREFIX, xmlName(f.layer().id()), NS);
        if (f.id() != null) {
          w.writeAttribute("fid", f.featureId());
        }
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
          w.writeStartElement(NS_PREFIX, xmlName(e.getKey()), NS);
          if (e.getValue() != null) {
            w.writeCharacters(e.getValue().toString());
          }
          w.writeEndElement();
        }
        if (f.mapGeometry() != null) {
          w.writeStartElement(NS_PREFIX, xmlName(f.layer().geometryColumn()), NS);
          // close the start tag and flush, so the geometry's markup (from JTS GMLWriter) lands inside it
          w.writeCharacters("");
          w.flush();
          out.write(geometryWriter.write(f.mapGeometry()).strip());
          w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("GML output failed", e);
    }
    return out.toString();
  }

  /** A column name as an XML element name: characters a name cannot hold become '_'. */
  static String xmlName(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
      sb.append(ok ? c : '_');
    }
    return sb.length() == 0 ? "_" : sb.toString();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
