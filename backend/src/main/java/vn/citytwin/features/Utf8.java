package vn.citytwin.features;

/**
 * UTF-8 encoding of a character buffer straight into an exact-size byte array: for the chunks of large responses,
 * this saves the intermediate String copy of {@code toString().getBytes(UTF_8)} (the streams' hottest spot).
 * Unpaired surrogates become U+FFFD, as in {@link String#getBytes}. Not thread-safe: one instance per stream.
 */
final class Utf8 {
  private char[] chars = new char[0];

  byte[] encode(StringBuilder sb) {
    int n = sb.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    sb.getChars(0, n, chars, 0);
    char[] c = chars;
    int len = 0;
    for (int i = 0; i < n; i++) {
      char ch = c[i];
      if (ch < 0x80) {
        len++;
      } else if (ch < 0x800) {
        len += 2;
      } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
        len += 4;
        i++;
      } else {
        len += 3;
      }
    }
    byte[] out = new byte[len];
    int j = 0;
    for (int i = 0; i < n; i++) {
      char ch = c[i];
      if (ch < 0x80) {
        out[j++] = (byte) ch;
      } else if (ch < 0x800) {
        out[j++] = (byte) (0xC0 | ch >> 6);
        out[j++] = (byte) (0x80 | ch & 0x3F);
      } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
        int cp = Character.toCodePoint(ch, c[++i]);
        out[j++] = (byte) (0xF0 | cp >> 18);
        out[j++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[j++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[j++] = (byte) (0x80 | cp & 0x3F);
      } else {
        if (Character.isSurrogate(ch)) {
          ch = '\uFFFD';
        }
        out[j++] = (byte) (0xE0 | ch >> 12);
        out[j++] = (byte) (0x80 | ch >> 6 & 0x3F);
        out[j++] = (byte) (0x80 | ch & 0x3F);
      }
    }
    return out;
  }
}
