package vn.citytwin.ogc.wms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.render.sld.SldParser;
import vn.citytwin.render.sld.StyleResources;
import vn.citytwin.render.style.FeatureTypeStyle;
import vn.citytwin.render.style.Rule;
import vn.citytwin.render.style.RuleFilter;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.StyledLayer;
import vn.citytwin.render.style.StyledLayerDescriptor;

/**
 * The named styles of the WMS: every {@code *.sld} in the classpath folder {@code styles/} (the repository's
 * top-level {@code styles/}, packaged in the jar), read once at start-up. A style's WMS name is its file name
 * without {@code .sld}; the style is the document's first layer's default UserStyle. A style "belongs" to the
 * layers its NamedLayer names, which is how capabilities list a layer's styles; STYLES may still name any style
 * of the library for any layer (as in GeoServer).
 *
 * <p>Warnings (unsupported SLD elements) are logged when a style is loaded. A layer without a style of its own
 * gets a plain built-in one for its geometry kind. Immutable after construction; thread-safe.
 */
public final class StyleLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(StyleLibrary.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
  private static final String FOLDER = "styles";

  private final Map<String, Entry> entries;
  private final SldParser parser;

  private record Entry(NamedStyle style, Set<String> layerNames) {}

  private StyleLibrary(Map<String, Entry> entries, SldParser parser) {
    this.entries = Collections.unmodifiableMap(entries);
    this.parser = parser;
  }

  /** Loads every style found under {@code styles/} on the class path of this class. */
  public static StyleLibrary fromClasspath() {
    ClassLoader loader = StyleLibrary.class.getClassLoader();
    SldParser parser = SldParser.withResources(StyleResources.classpath());
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String name : listNames(loader)) {
      try (InputStream in = loader.getResourceAsStream(FOLDER + "/" + name + ".sld")) {
        if (in == null) {
          continue;
        }
        StyledLayerDescriptor sld = parser.readDocument(in, name + ".sld");
        Entry e = entry(name, sld);
        if (e == null) {
          LOG.warn("style {}.sld has no UserStyle; ignored", name);
          continue;
        }
        sld.warnings().forEach(w -> LOG.warn("style {}: {}", name, w));
        entries.put(name, e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read style " + name, e);
      } catch (ApiException e) {
        LOG.warn("style {}.sld cannot be read: {}", name, e.getMessage());
      }
    }
    LOG.info("WMS styles: {}", entries.keySet());
    return new StyleLibrary(entries, parser);
  }

  private static Entry entry(String name, StyledLayerDescriptor sld) {
    Style style = null;
    Set<String> layers = new TreeSet<>();
    for (StyledLayer l : sld.layers()) {
      if (l.name() != null) {
        layers.add(l.name());
      }
      if (style == null && l.defaultStyle() != null) {
        style = l.defaultStyle();
      }
    }
    return style == null ? null : new Entry(new NamedStyle(name, style), layers);
  }

  /** The parser used for the library, for SLD_BODY documents too (same graphics resolution). */
  public SldParser parser() {
    return parser;
  }

  /** All style names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(entries.keySet());
  }

  public Optional<NamedStyle> find(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Entry e = entries.get(name);
    return e == null ? Optional.empty() : Optional.of(e.style());
  }

  /**
   * The style a STYLES entry names for a layer; empty or {@code default} gives the layer's default style.
   *
   * @throws ApiException StyleNotDefined (locator {@code locator}) for an unknown name
   */
  public NamedStyle require(Layer layer, String name, String locator) {
    if (name == null || name.isBlank() || name.equalsIgnoreCase("default")) {
      return defaultFor(layer);
    }
    return find(name.trim()).orElseThrow(() -> WmsErrors.styleNotDefined(locator, "Style '"
        + ErrorText.abbreviate(name) + "' is not defined"));
  }

  /** The layer's default style (catalog default_style, else the style named like the layer, else built-in). */
  public NamedStyle defaultFor(Layer layer) {
    return Optional.ofNullable(layer.meta().defaultStyle()).flatMap(this::find)
        .or(() -> find(layer.id()))
        .orElseGet(() -> BuiltInStyles.forKind(layer.geometryKind()));
  }

  /** The styles capabilities list for a layer: its default first, then every other style naming the layer. */
  public List<NamedStyle> stylesFor(Layer layer) {
    List<NamedStyle> out = new ArrayList<>();
    NamedStyle def = defaultFor(layer);
    out.add(def);
    entries.forEach((name, e) -> {
      if (!name.equals(def.name()) && e.layerNames().contains(layer.id())) {
        out.add(e.style());
      }
    });
    return out;
  }

  /** Style file names (without .sld) in every {@code styles/} folder on the class path. */
  static Set<String> listNames(ClassLoader loader) {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = loader.getResources(FOLDER);
      while (roots.hasMoreElements()) {
        addNames(roots.nextElement(), names);
      }
      // A jar without directory entries has no "styles" resource: scan the jar this class came from.
      URL own = StyleLibrary.class.getProtectionDomain().getCodeSource() == null ? null
          : StyleLibrary.class.getProtectionDomain().getCodeSource().getLocation();
      if (own != null && own.getPath().endsWith(".jar")) {
        try (JarFile jar = new JarFile(Path.of(own.toURI()).toFile())) {
          addJarNames(jar, names);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list styles on the class path", e);
    }
    names.removeIf(n -> !NAME.matcher(n).matches());
    return names;
  }

  private static void addNames(URL root, Set<String> names) throws IOException, URISyntaxException {
    if (root.getProtocol().equals("file")) {
      try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
        files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sld"))
            .forEach(f -> names.add(f.substring(0, f.length() - 4)));
      }
    } else if (root.getProtocol().equals("jar")) {
      JarURLConnection conn = (JarURLConnection) root.openConnection();
      conn.setUseCaches(false);
      try (JarFile jar = conn.getJarFile()) {
        addJarNames(jar, names);
      }
    }
  }

  private static void addJarNames(JarFile jar, Set<String> names) {
    Enumeration<JarEntry> all = jar.entries();
    while (all.hasMoreElements()) {
      String n = all.nextElement().getName();
      if (n.startsWith(FOLDER + "/") && n.endsWith(".sld") && n.indexOf('/', FOLDER.length() + 1) < 0) {
        names.add(n.substring(FOLDER.length() + 1, n.length() - 4));
      }
    }
  }

  /** Plain styles for layers without an SLD: grey polygons, dark lines, small circles. */
  static final class BuiltInStyles {
    private static final NamedStyle POLYGON = builtIn("default_polygon", """
        <PolygonSymbolizer><Fill><CssParameter name="fill">#d9d0c9</CssParameter></Fill>
        <Stroke><CssParameter name="stroke">#8c7f73</CssParameter><CssParameter name="stroke-width">0.8</CssParameter>
        </Stroke></PolygonSymbolizer>""");
    private static final NamedStyle LINE = builtIn("default_line", """
        <LineSymbolizer><Stroke><CssParameter name="stroke">#555555</CssParameter>
        <CssParameter name="stroke-width">1.2</CssParameter></Stroke></LineSymbolizer>""");
    private static final NamedStyle POINT = builtIn("default_point", """
        <PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName>
        <Fill><CssParameter name="fill">#d7301f</CssParameter></Fill>
        <Stroke><CssParameter name="stroke">#ffffff</CssParameter></Stroke></Mark><Size>7</Size></Graphic>
        </PointSymbolizer>""");

    /**
     * For a column of any geometry type (a GeoJSON load, an untyped column): each feature drawn with the plain
     * style of its own dimension — a polygon symbolizer alone would leave points invisible.
     */
    private static final NamedStyle GENERIC = generic();

    private BuiltInStyles() {}

    static NamedStyle forKind(GeometryKind kind) {
      if (kind == GeometryKind.GEOMETRY || kind == GeometryKind.GEOMETRYCOLLECTION) {
        return GENERIC;
      }
      if (kind.isPoint()) {
        return POINT;
      }
      return kind.isLine() ? LINE : POLYGON;
    }

    private static NamedStyle generic() {
      List<Rule> rules = new ArrayList<>();
      NamedStyle[] byDimension = {POINT, LINE, POLYGON};
      for (int d = 0; d < byDimension.length; d++) {
        Rule plain = byDimension[d].style().featureTypeStyles().get(0).rules().get(0);
        rules.add(new Rule(byDimension[d].name(), plain.title(), null, new DimensionFilter(d), false,
            plain.minScaleDenominator(), plain.maxScaleDenominator(), plain.symbolizers()));
      }
      return new NamedStyle("default_generic", new Style("default_generic", "default_generic", null,
          List.of(new FeatureTypeStyle(null, null, rules)), List.of()));
    }

    /** Passes features whose geometry has the given dimension (0 points, 1 lines, 2 polygons). */
    private record DimensionFilter(int dimension) implements RuleFilter {
      @Override
      public boolean test(Function<String, Object> properties, Geometry geometry) {
        return geometry != null && geometry.getDimension() == dimension;
      }

      @Override
      public Set<String> referencedProperties() {
        return Set.of();
      }

      @Override
      public String describe() {
        return switch (dimension) {
          case 0 -> "points";
          case 1 -> "lines";
          default -> "polygons";
        };
      }
    }

    private static NamedStyle builtIn(String name, String symbolizer) {
      String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
          + "<NamedLayer><Name>" + name + "</Name><UserStyle><Name>" + name + "</Name><Title>" + name
          + "</Title><FeatureTypeStyle><Rule>" + symbolizer + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer>"
          + "</StyledLayerDescriptor>";
      return new NamedStyle(name, SldParser.parse(sld, name));
    }
  }
}
