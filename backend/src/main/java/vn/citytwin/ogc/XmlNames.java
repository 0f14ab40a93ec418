package vn.citytwin.ogc;

/**
 * XML names for catalog names. Layer ids and column names are PostgreSQL identifiers and may contain characters an
 * XML element name cannot ({@code "Mixed Case"}, {@code 2024_data}); GML and WFS need NCNames. The mapping is
 * deterministic, so a client that reads a name from DescribeFeatureType can send it back and the server maps it to
 * the same column again ({@link #matches}).
 */
public final class XmlNames {
  private XmlNames() {}

  /** {@code name} unchanged when it is an NCName; otherwise each disallowed character becomes {@code _}, and a
   * leading character that cannot start a name gets a {@code _} in front. */
  public static String ncName(String name) {
    if (name == null || name.isEmpty()) {
      return "_";
    }
    StringBuilder sb = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = i == 0 ? isStart(c) : isPart(c);
      if (i == 0 && !ok && isPart(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(ok ? c : '_');
      }
    }
    return sb.toString();
  }

  /** True when {@code xmlName} (a name a client sent, without prefix) denotes {@code catalogName}. */
  public static boolean matches(String xmlName, String catalogName) {
    return xmlName.equals(catalogName) || xmlName.equals(ncName(catalogName));
  }

  /** The local part of a qualified name ({@code citytwin:buildings} → {@code buildings}). */
  public static String local(String qname) {
    int colon = qname.lastIndexOf(':');
    return colon < 0 ? qname : qname.substring(colon + 1);
  }

  private static boolean isStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
