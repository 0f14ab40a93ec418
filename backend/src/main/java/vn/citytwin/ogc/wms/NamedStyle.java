package vn.citytwin.ogc.wms;

import java.util.Objects;
import vn.citytwin.render.style.Style;

/**
 * A style as the WMS names it: {@code name} is the file name in {@code styles/} without {@code .sld} (what
 * STYLES and capabilities use), {@code style} the parsed UserStyle.
 */
public record NamedStyle(String name, Style style) {
  public NamedStyle {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(style, "style");
  }

  /** The style's title, else its name. */
  public String title() {
    return style.title() != null && !style.title().isBlank() ? style.title() : name;
  }
}
