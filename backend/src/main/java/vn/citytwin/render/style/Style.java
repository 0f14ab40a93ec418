package vn.citytwin.render.style;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed UserStyle: its FeatureTypeStyles in drawing order, the properties it reads and the warnings found
 * when loading it (unsupported elements, unresolvable graphics). Immutable and thread-safe.
 */
public final class Style {
  private final String name;
  private final String title;
  private final String abstractText;
  private final List<FeatureTypeStyle> featureTypeStyles;
  private final List<String> warnings;
  private final Set<String> referencedProperties;

  public Style(String name, String title, String abstractText, List<FeatureTypeStyle> featureTypeStyles,
      List<String> warnings) {
    this.name = name;
    this.title = title;
    this.abstractText = abstractText;
    this.featureTypeStyles = List.copyOf(featureTypeStyles);
    this.warnings = List.copyOf(warnings);
    Set<String> props = new LinkedHashSet<>();
    for (FeatureTypeStyle fts : this.featureTypeStyles) {
      fts.rules().forEach(r -> r.collectProperties(props));
    }
    this.referencedProperties = Collections.unmodifiableSet(props);
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  public String abstractText() {
    return abstractText;
  }

  public List<FeatureTypeStyle> featureTypeStyles() {
    return featureTypeStyles;
  }

  /** Warnings of the whole SLD document this style came from, in document order. Empty when fully supported. */
  public List<String> warnings() {
    return warnings;
  }

  /** Column names the WMS must fetch to render this style (filters, labels, property-driven parameters). */
  public Set<String> referencedProperties() {
    return referencedProperties;
  }

  /** True when any rule of this style is active at the scale (so the layer draws anything at all). */
  public boolean hasRulesAt(double scaleDenominator) {
    return featureTypeStyles.stream().flatMap(f -> f.rules().stream()).anyMatch(r -> r.activeAt(scaleDenominator));
  }
}
