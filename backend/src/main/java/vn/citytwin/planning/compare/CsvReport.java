package vn.citytwin.planning.compare;

/**
 * A comparison as CSV (RFC 4180, UTF-8, CRLF line ends, a header row). Numbers are written in full precision with
 * a dot and no exponent; an undefined value is an empty field. {@code relative_difference} is a ratio
 * (0.1 = +10 %).
 *
 * <pre>indicator,label_vi,label_en,unit,a,b,difference,relative_difference,changed</pre>
 */
public final class CsvReport {
  private CsvReport() {}

  public static String render(Comparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("indicator,label_vi,label_en,unit,a,b,difference,relative_difference,changed\r\n");
    for (ComparedIndicator i : c.indicators()) {
      sb.append(field(i.id())).append(',').append(field(i.label().vi())).append(',').append(field(i.label().en()))
          .append(',').append(field(i.unit())).append(',').append(Numbers.plain(i.a())).append(',')
          .append(Numbers.plain(i.b())).append(',').append(Numbers.plain(i.difference())).append(',')
          .append(Numbers.plain(i.relativeDifference())).append(',').append(i.changed()).append("\r\n");
    }
    return sb.toString();
  }

  /** Quotes a field when it holds a comma, quote, CR or LF; quotes are doubled. */
  static String field(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
