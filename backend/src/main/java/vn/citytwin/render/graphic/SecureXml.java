package vn.citytwin.render.graphic;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses XML into a namespace-aware DOM with DTDs, external entities and XInclude off, so a style sent by a
 * client (SLD_BODY) cannot read files or reach the network.
 */
public final class SecureXml {
  private SecureXml() {
  }

  /**
   * @throws SAXException when the document is not well-formed or declares a DOCTYPE
   * @throws IOException when the stream fails
   */
  public static Document parse(InputStream in) throws SAXException, IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      // the default handler prints to stderr; this one only throws
      b.setErrorHandler(new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
          // not worth reporting: the document still parses
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return b.parse(in);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a security feature", e);
    }
  }
}
