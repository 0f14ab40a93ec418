package vn.citytwin.ogc.wms;

import java.util.ArrayList;
import java.util.List;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorText;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * Parses GetFeatureInfo (WMS 1.3.0 §7.4, 1.1.1 §7.3): the map parameters of the GetMap it refers to (FORMAT
 * optional), QUERY_LAYERS (a subset of LAYERS; a group queries its members), INFO_FORMAT (text/plain by
 * default), I/J (1.3.0) or X/Y (1.1.1; either pair is accepted in both), FEATURE_COUNT (default 1) and the
 * vendor BUFFER (search radius in pixels).
 */
public final class FeatureInfoParser {
  /** The most features one layer may return, whatever FEATURE_COUNT says. */
  static final int MAX_FEATURE_COUNT = 1000;

  private final MapRequestParser maps;
  private final ScenarioRegistry scenarios;

  public FeatureInfoParser(MapRequestParser maps, ScenarioRegistry scenarios) {
    this.maps = maps;
    this.scenarios = scenarios;
  }

  public FeatureInfoRequest parse(KvpParams p, WmsLayers layers) {
    WmsVersion version = WmsVersion.ofRequest(p.get("VERSION").or(() -> p.get("WMTVER")).orElse(null));
    List<MapLayer> drawn = maps.layers(p, layers);
    MapView view = maps.view(p, version);
    List<MapLayer> queried = new ArrayList<>();
    for (String entry : MapRequestParser.split(p.require("QUERY_LAYERS"))) {
      String name = entry.trim();
      WmsLayers.Named named = layers.resolve(name, "QUERY_LAYERS");
      int before = queried.size();
      for (MapLayer ml : drawn) {
        boolean sameEntry = ml.entry().equals(name);
        boolean member = named.layers().contains(ml.layer());
        if ((sameEntry || member) && !queried.contains(ml)) {
          queried.add(ml);
        }
      }
      if (queried.size() == before) {
        throw WmsErrors.layerNotDefined("QUERY_LAYERS", name);
      }
    }
    String iName = version == WmsVersion.V1_3_0 ? "I" : "X";
    String jName = version == WmsVersion.V1_3_0 ? "J" : "Y";
    int i = pixel(p, iName, version == WmsVersion.V1_3_0 ? "X" : "I", view.width());
    int j = pixel(p, jName, version == WmsVersion.V1_3_0 ? "Y" : "J", view.height());
    InfoFormat format = p.get("INFO_FORMAT").map(f -> InfoFormat.lookup(f).orElseThrow(() ->
        WmsErrors.invalidFormat("INFO_FORMAT", "INFO_FORMAT '" + ErrorText.abbreviate(f)
            + "' is not supported; use one of " + String.join(", ", InfoFormat.advertised()))))
        .orElse(InfoFormat.TEXT);
    int count = p.integer("FEATURE_COUNT", 1, MAX_FEATURE_COUNT).orElse(1);
    Integer buffer = p.integer("BUFFER", 0, 100).orElse(null);
    return new FeatureInfoRequest(version, view, queried, i, j, format, count, buffer,
        scenarios.resolve(p.get("scenario").orElse(null), layers.view()), MapRequestParser.time(p));
  }

  /** A pixel index in [0, size): MissingParameterValue when absent, InvalidPoint when not in the image. */
  private static int pixel(KvpParams p, String name, String alias, int size) {
    String t = p.get(name).or(() -> p.get(alias)).orElseThrow(() -> ApiException.missingParameter(name));
    int v;
    try {
      v = (int) Math.floor(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw WmsErrors.invalidPoint(name, name + " must be a pixel index, got '" + ErrorText.abbreviate(t) + "'");
    }
    if (v < 0 || v >= size) {
      throw WmsErrors.invalidPoint(name, name + " = " + v + " is outside the image (0 to " + (size - 1) + ")");
    }
    return v;
  }
}
