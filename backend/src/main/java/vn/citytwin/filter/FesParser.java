package vn.citytwin.filter;

import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.xml.SecureXml;

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
 * {@code EPSG:4326} and CRS:84 are longitude first; a literal without srsName is in the default CRS the caller
 * gives (CRS:84 when none is given). Property paths are reduced to their last step without prefix.
 *
 * <p>Throws only {@link ApiException} (INVALID_PARAMETER, locator {@code filter}); messages name the element path
 * and, for parsed text, the line and column.
 */
public final class FesParser {
  /** Longest XML document accepted, in characters. */
  public static final int MAX_LENGTH = 2_097_152;

  private FesParser() {}

  /**
   * Parses a {@code <fes:Filter>} or {@code <ogc:Filter>} document; XXE-safe (no DOCTYPE, no entities). Geometry
   * literals without srsName are in {@link CrsName#CRS84} (longitude first).
   */
  public static Filter parse(String xml) {
    return parse(xml, CrsName.CRS84);
  }

  /**
   * Parses a {@code <fes:Filter>} or {@code <ogc:Filter>} document, such as a WFS KVP {@code FILTER} value;
   * XXE-safe (no DOCTYPE, no entities).
   *
   * @param defaultCrs the CRS of geometry literals without srsName (in WFS the feature type's default CRS,
   *     {@code urn:ogc:def:crs:EPSG::4326}: latitude first)
   */
  public static Filter parse(String xml, CrsName defaultCrs) {
    Objects.requireNonNull(defaultCrs, "defaultCrs");
    if (xml == null || xml.isBlank()) {
      throw FilterErrors.invalid("Empty filter: expected a <fes:Filter> or <ogc:Filter> document");
    }
    if (xml.length() > MAX_LENGTH) {
      throw FilterErrors.invalid("Filter XML is too long (more than " + MAX_LENGTH + " characters)");
    }
    Document doc = SecureXml.parse(xml, FilterErrors.LOCATOR);
    return parse(doc.getDocumentElement(), defaultCrs);
  }

  /**
   * Parses a {@code Filter} element of a larger document (an SLD rule); geometry literals without srsName are in
   * {@link CrsName#CRS84}. See {@link #parse(Element, CrsName)}.
   */
  public static Filter parse(Element filterElement) {
    return parse(filterElement, CrsName.CRS84);
  }

  /**
   * Parses a {@code Filter} element of a larger document (a WFS {@code Query}, a Transaction {@code Update} or
   * {@code Delete}). The DOM should be namespace-aware; elements without a namespace are accepted by local name.
   * The element is only read, never changed. Elements parsed by {@link SecureXml} give errors with line and
   * column.
   *
   * @param defaultCrs the CRS of geometry literals without srsName (in WFS the feature type's default CRS,
   *     {@code urn:ogc:def:crs:EPSG::4326}: latitude first); a literal's own srsName always wins
   */
  public static Filter parse(Element filterElement, CrsName defaultCrs) {
    Objects.requireNonNull(defaultCrs, "defaultCrs");
    if (filterElement == null) {
      throw FilterErrors.invalid("Empty filter: expected a <fes:Filter> or <ogc:Filter> element");
    }
    try {
      return new FesReader(defaultCrs).filter(filterElement);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw FilterErrors.unexpected(e);
    }
  }
}
