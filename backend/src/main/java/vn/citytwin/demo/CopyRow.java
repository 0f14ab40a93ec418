package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows in PostgreSQL COPY text format (tab-separated, {@code \N} for null, backslash escapes), UTF-8,
 * buffered. Numbers are written with a fixed number of decimals, half away from zero, trailing zeros trimmed — the
 * same bytes on every machine and locale.
 */
final class CopyRow {
  private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
    100_000_000L};
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int n;
  private boolean first = true;
  private long rows;

  CopyRow(OutputStream out) {
    this.out = out;
  }

  long rows() {
    return rows;
  }

  CopyRow text(String s) {
    sep();
    if (s == null) {
      raw("\\N");
      return this;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> raw("\\\\");
        case '\t' -> raw("\\t");
        case '\n' -> raw("\\n");
        case '\r' -> raw("\\r");
        default -> {
          if (c < 0x80) {
            put((byte) c);
          } else {
            int end = i + 1;
            while (end < s.length() && s.charAt(end) >= 0x80) {
              end++;
            }
            bytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
            i = end - 1;
          }
        }
      }
    }
    return this;
  }

  CopyRow nul() {
    sep();
    raw("\\N");
    return this;
  }

  CopyRow num(long v) {
    sep();
    raw(Long.toString(v));
    return this;
  }

  CopyRow num(Integer v) {
    return v == null ? nul() : num(v.longValue());
  }

  /** A decimal number rounded to {@code decimals} places (0–8). */
  CopyRow num(double v, int decimals) {
    sep();
    fixed(v, decimals);
    return this;
  }

  CopyRow num(Double v, int decimals) {
    return v == null ? nul() : num(v.doubleValue(), decimals);
  }

  CopyRow bool(boolean b) {
    sep();
    put((byte) (b ? 't' : 'f'));
    return this;
  }

  /** Starts a field whose content the caller writes with {@link #raw} and {@link #fixed} (geometry text). */
  CopyRow field() {
    sep();
    return this;
  }

  /** ASCII text written as is: the caller guarantees it needs no escaping. */
  CopyRow raw(String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      put((byte) ascii.charAt(i));
    }
    return this;
  }

  CopyRow fixed(double v, int decimals) {
    long scaled = Math.round(Math.abs(v) * POW10[decimals]);
    if (scaled != 0 && v < 0) {
      put((byte) '-');
    }
    long whole = scaled / POW10[decimals];
    long frac = scaled % POW10[decimals];
    raw(Long.toString(whole));
    if (frac != 0) {
      int digits = decimals;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      put((byte) '.');
      String f = Long.toString(frac);
      for (int k = f.length(); k < digits; k++) {
        put((byte) '0');
      }
      raw(f);
    }
    return this;
  }

  void end() throws IOException {
    put((byte) '\n');
    first = true;
    rows++;
    if (n > buf.length - 8192) {
      flush();
    }
  }

  void flush() throws IOException {
    out.write(buf, 0, n);
    n = 0;
  }

  private void sep() {
    if (!first) {
      put((byte) '\t');
    }
    first = false;
  }

  private void bytes(byte[] b) {
    for (byte x : b) {
      put(x);
    }
  }

  private void put(byte b) {
    if (n == buf.length) {
      try {
        flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    buf[n++] = b;
  }
}
