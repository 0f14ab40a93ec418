package vn.citytwin.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.citytwin.core.error.ApiException;

/**
 * The name of an imported layer, which becomes the table {@code city.<name>} and the layer id in every URL: a
 * lower-case letter, then letters, digits or underscores, at most 48 characters, not a PostgreSQL system prefix.
 */
public final class LayerName {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private LayerName() {}

  /** @throws ApiException invalid parameter at {@code locator} naming the rule */
  public static String check(String name, String locator) {
    if (name == null || !VALID.matcher(name).matches() || name.startsWith("pg_")) {
      throw ApiException.invalidParameter(locator, "Invalid layer name: it must start with a lower-case letter and"
          + " hold only a–z, 0–9 and _ (at most 48 characters), not starting with pg_");
    }
    return name;
  }

  /** A valid name made from a file name ({@code "Ranh giới phường.shp"} → {@code ranh_gioi_phuong}). */
  public static String fromFileName(String fileName) {
    String base = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
    String ascii = Normalizer.normalize(base.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    if (ascii.isEmpty() || !Character.isLetter(ascii.charAt(0))) {
      ascii = "layer_" + ascii;
    }
    if (ascii.startsWith("pg_")) {
      ascii = "l" + ascii;
    }
    return ascii.length() > 48 ? ascii.substring(0, 48) : ascii;
  }
}
