package vn.citytwin.render.sld;

import org.w3c.dom.Element;
import vn.citytwin.render.style.RuleFilter;

/**
 * Compiles a rule's {@code ogc:Filter} / {@code fes:Filter} element. Kept behind this interface so the SLD reader
 * does not depend on how filters are parsed and evaluated.
 */
@FunctionalInterface
public interface RuleFilterParser {
  /**
   * @param filterElement the Filter element itself
   * @return the compiled, thread-safe filter
   * @throws IllegalArgumentException when the filter is malformed or uses an unsupported operator; the message
   *     is safe to show to a client
   */
  RuleFilter parse(Element filterElement);
}
