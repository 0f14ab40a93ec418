package vn.citytwin.ogc.wms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerStats;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.config.CityTwinConfig;
import vn.citytwin.core.db.Database;
import vn.citytwin.features.LayerExtents;
import vn.citytwin.features.TimeExtent;
import vn.citytwin.query.BBox;
import vn.citytwin.render.legend.LegendOptions;
import vn.citytwin.render.legend.LegendRenderer;

/**
 * Builds capabilities documents from the catalog, the layers' extents (PostGIS) and the style library, and keeps
 * each (version, language) document until a layer's data version changes. The update sequence is the sum of the
 * public layers' data versions, so it only grows.
 */
public final class CapabilitiesService {
  private final Database db;
  private final Catalog catalog;
  private final LayerStatsService stats;
  private final StyleLibrary styles;
  private final LegendRenderer legends;
  private final CityTwinConfig config;
  private final String endpoint;
  private static final List<Integer> SRIDS = WmsCrs.SUPPORTED.stream().map(WmsCrs::srid).toList();
  private final LayerExtents extents = new LayerExtents();
  private final Cache<String, String> documents = Caffeine.newBuilder().maximumSize(32).build();
  private final Map<String, int[]> legendSizes = new ConcurrentHashMap<>();

  /** @param endpoint the public URL of the WMS endpoint, e.g. {@code https://host/wms} */
  public CapabilitiesService(Database db, Catalog catalog, LayerStatsService stats,
      StyleLibrary styles, LegendRenderer legends, CityTwinConfig config, String endpoint) {
    this.db = db;
    this.catalog = catalog;
    this.stats = stats;
    this.styles = styles;
    this.legends = legends;
    this.config = config;
    this.endpoint = endpoint;
  }

  /** The current update sequence: the sum of the public layers' data versions. */
  public long updateSequence(WmsLayers layers) {
    return layers.all().stream().mapToLong(l -> catalog.versions().of(l.id())).sum();
  }

  /** The document (XML text) for a version and language ("vi" or "en"). */
  public Future<String> capabilities(WmsVersion version, String language, WmsLayers layers) {
    List<Layer> all = layers.all();
    long sequence = updateSequence(layers);
    String key = version.text() + '|' + language + '|' + sequence + '|' + layers.view().cacheKey() + '|'
        + String.join(",", all.stream().map(Layer::id).toList());
    String cached = documents.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    List<Future<LayerStats>> futures = all.stream().map(stats::stats).toList();
    return Future.all(futures).compose(done -> db.withConnection(c -> {
      List<LayerInfo> infos = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Layer l = all.get(i);
        LayerStats s = futures.get(i).result();
        String k = LayerExtents.key(l, s.dataVersion());
        Map<WmsCrs, BBox> boxes = s.bbox() == null ? Map.of() : byCrs(extents.boxes(c, k, s.bbox(), SRIDS));
        TimeExtent time = l.isTimeEnabled() ? extents.time(c, k, l) : null;
        List<LayerInfo.StyleEntry> entries = styles.stylesFor(l).stream()
            .map(ns -> {
              int[] size = legendSize(ns);
              return new LayerInfo.StyleEntry(ns, size[0], size[1]);
            }).toList();
        infos.add(new LayerInfo(l, s.bbox(), boxes, time, entries));
      }
      String doc = CapabilitiesWriter.write(new CapabilitiesWriter.Input(version, language, config.service(),
          config.wms(), endpoint, sequence, layers.groups(), infos));
      documents.put(key, doc);
      return doc;
    }));
  }

  /** Width and height of the style's default legend (what GetLegendGraphic returns without options). */
  private int[] legendSize(NamedStyle ns) {
    return legendSizes.computeIfAbsent(ns.name(), n -> {
      BufferedImage img = legends.legend(ns.style(), LegendOptions.defaults());
      return new int[] {img.getWidth(), img.getHeight()};
    });
  }

  /** The boxes by advertised CRS, in {@link WmsCrs#SUPPORTED} order (CRS:84 and EPSG:4326 share one box). */
  private static Map<WmsCrs, BBox> byCrs(Map<Integer, BBox> bySrid) {
    Map<WmsCrs, BBox> out = new java.util.LinkedHashMap<>();
    for (WmsCrs crs : WmsCrs.SUPPORTED) {
      BBox box = bySrid.get(crs.srid());
      if (box != null) {
        out.put(crs, box);
      }
    }
    return out;
  }
}
