package vn.citytwin.filter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Splits feature ids {@code <layer>.<id>} and turns the id part into the value bound for the id field. */
final class ResourceIds {
  private ResourceIds() {}

  /** The id part: after the last dot, or the whole id. */
  static String idPart(String rid) {
    return rid.substring(rid.lastIndexOf('.') + 1);
  }

  /** The layer prefix (before the last dot), or null for a bare id. */
  static String prefix(String rid) {
    int dot = rid.lastIndexOf('.');
    return dot < 0 ? null : rid.substring(0, dot);
  }

  /**
   * The value to bind for {@code rid} against an id field of {@code type}, or null when the id cannot match this
   * layer (another layer's prefix, or a non-numeric id for a numeric field).
   */
  static Object idValue(String rid, Optional<String> layer, FieldType type) {
    if (!ofLayer(rid, layer)) {
      return null;
    }
    String part = idPart(rid);
    switch (type) {
      case INTEGER: {
        BigDecimal n = Values.parseNumber(part);
        if (n == null || n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
          return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.precision() - s.scale() <= 18 ? s.longValueExact() : null;
      }
      case NUMBER: {
        BigDecimal n = Values.parseNumber(part);
        return n == null || !Double.isFinite(n.doubleValue()) ? null : n.doubleValue();
      }
      case STRING:
        return part;
      default:
        throw FilterErrors.invalid("The 'id' property of this layer is " + SqlTranslator.describe(type)
            + " and cannot hold feature ids");
    }
  }

  /** False when {@code rid} carries a prefix naming another layer than {@code layer} (when known). */
  static boolean ofLayer(String rid, Optional<String> layer) {
    String prefix = prefix(rid);
    return prefix == null || layer.isEmpty() || sameLayer(prefix, layer.get());
  }

  /** {@code buildings} matches layer {@code buildings} and {@code citytwin:buildings}, ignoring case. */
  private static boolean sameLayer(String prefix, String layer) {
    String p = prefix.toLowerCase(Locale.ROOT);
    String l = layer.toLowerCase(Locale.ROOT);
    return p.equals(l) || local(p).equals(local(l));
  }

  private static String local(String name) {
    return name.substring(name.indexOf(':') + 1);
  }
}
