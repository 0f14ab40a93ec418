package vn.citytwin.filter;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Units of a DWithin/Beyond distance. Linear units convert to metres and are measured on the WGS 84 ellipsoid;
 * {@link #DEGREE} is the planar unit of EPSG:4326 itself and is measured in degrees, as in PostGIS on geometry.
 */
public enum DistanceUnit {
  METRE(1.0),
  KILOMETRE(1000.0),
  FOOT(0.3048),
  US_SURVEY_FOOT(1200.0 / 3937.0),
  STATUTE_MILE(1609.344),
  NAUTICAL_MILE(1852.0),
  DEGREE(Double.NaN);

  private static final Map<String, DistanceUnit> NAMES = Map.ofEntries(
      Map.entry("m", METRE), Map.entry("meter", METRE), Map.entry("meters", METRE), Map.entry("metre", METRE),
      Map.entry("metres", METRE), Map.entry("9001", METRE),
      Map.entry("km", KILOMETRE), Map.entry("kilometer", KILOMETRE), Map.entry("kilometers", KILOMETRE),
      Map.entry("kilometre", KILOMETRE), Map.entry("kilometres", KILOMETRE), Map.entry("9036", KILOMETRE),
      Map.entry("ft", FOOT), Map.entry("foot", FOOT), Map.entry("feet", FOOT), Map.entry("9002", FOOT),
      Map.entry("us-ft", US_SURVEY_FOOT), Map.entry("survey feet", US_SURVEY_FOOT),
      Map.entry("us survey feet", US_SURVEY_FOOT), Map.entry("9003", US_SURVEY_FOOT),
      Map.entry("mi", STATUTE_MILE), Map.entry("mile", STATUTE_MILE), Map.entry("miles", STATUTE_MILE),
      Map.entry("statute miles", STATUTE_MILE), Map.entry("statute mile", STATUTE_MILE),
      Map.entry("9093", STATUTE_MILE),
      Map.entry("nmi", NAUTICAL_MILE), Map.entry("nautical miles", NAUTICAL_MILE),
      Map.entry("nautical mile", NAUTICAL_MILE), Map.entry("9030", NAUTICAL_MILE),
      Map.entry("deg", DEGREE), Map.entry("degree", DEGREE), Map.entry("degrees", DEGREE),
      Map.entry("9102", DEGREE), Map.entry("9122", DEGREE));

  private final double metres;

  DistanceUnit(double metres) {
    this.metres = metres;
  }

  /** True for {@link #DEGREE}. */
  public boolean isAngular() {
    return this == DEGREE;
  }

  /** Metres per unit; NaN for {@link #DEGREE}. */
  public double metres() {
    return metres;
  }

  /**
   * Looks a unit up by a name users type ({@code meters}, {@code km}, {@code feet}, {@code statute miles},
   * {@code degrees}...) or by an EPSG unit URN/URI ({@code urn:ogc:def:uom:EPSG::9001},
   * {@code http://www.opengis.net/def/uom/EPSG/0/9001}). Case-insensitive; empty when unknown.
   */
  public static Optional<DistanceUnit> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (key.startsWith("urn:ogc:def:uom:epsg:")) {
      key = key.substring(key.lastIndexOf(':') + 1);
    } else if (key.startsWith("http://www.opengis.net/def/uom/epsg/")
        || key.startsWith("https://www.opengis.net/def/uom/epsg/")) {
      key = key.substring(key.lastIndexOf('/') + 1);
    }
    return Optional.ofNullable(NAMES.get(key));
  }
}
