package vn.citytwin.ogc.wfs;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks.Link;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;
import vn.citytwin.filter.CrsName;
import vn.citytwin.filter.Filter;
import vn.citytwin.filter.PropertyRef;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.features.CsvEncoder;
import vn.citytwin.features.FeatureEncoder;
import vn.citytwin.features.FeatureService;
import vn.citytwin.features.GeoJsonEncoder;
import vn.citytwin.features.StreamInfo;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.StreamPlan;
import vn.citytwin.query.LayerQuery;

/**
 * Runs GetFeature and GetPropertyValue: turns each WFS query into a {@link LayerQuery} (the one read path), pages
 * the whole request with COUNT (default: the server maximum) and STARTINDEX, counts in the same snapshot (for
 * numberMatched/numberReturned and the next/previous links of KVP requests), and streams the chosen encoder.
 * GetFeatureById answers with the bare feature, or NotFound.
 */
final class GetFeatureHandler {
  private final FeatureService features;
  private final int maxLimit;

  GetFeatureHandler(FeatureService features, int maxLimit) {
    this.features = features;
    this.maxLimit = maxLimit;
  }

  void handle(RoutingContext ctx, GetFeatureRequest r, String endpointUrl) {
    List<StreamPart> parts = new ArrayList<>();
    for (WfsQuery q : r.queries()) {
      Filter filter = q.filter();
      if (r.valueReference() != null && !r.valueReference().equals(q.layer().geometryColumn())
          && !r.valueReference().equals(q.layer().idColumn())) {
        Filter notNull = new Filter.Not(new Filter.IsNull(new PropertyRef(r.valueReference())));
        filter = filter == null ? notNull : Filter.and(filter, notNull);
      }
      LayerQuery lq = LayerQuery.of(q.layer()).scenario(r.scenario()).bbox(q.bbox()).filter(filter).time(r.time())
          .properties(q.properties()).sortBy(q.sortBy()).build();
      // GeoJSON and CSV are always written longitude/easting first, whatever the CRS name says (RFC 7946 habit).
      CrsName crs = r.format().gml() == null && r.valueReference() == null ? new CrsName(q.crs().srid(), false)
          : q.crs();
      parts.add(StreamPart.of(lq, crs, q.geometry()));
    }
    String describeUrl = describeUrl(endpointUrl, r.queries().stream().map(WfsQuery::layer).distinct().toList(),
        r.format().gml() == null ? r.version().gml() : r.format().gml());
    if (r.byId()) {
      byId(ctx, r, parts.get(0), describeUrl);
      return;
    }
    int count = r.count() == null ? maxLimit : r.count();
    Function<StreamInfo, String[]> links = info -> pagingLinks(ctx, endpointUrl, r, count, info);
    FeatureEncoder encoder;
    if (r.valueReference() != null) {
      if (r.format().gml() == null) {
        throw ApiException.invalidParameter("outputFormat", "GetPropertyValue is answered in GML 3.2 only");
      }
      encoder = new PropertyValueEncoder(r.valueReference(), new GmlFeatureEncoder(GmlVersion.GML32, describeUrl,
          null), links);
    } else {
      encoder = switch (r.format()) {
        case GML32, GML31, GML2 -> {
          GmlFeatureEncoder gml = new GmlFeatureEncoder(r.format().gml(), describeUrl, links);
          yield r.hits() ? gml.hits(r.startIndex(), count) : gml;
        }
        case JSON -> new GeoJsonEncoder("application/json", true, summary -> jsonLinks(links, summary, r));
        case CSV -> {
          if (parts.size() != 1) {
            throw ApiException.invalidParameter("outputFormat", "CSV holds one feature type per request");
          }
          ctx.response().putHeader("Content-Disposition", "inline; filename=\""
              + WfsNames.element(parts.get(0).columns().layer().id()) + ".csv\"");
          yield new CsvEncoder(parts.get(0));
        }
      };
    }
    StreamPlan plan = StreamPlan.counted(parts, r.startIndex(), count, r.hits());
    features.stream(ctx.response(), plan, encoder).onFailure(ctx::fail);
  }

  private void byId(RoutingContext ctx, GetFeatureRequest r, StreamPart part, String describeUrl) {
    features.fetch(part, 1, 0).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new ApiException(ErrorKind.NOT_FOUND, "NotFound", "ID", "No feature with that identifier", null));
        return;
      }
      if (r.format() == WfsOutputFormat.JSON) {
        ctx.response().putHeader("Content-Type", "application/json")
            .end(GeoJsonEncoder.feature(part, found.get(0), true, null));
      } else {
        GmlVersion gml = r.format().gml() == null ? r.version().gml() : r.format().gml();
        ctx.response().putHeader("Content-Type", gml.mimeType())
            .end(new GmlFeatureEncoder(gml, describeUrl, null).standalone(part, found.get(0)));
      }
    }).onFailure(ctx::fail);
  }

  private static List<Link> jsonLinks(Function<StreamInfo, String[]> links, vn.citytwin.features.StreamSummary s,
                                      GetFeatureRequest r) {
    String[] np = links.apply(new StreamInfo(s.numberMatched(), s.numberReturned(), java.time.Instant.now()));
    List<Link> out = new ArrayList<>();
    if (np != null && np[0] != null) {
      out.add(new Link("next", "application/json", "Next page", np[0]));
    }
    if (np != null && np[1] != null) {
      out.add(new Link("previous", "application/json", "Previous page", np[1]));
    }
    return out;
  }

  /** [next, previous] for KVP GET requests (the same query with another STARTINDEX); nulls otherwise. */
  private static String[] pagingLinks(RoutingContext ctx, String endpointUrl, GetFeatureRequest r, int count,
                                      StreamInfo info) {
    String query = ctx.request().query();
    if (r.kvp() == null || query == null || info.numberMatched() == null || r.hits()) {
      return null;
    }
    String next = null;
    String previous = null;
    long returned = info.numberReturned() == null ? 0 : info.numberReturned();
    if (r.startIndex() + returned < info.numberMatched() && count > 0) {
      next = withStart(endpointUrl, query, r.startIndex() + returned);
    }
    if (r.startIndex() > 0) {
      previous = withStart(endpointUrl, query, Math.max(0, r.startIndex() - count));
    }
    return new String[] {next, previous};
  }

  private static String withStart(String endpointUrl, String query, long start) {
    StringBuilder sb = new StringBuilder(endpointUrl).append('?');
    for (String pair : query.split("&")) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!key.equalsIgnoreCase("STARTINDEX") && !pair.isEmpty()) {
        sb.append(pair).append('&');
      }
    }
    return sb.append("STARTINDEX=").append(start).toString();
  }

  static String describeUrl(String endpointUrl, List<Layer> layers, GmlVersion gml) {
    String version = gml == GmlVersion.GML32 ? "2.0.0" : "1.1.0";
    String types = String.join(",", layers.stream().map(WfsNames::typeName).toList());
    String url = endpointUrl + "?service=WFS&version=" + version + "&request=DescribeFeatureType&"
        + (gml == GmlVersion.GML32 ? "typeNames=" : "typeName=") + URLEncoder.encode(types, StandardCharsets.UTF_8);
    if (gml == GmlVersion.GML2) {
      url += "&outputFormat=" + URLEncoder.encode(gml.mimeType(), StandardCharsets.UTF_8);
    }
    return url;
  }
}
