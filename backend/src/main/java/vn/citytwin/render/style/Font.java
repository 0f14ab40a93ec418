package vn.citytwin.render.style;

import java.util.List;

/**
 * Label font: families in order of preference, style (normal/italic/oblique), weight (normal/bold) and size in
 * the symbolizer's unit (default 10). Families the machine lacks, or that cannot show the label's characters,
 * are skipped by the font resolver.
 */
public record Font(List<String> families, Expression style, Expression weight, Expression size) {
  public Font {
    families = List.copyOf(families);
  }

  /** Font used when a TextSymbolizer has none: sans-serif, normal, 10. */
  public static Font defaultFont() {
    return new Font(List.of(), null, null, null);
  }
}
