package vn.citytwin.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese Windows text (code page 1258) of a Shapefile's DBF, decoded by Java rather than GDAL: GDAL 3.6 recodes
 * through glibc's iconv, whose CP1258 converter holds every text's last character back (it might take a combining
 * tone mark) and never writes it — "Bạch Dinh" arrives as "Bạch Din". GDAL reads such a DBF as ISO-8859-1 (one
 * character per byte, lossless), and this class turns each text back into its bytes and decodes them as
 * windows-1258, composed (NFC: CP1258 writes many tone marks as combining characters).
 */
final class DbfText {
  /** What GDAL is told the DBF's encoding is when Java decodes it. */
  static final String BYTES = "ISO-8859-1";
  private static final Charset CP1258 = Charset.forName("windows-1258");

  private DbfText() {}

  /** Whether texts in {@code encoding} are decoded here instead of by GDAL. */
  static boolean recodes(String encoding) {
    String e = encoding.toUpperCase(Locale.ROOT).replace("-", "");
    return e.equals("CP1258") || e.equals("WINDOWS1258") || e.equals("1258");
  }

  /** @param latin1 a text GDAL read as ISO-8859-1 */
  static String windows1258(String latin1) {
    return Normalizer.normalize(new String(latin1.getBytes(StandardCharsets.ISO_8859_1), CP1258),
        Normalizer.Form.NFC);
  }
}
