package vn.citytwin.planning.indicators;

import java.util.Locale;

/** A text in Vietnamese and English. */
public record Text(String vi, String en) {
  /**
   * Fills {@code %s} templates; an argument that is itself a {@link Text} contributes its Vietnamese text to the
   * Vietnamese template and its English text to the English one.
   */
  public Text format(Object... args) {
    Object[] vis = new Object[args.length];
    Object[] ens = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      vis[i] = args[i] instanceof Text t ? t.vi() : args[i];
      ens[i] = args[i] instanceof Text t ? t.en() : args[i];
    }
    return new Text(String.format(Locale.ROOT, vi, vis), String.format(Locale.ROOT, en, ens));
  }
}
