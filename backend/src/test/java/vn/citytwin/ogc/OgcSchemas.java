package vn.citytwin.ogc;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXParseException;

/**
 * Validates documents against the official OGC schemas offline: {@code http://schemas.opengis.net/…} is read from
 * the {@code org.jvnet.ogc:ogc-schemas} jar ({@code ogc/…}), the W3C xml/xlink schemas from small stand-ins in the
 * test resources, and any other http URL (our DescribeFeatureType) through the given fetcher. Compiled schemas are
 * cached per source list.
 */
public final class OgcSchemas {
  public static final String WFS20 = "http://schemas.opengis.net/wfs/2.0/wfs.xsd";
  public static final String WFS11 = "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd";
  public static final String WFS10 = "http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd";
  public static final String OWS11_EXCEPTIONS = "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd";
  public static final String OWS10_EXCEPTIONS = "http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd";
  public static final String GML32 = "http://schemas.opengis.net/gml/3.2.1/gml.xsd";

  private static final Map<List<String>, Schema> CACHE = new ConcurrentHashMap<>();

  private OgcSchemas() {}

  /**
   * Validates {@code xml} against the schemas at {@code locations}; throws AssertionError with the first problem.
   *
   * @param fetch reads non-OGC http URLs (e.g. the server's DescribeFeatureType); may be null
   */
  public static void validate(String xml, Function<String, String> fetch, String... locations) {
    List<String> key = List.of(locations);
    Schema schema = CACHE.computeIfAbsent(key, k -> compile(k, fetch));
    try {
      Validator v = schema.newValidator();
      v.setResourceResolver(resolver(fetch));
      v.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw new AssertionError("Invalid at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
          + e.getMessage() + "\n" + excerpt(xml, e.getLineNumber()), e);
    } catch (Exception e) {
      throw new AssertionError("Validation failed: " + e.getMessage(), e);
    }
  }

  /** Compiles {@code xsd} (e.g. a DescribeFeatureType response) as a schema: it must be a valid XML Schema. */
  public static Schema compileSchemaText(String xsd, String systemId, Function<String, String> fetch) {
    try {
      SchemaFactory f = factory(fetch);
      StreamSource s = new StreamSource(new StringReader(xsd), systemId);
      return f.newSchema(s);
    } catch (Exception e) {
      throw new AssertionError("Not a valid XML Schema: " + e.getMessage(), e);
    }
  }

  private static Schema compile(List<String> locations, Function<String, String> fetch) {
    try {
      SchemaFactory f = factory(fetch);
      List<Source> sources = new ArrayList<>();
      for (String loc : locations) {
        LSInput in = resolver(fetch).resolveResource(XMLConstants.W3C_XML_SCHEMA_NS_URI, null, null, loc, null);
        StreamSource s = in.getCharacterStream() != null ? new StreamSource(in.getCharacterStream(), loc)
            : new StreamSource(in.getByteStream(), loc);
        sources.add(s);
      }
      return f.newSchema(sources.toArray(new Source[0]));
    } catch (Exception e) {
      throw new AssertionError("Cannot compile schemas " + locations + ": " + e.getMessage(), e);
    }
  }

  private static SchemaFactory factory(Function<String, String> fetch) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setResourceResolver(resolver(fetch));
    return f;
  }

  static LSResourceResolver resolver(Function<String, String> fetch) {
    return (type, namespace, publicId, systemId, baseUri) -> {
      if (systemId == null) {
        return null;
      }
      String abs = baseUri == null ? systemId : URI.create(baseUri).resolve(systemId).toString();
      if (!abs.startsWith("http")) {
        abs = systemId;
      }
      String resource = null;
      if (abs.startsWith("http://schemas.opengis.net/")) {
        resource = "ogc/" + abs.substring("http://schemas.opengis.net/".length());
      } else if (abs.equals("http://www.w3.org/1999/xlink.xsd")) {
        resource = "w3c/xlink.xsd";
      } else if (abs.equals("http://www.w3.org/2001/xml.xsd")) {
        resource = "w3c/xml.xsd";
      }
      if (resource != null) {
        InputStream stream = OgcSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
          throw new IllegalStateException("schema not on the classpath: " + resource);
        }
        return new Input(abs, stream, null);
      }
      if (fetch != null && abs.startsWith("http")) {
        return new Input(abs, null, new StringReader(fetch.apply(abs)));
      }
      throw new IllegalStateException("no offline copy of " + abs);
    };
  }

  private static String excerpt(String xml, int line) {
    String[] lines = xml.split("\n");
    if (line <= 0 || line > lines.length) {
      return "";
    }
    String l = lines[line - 1];
    return l.length() > 600 ? l.substring(0, 600) + "…" : l;
  }

  /** A resolved schema document. */
  private static final class Input implements LSInput {
    private final String systemId;
    private final InputStream bytes;
    private final Reader chars;

    Input(String systemId, InputStream bytes, Reader chars) {
      this.systemId = systemId;
      this.bytes = bytes;
      this.chars = chars;
    }

    @Override public Reader getCharacterStream() { return chars; }
    @Override public void setCharacterStream(Reader characterStream) { }
    @Override public InputStream getByteStream() { return bytes; }
    @Override public void setByteStream(InputStream byteStream) { }
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String stringData) { }
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String systemId) { }
    @Override public String getPublicId() { return null; }
    @Override public void setPublicId(String publicId) { }
    @Override public String getBaseURI() { return systemId; }
    @Override public void setBaseURI(String baseURI) { }
    @Override public String getEncoding() { return bytes != null ? null : StandardCharsets.UTF_8.name(); }
    @Override public void setEncoding(String encoding) { }
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean certifiedText) { }
  }
}
