package vn.citytwin.ogc;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A parsed response document with the few lookups the protocol tests need (by namespace and local name). */
public final class XmlDoc {
  public static final String WFS20 = "http://www.opengis.net/wfs/2.0";
  public static final String GML32 = "http://www.opengis.net/gml/3.2";
  public static final String CT = "https://citytwin.vn/features";
  public static final String OWS11 = "http://www.opengis.net/ows/1.1";

  private final Document doc;

  private XmlDoc(Document doc) {
    this.doc = doc;
  }

  public static XmlDoc parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return new XmlDoc(f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
    } catch (Exception e) {
      throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  public Element root() {
    return doc.getDocumentElement();
  }

  public List<Element> all(String ns, String local) {
    NodeList nl = doc.getElementsByTagNameNS(ns, local);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      out.add((Element) nl.item(i));
    }
    return out;
  }

  public List<String> texts(String ns, String local) {
    return all(ns, local).stream().map(Element::getTextContent).toList();
  }

  /** gml:id (or fid) of every feature element of a type. */
  public List<String> featureIds(String typeLocal) {
    return all(CT, typeLocal).stream().map(e -> e.hasAttributeNS(GML32, "id") ? e.getAttributeNS(GML32, "id")
        : e.hasAttributeNS("http://www.opengis.net/gml", "id") ? e.getAttributeNS("http://www.opengis.net/gml", "id")
        : e.getAttribute("fid")).toList();
  }

  public String rootAttr(String name) {
    return root().getAttribute(name);
  }
}
