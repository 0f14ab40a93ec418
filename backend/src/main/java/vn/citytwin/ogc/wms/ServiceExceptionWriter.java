package vn.citytwin.ogc.wms;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The WMS ServiceExceptionReport: 1.3.0 in the {@code http://www.opengis.net/ogc} namespace with code and locator
 * (exceptions_1_3_0.xsd), 1.1.1 without namespace, with its DOCTYPE and the code only (exception_1_1_1.dtd).
 */
final class ServiceExceptionWriter {
  static final String OGC_NS = "http://www.opengis.net/ogc";
  static final String DTD_111 = "http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd";

  private ServiceExceptionWriter() {}

  /** The Content-Type of a report of that version. */
  static String contentType(WmsVersion v) {
    return v == WmsVersion.V1_3_0 ? "text/xml; charset=utf-8" : "application/vnd.ogc.se_xml; charset=utf-8";
  }

  /** @param locator the offending parameter, or null (not written in 1.1.1, which has no such attribute) */
  static String write(WmsVersion v, String code, String locator, String message) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      if (v == WmsVersion.V1_3_0) {
        w.setDefaultNamespace(OGC_NS);
        w.writeStartElement(OGC_NS, "ServiceExceptionReport");
        w.writeDefaultNamespace(OGC_NS);
        w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        w.writeAttribute("version", "1.3.0");
        w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
            OGC_NS + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
        w.writeStartElement(OGC_NS, "ServiceException");
      } else {
        w.writeDTD("<!DOCTYPE ServiceExceptionReport SYSTEM \"" + DTD_111 + "\">");
        w.writeStartElement("ServiceExceptionReport");
        w.writeAttribute("version", "1.1.1");
        w.writeStartElement("ServiceException");
      }
      w.writeAttribute("code", code);
      if (v == WmsVersion.V1_3_0 && locator != null) {
        w.writeAttribute("locator", locator);
      }
      w.writeCharacters(message == null ? "" : message);
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("exception report output failed", e);
    }
    return out.toString();
  }
}
