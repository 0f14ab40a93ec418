package vn.citytwin.ogc.wfs;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.filter.FesParser;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.GeometryLiteral;

/**
 * Reads a GML geometry (GML 2, 3.1 or 3.2) of a WFS-T feature through the filter module's GML reader, which honours
 * srsName and axis order. That reader is not public, so the geometry is wrapped in a one-operator FES filter
 * ({@code fes:Intersects}) and taken back out of the parsed filter. A geometry without srsName is in
 * {@code defaultSrsName} (the feature type's default CRS). Results are x=east/y=north with the SRID set.
 *
 * <p>The filter module rejects invalid geometries already; its message is reworded for a transaction.
 */
final class GmlGeometryReader {
  private static final String FES = "http://www.opengis.net/fes/2.0";

  private GmlGeometryReader() {}

  /**
   * @param locator the property the geometry belongs to, for errors
   * @throws ApiException INVALID_PARAMETER when the GML cannot be read or the geometry is invalid
   */
  static Geometry read(Element gml, String defaultSrsName, String locator) {
    Document doc = newDocument();
    Element filter = doc.createElementNS(FES, "fes:Filter");
    Element op = doc.createElementNS(FES, "fes:Intersects");
    Element ref = doc.createElementNS(FES, "fes:ValueReference");
    ref.setTextContent("geometry");
    Element copy = (Element) doc.importNode(gml, true);
    if (copy.getAttribute("srsName").isBlank() && defaultSrsName != null) {
      copy.setAttribute("srsName", defaultSrsName);
    }
    op.appendChild(ref);
    op.appendChild(copy);
    filter.appendChild(op);
    doc.appendChild(filter);
    try {
      Filter parsed = FesParser.parse(filter);
      if (!(parsed instanceof Filter.Spatial s)) {
        throw ApiException.invalidParameter(locator, "Expected a GML geometry");
      }
      GeometryLiteral literal = s.geometry();
      Geometry g = literal.geometry();
      g.setSRID(literal.srid());
      return g;
    } catch (ApiException e) {
      throw ApiException.invalidParameter(locator, reword(e.getMessage()));
    }
  }

  /** "Invalid filter at /path (line…): geometry literal is not valid: X" → "Invalid geometry: X". */
  private static String reword(String message) {
    String m = message == null ? "" : message;
    int sep = m.indexOf(": ");
    String detail = sep >= 0 ? m.substring(sep + 2) : m;
    detail = detail.replace("geometry literal is not valid", "the geometry is not valid")
        .replace("geometry literal", "geometry");
    return "Invalid geometry: " + detail + "; nothing was written";
  }

  private static Document newDocument() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw ApiException.internal("XML unavailable", e);
    }
  }
}
