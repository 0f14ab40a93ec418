package vn.citytwin.ogc.wms;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.citytwin.catalog.Layer;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.filter.Filter;
import vn.citytwin.query.BBox;
import vn.citytwin.query.TimeSelection;
import vn.citytwin.render.style.Style;
import vn.citytwin.render.style.StyledLayer;
import vn.citytwin.render.style.StyledLayerDescriptor;
import vn.citytwin.scenario.ScenarioRef;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Parses and validates the map parameters shared by GetMap and GetFeatureInfo (WMS 1.3.0 §7.3.2, 1.1.1 §7.2.3):
 * VERSION, LAYERS, STYLES, CRS/SRS, BBOX, WIDTH, HEIGHT, FORMAT, TRANSPARENT, BGCOLOR, plus TIME, the vendor
 * parameters {@code scenario}, {@code CQL_FILTER}, {@code FILTER} and the SLD parameter {@code SLD_BODY}. Every
 * error names the parameter and carries the WMS exception code. Runs on the event loop: no I/O.
 */
public final class MapRequestParser {
  private final StyleLibrary styles;
  private final ScenarioRegistry scenarios;
  private final CityTwinConfig.Wms limits;

  public MapRequestParser(StyleLibrary styles, ScenarioRegistry scenarios, CityTwinConfig.Wms limits) {
    this.styles = styles;
    this.scenarios = scenarios;
    this.limits = limits;
  }

  /** A whole GetMap request. */
  public GetMapRequest getMap(KvpParams p, WmsLayers layers) {
    WmsVersion version = WmsVersion.ofRequest(p.get("VERSION").or(() -> p.get("WMTVER")).orElse(null));
    List<MapLayer> drawn = layers(p, layers);
    MapView view = view(p, version);
    String formatText = p.require("FORMAT");
    ImageFormat format = ImageFormat.lookup(formatText).orElseThrow(() -> WmsErrors.invalidFormat("FORMAT",
        "Map format '" + ErrorText.abbreviate(formatText) + "' is not supported; use one of "
            + String.join(", ", ImageFormat.advertised())));
    boolean transparent = transparent(p);
    Color background = background(p);
    ScenarioRef scenario = scenarios.resolve(p.get("scenario").orElse(null), layers.view());
    TimeSelection time = time(p);
    String key = cacheKey(p, version, format) + "|access=" + layers.view().cacheKey();
    return new GetMapRequest(version, view, drawn, format, transparent, background, scenario, time, key);
  }

  /** CRS (1.3.0) or SRS (1.1.1; either name is accepted in both), BBOX, WIDTH and HEIGHT. */
  public MapView view(KvpParams p, WmsVersion version) {
    String crsParam = version == WmsVersion.V1_3_0 ? "CRS" : "SRS";
    String crsText = p.get(crsParam).or(() -> p.get(version == WmsVersion.V1_3_0 ? "SRS" : "CRS"))
        .orElseThrow(() -> ApiException.missingParameter(crsParam));
    WmsCrs crs = WmsCrs.require(crsText, version, crsParam);
    BBox bbox = bbox(p.require("BBOX"), crs, version);
    int width = size(p, "WIDTH", limits.maxWidth(), "wms.max.width");
    int height = size(p, "HEIGHT", limits.maxHeight(), "wms.max.height");
    return new MapView(crs, bbox, width, height);
  }

  /**
   * BBOX as written in the request, to x=east/y=north: swapped for EPSG:4326 and EPSG:4756 in 1.3.0.
   *
   * @throws ApiException InvalidParameterValue (locator BBOX) unless four finite numbers with min &lt; max
   */
  static BBox bbox(String text, WmsCrs crs, WmsVersion version) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw ApiException.invalidParameter("BBOX", "BBOX must be minx,miny,maxx,maxy (four numbers)");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter("BBOX", "BBOX value '" + ErrorText.abbreviate(parts[i].trim())
            + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw ApiException.invalidParameter("BBOX", "BBOX values must be finite");
      }
    }
    if (!(v[0] < v[2] && v[1] < v[3])) {
      throw ApiException.invalidParameter("BBOX", "BBOX minimum must be less than its maximum on both axes");
    }
    if (crs.swapsAxes(version)) {
      return new BBox(v[1], v[0], v[3], v[2], crs.srid());
    }
    return new BBox(v[0], v[1], v[2], v[3], crs.srid());
  }

  private static int size(KvpParams p, String name, int max, String setting) {
    String t = p.require(name);
    int n;
    try {
      n = Integer.parseInt(t.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name, name + " must be a positive integer, got '"
          + ErrorText.abbreviate(t) + "'");
    }
    if (n < 1) {
      throw ApiException.invalidParameter(name, name + " must be at least 1, got " + n);
    }
    if (n > max) {
      throw ApiException.invalidParameter(name, name + " " + n + " exceeds this server's maximum of " + max
          + " pixels (" + setting + ")");
    }
    return n;
  }

  /**
   * LAYERS with STYLES, SLD_BODY and the vendor filters, groups expanded. With SLD_BODY and no LAYERS, the
   * document's NamedLayers are the layers.
   */
  public List<MapLayer> layers(KvpParams p, WmsLayers layers) {
    Map<String, Style> sldStyles = sldBody(p);
    List<String> entries;
    if (p.has("LAYERS")) {
      entries = split(p.require("LAYERS"));
    } else if (!sldStyles.isEmpty()) {
      entries = new ArrayList<>(sldStyles.keySet());
    } else {
      throw ApiException.missingParameter("LAYERS");
    }
    if (entries.isEmpty() || entries.stream().anyMatch(String::isBlank)) {
      throw WmsErrors.layerNotDefined("LAYERS", p.get("LAYERS").orElse(""));
    }
    List<String> styleNames = p.get("STYLES").map(MapRequestParser::split).orElse(List.of());
    if (!styleNames.isEmpty() && styleNames.size() != entries.size()
        && !(styleNames.stream().allMatch(String::isBlank))) {
      throw ApiException.invalidParameter("STYLES", "STYLES has " + styleNames.size() + " entries for "
          + entries.size() + " layers: give one per layer (empty for the default) or none");
    }
    List<Filter> filters = VendorFilters.parse(p, entries.size());
    List<MapLayer> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).trim();
      WmsLayers.Named named = layers.resolve(entry, "LAYERS");
      String styleName = i < styleNames.size() ? styleNames.get(i).trim() : "";
      Style fromSld = sldStyles.get(entry);
      if (named.isGroup() && fromSld == null && !styleName.isEmpty() && !styleName.equals(entry)
          && !styleName.equalsIgnoreCase("default")) {
        throw WmsErrors.styleNotDefined("STYLES", "Layer group '" + entry + "' has only its default style");
      }
      for (Layer l : named.layers()) {
        NamedStyle style;
        if (fromSld != null) {
          style = new NamedStyle(fromSld.name() != null ? fromSld.name() : "SLD_BODY", fromSld);
        } else if (sldStyles.containsKey(l.id())) {
          Style s = sldStyles.get(l.id());
          style = new NamedStyle(s.name() != null ? s.name() : "SLD_BODY", s);
        } else {
          style = styles.require(l, named.isGroup() ? "" : styleName, "STYLES");
        }
        out.add(new MapLayer(entry, l, style, filters.get(i)));
      }
    }
    return out;
  }

  /** The styles of SLD_BODY by NamedLayer name (document order); empty without SLD_BODY. */
  private Map<String, Style> sldBody(KvpParams p) {
    if (p.has("SLD")) {
      throw ApiException.invalidParameter("SLD", "Styles by reference (SLD=url) are not fetched by this server; "
          + "send the document in SLD_BODY or name a style in STYLES");
    }
    String body = p.get("SLD_BODY").orElse(null);
    if (body == null) {
      return Map.of();
    }
    StyledLayerDescriptor sld = styles.parser().readDocument(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "SLD_BODY");
    Map<String, Style> out = new LinkedHashMap<>();
    for (StyledLayer l : sld.layers()) {
      if (l.name() == null || l.defaultStyle() == null) {
        throw ApiException.invalidParameter("SLD_BODY",
            "Every layer of SLD_BODY needs a Name (the WMS layer) and a UserStyle");
      }
      out.putIfAbsent(l.name(), l.defaultStyle());
    }
    if (out.isEmpty()) {
      throw ApiException.invalidParameter("SLD_BODY", "SLD_BODY names no layer");
    }
    return out;
  }

  static boolean transparent(KvpParams p) {
    String t = p.get("TRANSPARENT").orElse("FALSE").toUpperCase(Locale.ROOT);
    return switch (t) {
      case "TRUE", "1", "YES" -> true;
      case "FALSE", "0", "NO" -> false;
      default -> throw ApiException.invalidParameter("TRANSPARENT", "TRANSPARENT must be TRUE or FALSE");
    };
  }

  /** BGCOLOR {@code 0xRRGGBB} (also {@code #RRGGBB} or {@code RRGGBB}); white by default. */
  static Color background(KvpParams p) {
    String t = p.get("BGCOLOR").orElse(null);
    if (t == null) {
      return Color.WHITE;
    }
    String hex = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t.startsWith("#") ? t.substring(1) : t;
    if (!hex.matches("[0-9A-Fa-f]{6}")) {
      throw ApiException.invalidParameter("BGCOLOR", "BGCOLOR must be 0xRRGGBB, got '"
          + ErrorText.abbreviate(t) + "'");
    }
    return new Color(Integer.parseInt(hex, 16));
  }

  /**
   * TIME (WMS 1.3.0 Annex C/D, 1.1.1 Annex C), shared by GetMap and GetFeatureInfo: a list of values and
   * intervals, partial dates and {@code current}; see {@link TimeSelection#parse}. Absent means every time (no
   * default value is imposed). Errors are InvalidDimensionValue with locator TIME.
   */
  static TimeSelection time(KvpParams p) {
    String t = p.get("TIME").orElse(null);
    if (t == null) {
      return null;
    }
    try {
      return TimeSelection.parse(t, "TIME");
    } catch (ApiException e) {
      throw e.withCode(WmsErrors.INVALID_DIMENSION_VALUE);
    }
  }

  /** Comma-separated list; empty entries kept (STYLES=,,x). */
  static List<String> split(String v) {
    return List.of(v.split(",", -1));
  }

  private static String cacheKey(KvpParams p, WmsVersion v, ImageFormat format) {
    StringBuilder sb = new StringBuilder(v.text()).append('|').append(format.name());
    for (String k : List.of("LAYERS", "STYLES", "CRS", "SRS", "BBOX", "WIDTH", "HEIGHT", "TRANSPARENT", "BGCOLOR",
        "TIME", "CQL_FILTER", "FILTER", "SLD_BODY")) {
      sb.append('|').append(p.get(k).orElse(""));
    }
    return sb.toString();
  }
}
