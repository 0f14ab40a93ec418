package vn.citytwin.features;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.LayerLinks.Link;
import vn.citytwin.features.CoordinateFormat;
import vn.citytwin.features.GeoJsonGeometryWriter;
import vn.citytwin.scenario.ScenarioSource;

/**
 * A GeoJSON FeatureCollection, streamed: {@code type}, {@code features}, then the OGC API members
 * {@code numberReturned}, {@code numberMatched} (when counted), {@code timeStamp} and {@code links} at the end,
 * where the page's size and the existence of a next page are known.
 *
 * <p>Each feature has the id column as {@code id} (a number, or with {@code prefixedIds} the string
 * {@code layer.id}, unique across the layers of a WFS response), the attributes as {@code properties}
 * ({@code scenario_status} added in a scenario) and the geometry in the stream's output CRS, in the axis order
 * of {@code northFirst}.
 */
public final class GeoJsonEncoder implements FeatureEncoder {
  public static final String MEDIA_TYPE = "application/geo+json";

  private final String contentType;
  private final boolean prefixedIds;
  private final Function<StreamSummary, List<Link>> links;
  private GeoJsonGeometryWriter geometryWriter;
  private int writerSrid = -1;
  private boolean first = true;
  private java.time.Instant timeStamp;

  /**
   * @param links the collection's links, computed when the stream ends; null for none
   */
  public GeoJsonEncoder(String contentType, boolean prefixedIds, Function<StreamSummary, List<Link>> links) {
    this.contentType = contentType;
    this.prefixedIds = prefixedIds;
    this.links = links;
  }

  @Override
  public String contentType() {
    return contentType;
  }

  @Override
  public void start(StringBuilder out, StreamInfo info) {
    timeStamp = info.timeStamp();
    out.append("{\"type\":\"FeatureCollection\",\"features\":[");
  }

  @Override
  public void feature(StringBuilder out, StreamPart part, FeatureRecord f) {
    if (!first) {
      out.append(',');
    }
    first = false;
    writeFeature(out, part, f, geometryWriter(part), prefixedIds);
  }

  /** One Feature object (also used for single-feature responses). */
  static void writeFeature(StringBuilder out, StreamPart part, FeatureRecord f, GeoJsonGeometryWriter geometry,
                           boolean prefixedIds) {
    out.append("{\"type\":\"Feature\"");
    if (f.id() != null) {
      out.append(",\"id\":");
      if (prefixedIds) {
        JsonText.string(out, part.columns().layer().id() + "." + f.id());
      } else {
        JsonText.value(out, f.id());
      }
    }
    out.append(",\"geometry\":");
    geometry.write(out, f.geometry());
    out.append(",\"properties\":{");
    List<Field> fields = part.columns().attributes();
    Object[] values = f.values();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      JsonText.string(out, fields.get(i).name());
      out.append(':');
      JsonText.value(out, values[i]);
    }
    if (!part.query().scenario().isBase()) {
      if (values.length > 0) {
        out.append(',');
      }
      out.append('"').append(ScenarioSource.STATUS_COLUMN).append("\":");
      JsonText.string(out, f.scenarioStatus());
    }
    out.append("}}");
  }

  /** A single Feature document (one-feature responses), with {@code links} as a foreign member when not empty. */
  public static String feature(StreamPart part, FeatureRecord f, boolean prefixedIds, List<Link> links) {
    StringBuilder out = new StringBuilder(1024);
    writeFeature(out, part, f, writerFor(part), prefixedIds);
    if (links != null && !links.isEmpty()) {
      out.setLength(out.length() - 1);
      out.append(",\"links\":[");
      for (int i = 0; i < links.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeLink(out, links.get(i));
      }
      out.append("]}");
    }
    return out.append('\n').toString();
  }

  static GeoJsonGeometryWriter writerFor(StreamPart part) {
    return new GeoJsonGeometryWriter(part.crs().northFirst(), CoordinateFormat.forSrid(part.crs().srid()));
  }

  private GeoJsonGeometryWriter geometryWriter(StreamPart part) {
    if (geometryWriter == null || writerSrid != part.crs().srid()) {
      geometryWriter = writerFor(part);
      writerSrid = part.crs().srid();
    }
    return geometryWriter;
  }

  @Override
  public void end(StringBuilder out, StreamSummary summary) {
    out.append("],\"numberReturned\":").append(summary.numberReturned());
    if (summary.numberMatched() != null) {
      out.append(",\"numberMatched\":").append(summary.numberMatched());
    }
    out.append(",\"timeStamp\":");
    JsonText.string(out, DateTimeFormatter.ISO_INSTANT.format(timeStamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    if (links != null) {
      out.append(",\"links\":[");
      boolean firstLink = true;
      for (Link l : links.apply(summary)) {
        if (!firstLink) {
          out.append(',');
        }
        firstLink = false;
        writeLink(out, l);
      }
      out.append(']');
    }
    out.append("}\n");
  }

  static void writeLink(StringBuilder out, Link l) {
    out.append("{\"href\":");
    JsonText.string(out, l.href());
    out.append(",\"rel\":");
    JsonText.string(out, l.rel());
    if (l.type() != null) {
      out.append(",\"type\":");
      JsonText.string(out, l.type());
    }
    if (l.title() != null) {
      out.append(",\"title\":");
      JsonText.string(out, l.title());
    }
    out.append('}');
  }
}
