package vn.citytwin.ogc.wms;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.citytwin.catalog.Layer;
import vn.citytwin.features.CoordinateFormat;
import vn.citytwin.features.GeoJsonGeometryWriter;
import vn.citytwin.features.InfoFeature;
import vn.citytwin.ogc.GmlGeometryWriter;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.ogc.XmlNames;

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
      case JSON -> json(features);
      case HTML -> html(features);
      case TEXT -> text(features);
      case GML -> gml(features, view);
    };
  }

  /** GeoJSON text: properties through Vert.x JSON, geometry through the shared GeoJSON geometry writer. */
  static String json(List<InfoFeature> features) {
    GeoJsonGeometryWriter geometry = new GeoJsonGeometryWriter(false, CoordinateFormat.forSrid(4326));
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < features.size(); i++) {
      InfoFeature f = features.get(i);
      JsonObject props = new JsonObject();
      f.properties().forEach((k, v) -> props.put(k, jsonValue(v)));
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\"");
      if (f.id() != null) {
        sb.append(",\"id\":").append(Json.encode(f.featureId()));
      }
      sb.append(",\"geometry\":");
      if (f.wgs84() == null || f.wgs84().isEmpty()) {
        sb.append("null");
      } else {
        geometry.write(sb, f.wgs84());
      }
      sb.append(",\"properties\":").append(props.encode());
      sb.append(",\"layer\":").append(Json.encode(f.layer().id()));
      if (f.scenarioStatus() != null && !"base".equals(f.scenarioStatus())) {
        sb.append(",\"scenario_status\":").append(Json.encode(f.scenarioStatus()));
      }
      sb.append('}');
    }
    return sb.append("],\"numberReturned\":").append(features.size()).append('}').toString();
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
    GmlGeometryWriter geometryWriter = new GmlGeometryWriter(GmlVersion.GML2, false,
        CoordinateFormat.forSrid(view.crs().srid()));
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("wfs", "FeatureCollection", "http://www.opengis.net/wfs");
      w.writeNamespace("wfs", "http://www.opengis.net/wfs");
      w.writeNamespace("gml", GmlVersion.GML2.namespace());
      w.writeNamespace(NS_PREFIX, NS);
      for (InfoFeature f : features) {
        w.writeStartElement("gml", "featureMember", GmlVersion.GML2.namespace());
        w.writeStartElement(NS_PREFIX, XmlNames.ncName(f.layer().id()), NS);
        if (f.id() != null) {
          w.writeAttribute("fid", f.featureId());
        }
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
          w.writeStartElement(NS_PREFIX, XmlNames.ncName(e.getKey()), NS);
          if (e.getValue() != null) {
            w.writeCharacters(e.getValue().toString());
          }
          w.writeEndElement();
        }
        if (f.mapGeometry() != null && !f.mapGeometry().isEmpty()) {
          w.writeStartElement(NS_PREFIX, XmlNames.ncName(f.layer().geometryColumn()), NS);
          // close the start tag and flush, so the geometry's markup (shared GML writer) lands inside it
          w.writeCharacters("");
          w.flush();
          StringBuilder g = new StringBuilder();
          geometryWriter.write(g, f.mapGeometry(), srsName, null);
          out.write(g.toString());
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

  /** HTML escaping: the one shared helper of the OGC HTML pages. */
  static String esc(String s) {
    return vn.citytwin.ogc.HtmlPage.esc(s);
  }
}
