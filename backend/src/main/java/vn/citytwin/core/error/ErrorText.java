package vn.citytwin.core.error;

/** How a client's value is echoed in an error message: cut, so a megabyte of junk never comes back whole. */
public final class ErrorText {
  /** The usual cut: long enough to recognise a filter or a CRS name, short enough for one log line. */
  public static final int DEFAULT_MAX = 80;

  private ErrorText() {}

  /** {@code v} cut to {@value #DEFAULT_MAX} characters with an ellipsis; "" for null. */
  public static String abbreviate(String v) {
    return abbreviate(v, DEFAULT_MAX);
  }

  /** {@code v} cut to {@code max} characters with an ellipsis; "" for null. */
  public static String abbreviate(String v, int max) {
    if (v == null) {
      return "";
    }
    return v.length() > max ? v.substring(0, max) + "…" : v;
  }
}
