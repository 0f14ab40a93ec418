package vn.citytwin.filter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.citytwin.core.error.ApiException;

/**
 * Parses OGC Filter Encoding: FES 2.0 ({@code http://www.opengis.net/fes/2.0}, WFS 2.0) and Filter Encoding 1.0/1.1
 * ({@code http://www.opengis.net/ogc}, WFS 1.x, WMS FILTER, SLD rules) into the {@link Filter} AST.
 *
 * <p>Supported: PropertyIsEqualTo/NotEqualTo/LessThan/LessThanOrEqualTo/GreaterThan/GreaterThanOrEqualTo
 * (matchCase), PropertyIsLike (wildCard, singleChar, escapeChar/escape; defaults {@code % _ \}), PropertyIsNull,
 * PropertyIsNil, PropertyIsBetween, And/Or/Not, ResourceId/FeatureId/GmlObjectId, BBOX, Intersects, Within,
 * Contains, Disjoint, Equals, Touches, Crosses, Overlaps, DWithin/Beyond (Distance with uom or units), and
 * After/Before/During/TEquals/AnyInteracts on gml:TimeInstant/TimePeriod. Geometry literals are GML 2/3.1/3.2
 * (see {@link GmlReader}): with {@code urn:ogc:def:crs:EPSG::4326}-style names latitude comes first and is swapped;
 * {@code EPSG:4326} and CRS:84 are longitude first. Property paths are reduced to their last step without prefix.
 *
 * <p>Throws only {@link ApiException} (INVALID_PARAMETER, locator {@code filter}); messages name the element path
 * and, for parsed text, the line and column.
 */
public final class FesParser {
  /** Longest XML document accepted, in characters. */
  public static final int MAX_LENGTH = 2_097_152;

  private FesParser() {}

  /** Parses a {@code <fes:Filter>} or {@code <ogc:Filter>} document; XXE-safe (no DOCTYPE, no entities). */
  public static Filter parse(String xml) {
    if (xml == null || xml.isBlank()) {
      throw FilterErrors.invalid("Empty filter: expected a <fes:Filter> or <ogc:Filter> document");
    }
    if (xml.length() > MAX_LENGTH) {
      throw FilterErrors.invalid("Filter XML is too long (more than " + MAX_LENGTH + " characters)");
    }
    Document doc = SecureXml.parse(xml, FilterErrors.LOCATOR);
    return parse(doc.getDocumentElement());
  }

  /**
   * Parses a {@code Filter} element of a larger document (a WFS query, an SLD rule). The DOM should be
   * namespace-aware; elements without a namespace are accepted by local name.
   */
  public static Filter parse(Element filterElement) {
    if (filterElement == null) {
      throw FilterErrors.invalid("Empty filter: expected a <fes:Filter> or <ogc:Filter> element");
    }
    try {
      return new FesReader().filter(filterElement);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw FilterErrors.unexpected(e);
    }
  }
}
