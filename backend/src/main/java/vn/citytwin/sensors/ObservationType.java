package vn.citytwin.sensors;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The O&amp;M observation types of STA 1.1 (table 12 of OGC 18-088) and which JSON results each accepts. A
 * datastream's type decides what ingest stores: a string for a measurement is refused, not coerced.
 */
public enum ObservationType {
  MEASUREMENT("OM_Measurement"),
  COUNT("OM_CountObservation"),
  TRUTH("OM_TruthObservation"),
  CATEGORY("OM_CategoryObservation"),
  OBSERVATION("OM_Observation");

  public static final String PREFIX = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

  private final String uri;

  ObservationType(String local) {
    this.uri = PREFIX + local;
  }

  public String uri() {
    return uri;
  }

  /** The type of a URI, or null when it is none of the five. */
  public static ObservationType ofUri(String uri) {
    for (ObservationType t : values()) {
      if (t.uri.equals(uri)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Why {@code result} (a decoded JSON value: Number, Boolean, String, JsonObject, JsonArray or null) does not fit
   * this type, or null when it fits. NaN and infinities never fit.
   */
  public String rejects(Object result) {
    if (result instanceof Double d && !Double.isFinite(d) || result instanceof Float f && !Float.isFinite(f)) {
      return "result must be a finite number, not " + result;
    }
    return switch (this) {
      case MEASUREMENT -> result instanceof Number ? null : "result of an OM_Measurement must be a number";
      case COUNT -> isIntegral(result) ? null : "result of an OM_CountObservation must be an integer";
      case TRUTH -> result instanceof Boolean ? null : "result of an OM_TruthObservation must be true or false";
      case CATEGORY -> result instanceof String ? null : "result of an OM_CategoryObservation must be a string";
      case OBSERVATION -> null;
    };
  }

  private static boolean isIntegral(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
      return true;
    }
    if (v instanceof BigDecimal b) {
      return b.stripTrailingZeros().scale() <= 0;
    }
    return v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Double.isFinite(n.doubleValue());
  }
}
