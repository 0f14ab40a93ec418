package vn.citytwin.render.style;

import java.util.List;

/** A whole SLD document: its layers in order and all warnings found while reading it. */
public record StyledLayerDescriptor(String name, List<StyledLayer> layers, List<String> warnings) {
  public StyledLayerDescriptor {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }
}
