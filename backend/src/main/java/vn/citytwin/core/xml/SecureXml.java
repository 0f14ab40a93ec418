package vn.citytwin.core.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.citytwin.core.error.ApiException;

/**
 * The one XML parser of the server, for everything a client or a file sends (WFS/OWS requests, FES filters, SLD
 * styles, SVG icons): XML into a namespace-aware DOM, safely: DOCTYPEs are refused outright (so no external
 * entities, no entity expansion bombs, no DTD fetches), XInclude is off, secure processing is on, and nesting deeper
 * than {@link #MAX_DEPTH} elements is refused. Each element remembers the line and column of its start tag (see
 * {@link #position(Element)}), so later validation errors can point at the offending element.
 */
public final class SecureXml {
  /** Deepest element nesting accepted. */
  public static final int MAX_DEPTH = 256;

  private static final String LINE = "vn.citytwin.xml.line";
  private static final String COLUMN = "vn.citytwin.xml.column";

  private static final Factories FACTORIES = new Factories();

  private SecureXml() {}

  /** The configured JAXP factories, made once. */
  private static final class Factories {
    final SAXParserFactory sax;
    final DocumentBuilderFactory dom;

    Factories() {
      try {
        sax = saxFactory();
        dom = documentFactory();
      } catch (ParserConfigurationException | SAXException e) {
        throw new IllegalStateException("secure XML parsing is not available", e);
      }
    }
  }

  /**
   * Parses {@code xml}.
   *
   * @param locator the request parameter the XML came from, used as the error locator
   * @throws ApiException INVALID_PARAMETER when the XML is malformed, has a DOCTYPE or nests too deeply
   */
  public static Document parse(String xml, String locator) {
    try {
      SAXParser parser;
      Document doc;
      // JAXP factories are not thread-safe; creating them is the costly part, so share and lock briefly.
      synchronized (FACTORIES) {
        parser = FACTORIES.sax.newSAXParser();
        doc = FACTORIES.dom.newDocumentBuilder().newDocument();
      }
      parser.parse(new InputSource(new StringReader(xml)), new DomBuilder(doc));
      return doc;
    } catch (SAXParseException e) {
      throw ApiException.invalidParameter(locator, "Malformed XML at line " + e.getLineNumber() + ", column "
          + e.getColumnNumber() + ": " + describe(e));
    } catch (SAXException e) {
      throw ApiException.invalidParameter(locator, "Malformed XML: " + describe(e));
    } catch (ParserConfigurationException | IOException e) {
      throw ApiException.internal("XML parser unavailable", e);
    }
  }

  /**
   * Parses a stream (a style or an icon) with the same rules; for callers that report errors in their own words.
   *
   * @throws SAXException when the document is not well-formed, declares a DOCTYPE or nests too deeply
   * @throws IOException when the stream fails
   */
  public static Document parse(InputStream in) throws SAXException, IOException {
    SAXParser parser;
    Document doc;
    try {
      synchronized (FACTORIES) {
        parser = FACTORIES.sax.newSAXParser();
        doc = FACTORIES.dom.newDocumentBuilder().newDocument();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a security feature", e);
    }
    parser.parse(new InputSource(in), new DomBuilder(doc));
    return doc;
  }

  /** "line L, column C" of the element's start tag, or null when the element was not parsed here. */
  public static String position(Element e) {
    Object line = e.getUserData(LINE);
    Object col = e.getUserData(COLUMN);
    return line == null ? null : "line " + line + ", column " + col;
  }

  private static String describe(SAXException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("DOCTYPE")) {
      return "DOCTYPE declarations are not allowed";
    }
    m = m.replaceAll("\\s+", " ").trim();
    return m.length() > 200 ? m.substring(0, 197) + "..." : m;
  }

  private static SAXParserFactory saxFactory() throws ParserConfigurationException, SAXException {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f;
  }

  private static DocumentBuilderFactory documentFactory() throws ParserConfigurationException {
    // Only used to create an empty Document; it never parses anything, but is locked down all the same.
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f;
  }

  /** Builds the DOM from SAX events, recording where each element starts. */
  private static final class DomBuilder extends DefaultHandler {
    private final Document doc;
    private Node current;
    private Locator locator;
    private int depth;
    private final StringBuilder text = new StringBuilder();

    DomBuilder(Document doc) {
      this.doc = doc;
      this.current = doc;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if (++depth > MAX_DEPTH) {
        throw new SAXParseException("elements nested more than " + MAX_DEPTH + " deep", locator);
      }
      flushText();
      Element e;
      try {
        e = doc.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < atts.getLength(); i++) {
          String au = atts.getURI(i);
          e.setAttributeNS(au == null || au.isEmpty() ? null : au, atts.getQName(i), atts.getValue(i));
        }
      } catch (DOMException ex) {
        // The parser lets some malformed qualified names through (e.g. "<:a>"); the DOM refuses them.
        throw new SAXParseException("invalid element or attribute name in <" + qName + ">", locator);
      }
      if (locator != null) {
        e.setUserData(LINE, locator.getLineNumber(), null);
        e.setUserData(COLUMN, locator.getColumnNumber(), null);
      }
      current.appendChild(e);
      current = e;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      flushText();
      depth--;
      current = current.getParentNode();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (current != doc) {
        text.append(ch, start, length);
      }
    }

    private void flushText() {
      if (text.length() > 0) {
        current.appendChild(doc.createTextNode(text.toString()));
        text.setLength(0);
      }
    }
  }
}
