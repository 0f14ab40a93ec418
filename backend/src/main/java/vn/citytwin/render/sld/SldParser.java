package vn.citytwin.render.sld;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.xml.SecureXml;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.RuleFilter;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.StyledLayer;
import vn.citytwin.render.style.StyledLayerDescriptor;
import vn.citytwin.render.style.Symbolizer;

/**
 * Reads SLD 1.0.0 and SE 1.1 (SLD 1.1.0) documents into immutable {@link Style}s. Namespace-aware (CssParameter
 * and SvgParameter alike), XXE-safe. Everything the renderer does not support is listed in the style's
 * {@code warnings()} with its element path, never dropped silently; a rule whose filter cannot be read is
 * dropped (with a warning) rather than drawing every feature.
 *
 * <p>The static methods use graphics from the classpath folder {@code styles/}; an instance from
 * {@link #withResources} reads them from a directory.
 */
public final class SldParser {
  private final StyleResources resources;
  private final RuleFilterParser filterParser;

  public SldParser(StyleResources resources, RuleFilterParser filterParser) {
    this.resources = resources;
    this.filterParser = filterParser;
  }

  /** A parser with graphics from {@code resources} and the default (FES) rule filters. */
  public static SldParser withResources(StyleResources resources) {
    return new SldParser(resources, RuleFilters.defaultParser());
  }

  /** Shortcut: the default style of the first layer; graphics from the classpath. */
  public static Style parse(InputStream in, String nameForErrors) {
    return withResources(StyleResources.classpath()).read(in, nameForErrors);
  }

  /** Shortcut: the default style of the first layer of an SLD given as text. */
  public static Style parse(String xml, String nameForErrors) {
    return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), nameForErrors);
  }

  /**
   * The default style (IsDefault, else first) of the document's first layer. A bare UserStyle root is accepted.
   *
   * @param nameForErrors names the document in warnings, and is the error locator (e.g. "SLD_BODY")
   * @throws ApiException INVALID_PARAMETER when the XML is malformed, not an SLD, or has no UserStyle
   */
  public Style read(InputStream in, String nameForErrors) {
    StyledLayerDescriptor sld = readDocument(in, nameForErrors);
    for (StyledLayer layer : sld.layers()) {
      if (layer.defaultStyle() != null) {
        return layer.defaultStyle();
      }
    }
    throw ApiException.invalidParameter(nameForErrors, "The style document has no UserStyle");
  }

  /**
   * The whole document.
   *
   * @throws ApiException INVALID_PARAMETER when the XML is malformed or its root is not StyledLayerDescriptor or
   *     UserStyle
   */
  public StyledLayerDescriptor readDocument(InputStream in, String nameForErrors) {
    Document doc;
    try {
      doc = SecureXml.parse(in);
    } catch (SAXException e) {
      throw ApiException.invalidParameter(nameForErrors, "The style document is not well-formed XML: "
          + e.getMessage());
    } catch (IOException e) {
      throw ApiException.invalidParameter(nameForErrors, "The style document could not be read");
    }
    ParseContext ctx = new ParseContext(nameForErrors, resources, filterParser);
    Element root = doc.getDocumentElement();
    if (Xml.isStyle(root, "UserStyle")) {
      // warnings are collected while reading; the style is rebuilt with the final list below
      Style s = userStyle(new ElementScope(root, null, ctx));
      List<Style> styles = List.of(withWarnings(s, ctx.warnings()));
      return new StyledLayerDescriptor(null, List.of(new StyledLayer(null, styles, 0)), ctx.warnings());
    }
    if (!Xml.isStyle(root, "StyledLayerDescriptor")) {
      throw ApiException.invalidParameter(nameForErrors,
          "The style document's root element is " + root.getNodeName() + ", not StyledLayerDescriptor");
    }
    ElementScope s = new ElementScope(root, null, ctx);
    String name = s.textOf("Name");
    s.ignore("Title", "Abstract", "Description");
    List<RawLayer> raw = new ArrayList<>();
    for (Element l : s.takeAll("NamedLayer")) {
      raw.add(layer(s.scope(l)));
    }
    for (Element l : s.takeAll("UserLayer")) {
      raw.add(layer(s.scope(l)));
    }
    s.finish();
    List<StyledLayer> layers = new ArrayList<>();
    for (RawLayer r : raw) {
      List<Style> styles = r.styles().stream().map(st -> withWarnings(st, ctx.warnings())).toList();
      layers.add(new StyledLayer(r.name(), styles, r.defaultIndex()));
    }
    return new StyledLayerDescriptor(name, layers, ctx.warnings());
  }

  private record RawLayer(String name, List<Style> styles, int defaultIndex) {
  }

  private static Style withWarnings(Style s, List<String> warnings) {
    return new Style(s.name(), s.title(), s.abstractText(), s.featureTypeStyles(), warnings);
  }

  private RawLayer layer(ElementScope s) {
    String name = s.textOf("Name");
    s.ignore("Description", "Title", "Abstract");
    s.unsupported("LayerFeatureConstraints", "the layer's features come from the request");
    s.unsupported("InlineFeature", "inline features are not supported");
    s.unsupported("RemoteOWS", "remote layers are not supported");
    s.unsupported("NamedStyle", "named styles are resolved by the WMS, not inside an SLD");
    List<Style> styles = new ArrayList<>();
    int defaultIndex = 0;
    for (Element us : s.takeAll("UserStyle")) {
      ElementScope us2 = s.scope(us);
      boolean isDefault = isDefault(us2);
      if (isDefault && defaultIndex == 0 && !styles.isEmpty()) {
        defaultIndex = styles.size();
      }
      styles.add(userStyle(us2));
    }
    s.finish();
    return new RawLayer(name, styles, defaultIndex);
  }

  private static boolean isDefault(ElementScope s) {
    for (Element c : Xml.childElements(s.element())) {
      if (Xml.isStyle(c, "IsDefault")) {
        String t = Xml.text(c);
        return t.equals("1") || t.equalsIgnoreCase("true");
      }
    }
    return false;
  }

  private Style userStyle(ElementScope s) {
    String name = s.textOf("Name");
    String[] ta = titleAbstract(s);
    s.ignore("IsDefault");
    List<FeatureTypeStyle> ftss = new ArrayList<>();
    for (Element f : s.takeAll("FeatureTypeStyle")) {
      ftss.add(featureTypeStyle(s.scope(f)));
    }
    s.unsupported("CoverageStyle", "raster styling is not supported");
    s.finish();
    return new Style(name, ta[0], ta[1], ftss, List.of());
  }

  /** Title and Abstract, directly (SLD 1.0) or inside Description (SE 1.1). */
  private static String[] titleAbstract(ElementScope s) {
    String title = s.textOf("Title");
    String abs = s.textOf("Abstract");
    Element d = s.take("Description");
    if (d != null) {
      ElementScope ds = s.scope(d);
      String t = ds.textOf("Title");
      String a = ds.textOf("Abstract");
      ds.finish();
      title = title != null ? title : t;
      abs = abs != null ? abs : a;
    }
    return new String[] {title, abs};
  }

  private FeatureTypeStyle featureTypeStyle(ElementScope s) {
    String name = s.textOf("Name");
    String[] ta = titleAbstract(s);
    // which feature type a style is for is decided by the WMS layer, not here
    s.ignore("FeatureTypeName", "SemanticTypeIdentifier");
    s.unsupported("Transformation", "rendering transformations are not supported");
    s.unsupported("OnlineResource", "rules from external documents are not supported");
    for (Element v : s.takeAll("VendorOption")) {
      s.ctx().warn(s.path() + ": unsupported VendorOption '" + v.getAttribute("name") + "' ignored");
    }
    List<Rule> rules = new ArrayList<>();
    for (Element r : s.takeAll("Rule")) {
      Rule rule = rule(s.scope(r));
      if (rule != null) {
        rules.add(rule);
      }
    }
    s.finish();
    return new FeatureTypeStyle(name, ta[0], rules);
  }

  private Rule rule(ElementScope s) {
    ParseContext ctx = s.ctx();
    String name = s.textOf("Name");
    String[] ta = titleAbstract(s);
    s.unsupported("LegendGraphic", "legends are drawn from the symbolizers");
    Element filterEl = s.takeAnyNs("Filter");
    Element elseEl = s.take("ElseFilter");
    double min = scale(s, "MinScaleDenominator", 0);
    double max = scale(s, "MaxScaleDenominator", Double.POSITIVE_INFINITY);
    RuleFilter filter = null;
    boolean dropped = false;
    if (filterEl != null) {
      try {
        filter = ctx.filterParser().parse(filterEl);
      } catch (ApiException | IllegalArgumentException | UnsupportedOperationException e) {
        ctx.warn(s.path() + ": rule filter not supported (" + e.getMessage() + "); rule '"
            + (name != null ? name : ta[0]) + "' dropped");
        dropped = true;
      }
    }
    if (filterEl != null && elseEl != null) {
      ctx.warn(s.path() + ": rule has both Filter and ElseFilter; ElseFilter used");
      filter = null;
      dropped = false;
    }
    SymbolizerReader reader = new SymbolizerReader(ctx);
    List<Symbolizer> symbolizers = new ArrayList<>();
    for (String kind : List.of("PolygonSymbolizer", "LineSymbolizer", "PointSymbolizer", "TextSymbolizer")) {
      // taken in document order below; this only marks them as understood
      s.takeAll(kind);
    }
    for (Element c : Xml.childElements(s.element())) {
      String local = Xml.localName(c);
      if (local.endsWith("Symbolizer") && (c.getNamespaceURI() == null
          || Xml.STYLE_NS.contains(c.getNamespaceURI()))) {
        if (local.equals("PolygonSymbolizer") || local.equals("LineSymbolizer") || local.equals("PointSymbolizer")
            || local.equals("TextSymbolizer")) {
          Symbolizer sym = reader.read(s, c);
          if (sym != null) {
            symbolizers.add(sym);
          }
        }
      }
    }
    s.unsupported("RasterSymbolizer", "raster layers are not supported");
    s.finish();
    if (dropped) {
      return null;
    }
    return new Rule(name, ta[0], ta[1], filter, elseEl != null, min, max, symbolizers);
  }

  private static double scale(ElementScope s, String local, double fallback) {
    String t = s.textOf(local);
    if (t == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      s.ctx().warn(s.path() + ": " + local + " '" + t + "' is not a number; ignored");
      return fallback;
    }
  }
}
