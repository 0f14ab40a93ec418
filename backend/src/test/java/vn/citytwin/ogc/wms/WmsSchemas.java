package vn.citytwin.ogc.wms;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Validation against the official WMS schemas, offline: the XSDs and DTDs come from the ogc-schemas jar (test
 * dependency, classpath {@code ogc/...}); {@code http://schemas.opengis.net/X} resolves to {@code ogc/X} and
 * W3C's xlink.xsd to {@code schemas/xlink.xsd} in the test resources. Nothing is fetched from the network.
 */
final class WmsSchemas {
  private static final String OPENGIS = "http://schemas.opengis.net/";
  private static final Schema CAPABILITIES_130 = schema("ogc/wms/1.3.0/capabilities_1_3_0.xsd",
      "ogc/sld/1.1.0/sld_capabilities.xsd");
  private static final Schema EXCEPTIONS_130 = schema("ogc/wms/1.3.0/exceptions_1_3_0.xsd");

  private WmsSchemas() {}

  /** Errors of a WMS 1.3.0 capabilities document against capabilities_1_3_0.xsd + SLD 1.1 capabilities. */
  static List<String> capabilities130(String xml) {
    return validate(CAPABILITIES_130, xml);
  }

  /** Errors of a WMS 1.3.0 ServiceExceptionReport against exceptions_1_3_0.xsd. */
  static List<String> exceptions130(String xml) {
    return validate(EXCEPTIONS_130, xml);
  }

  /** Errors of a 1.1.1 document (capabilities or exception report) against the DTD its DOCTYPE names. */
  static List<String> dtd111(String xml) {
    List<String> errors = new ArrayList<>();
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setValidating(true);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver((publicId, systemId) -> {
        if (systemId != null && systemId.startsWith(OPENGIS)) {
          InputStream in = resource("ogc/" + systemId.substring(OPENGIS.length()));
          return new InputSource(in);
        }
        throw new IOException("refusing to fetch " + systemId);
      });
      b.setErrorHandler(collector(errors));
      Document d = b.parse(new InputSource(new StringReader(xml)));
      if (d.getDoctype() == null) {
        errors.add("no DOCTYPE");
      }
    } catch (Exception e) {
      errors.add(e.toString());
    }
    return errors;
  }

  private static List<String> validate(Schema schema, String xml) {
    List<String> errors = new ArrayList<>();
    try {
      var v = schema.newValidator();
      v.setErrorHandler(collector(errors));
      v.validate(new StreamSource(new StringReader(xml)));
    } catch (Exception e) {
      errors.add(e.toString());
    }
    return errors;
  }

  private static ErrorHandler collector(List<String> errors) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
      }

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }
    };
  }

  private static Schema schema(String... paths) {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver(new Resolver());
      Source[] sources = new Source[paths.length];
      for (int i = 0; i < paths.length; i++) {
        URL url = WmsSchemas.class.getClassLoader().getResource(paths[i]);
        sources[i] = new StreamSource(url.openStream(), OPENGIS + paths[i].substring(4));
      }
      return f.newSchema(sources);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load schema " + String.join(", ", paths), e);
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = WmsSchemas.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("not on the class path: " + path);
    }
    return in;
  }

  /** Maps schema locations to class-path copies. */
  private static final class Resolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
      String absolute = systemId;
      try {
        if (baseUri != null && systemId != null && !systemId.contains("://")) {
          absolute = new java.net.URI(baseUri).resolve(systemId).toString();
        }
        String path;
        if ("http://www.w3.org/1999/xlink.xsd".equals(absolute)) {
          path = "schemas/xlink.xsd";
        } else if (absolute != null && absolute.startsWith(OPENGIS)) {
          path = "ogc/" + absolute.substring(OPENGIS.length());
        } else {
          throw new IllegalStateException("refusing to fetch " + absolute);
        }
        return new Input(publicId, absolute, new String(resource(path).readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException | java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private record Input(String publicId, String systemId, String text) implements LSInput {
    @Override
    public java.io.Reader getCharacterStream() {
      return new StringReader(text);
    }

    @Override
    public void setCharacterStream(java.io.Reader r) {
    }

    @Override
    public InputStream getByteStream() {
      return null;
    }

    @Override
    public void setByteStream(InputStream b) {
    }

    @Override
    public String getStringData() {
      return text;
    }

    @Override
    public void setStringData(String s) {
    }

    @Override
    public String getSystemId() {
      return systemId;
    }

    @Override
    public void setSystemId(String s) {
    }

    @Override
    public String getPublicId() {
      return publicId;
    }

    @Override
    public void setPublicId(String p) {
    }

    @Override
    public String getBaseURI() {
      return systemId;
    }

    @Override
    public void setBaseURI(String b) {
    }

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String e) {
    }

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean c) {
    }
  }
}
