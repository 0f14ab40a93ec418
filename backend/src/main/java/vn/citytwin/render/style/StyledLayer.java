package vn.citytwin.render.style;

import java.util.List;

/** A NamedLayer (or UserLayer) of an SLD document with its UserStyles. */
public record StyledLayer(String name, List<Style> styles, int defaultIndex) {
  public StyledLayer {
    styles = List.copyOf(styles);
  }

  /** The style marked IsDefault, else the first; null when the layer has no UserStyle. */
  public Style defaultStyle() {
    return styles.isEmpty() ? null : styles.get(defaultIndex);
  }
}
