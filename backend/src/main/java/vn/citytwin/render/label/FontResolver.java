package vn.citytwin.render.label;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a font that can show the whole label. Requested families are tried in order; CSS generic names and
 * common web fonts map to installed equivalents; a family that is missing or lacks a glyph (Vietnamese
 * diacritics: ư, ờ, ạ...) is skipped. The fallback chain is Noto Sans, DejaVu Sans (loaded from
 * /usr/share/fonts when the JVM has not registered them), then the logical SansSerif. Thread-safe: base fonts are
 * cached in a concurrent map; {@link Font} is immutable.
 */
public final class FontResolver {
  private static final List<String> SANS_CHAIN = List.of("Noto Sans", "DejaVu Sans");
  private static final List<String> SERIF_CHAIN = List.of("Noto Serif", "DejaVu Serif");
  private static final List<String> MONO_CHAIN = List.of("Noto Sans Mono", "DejaVu Sans Mono");
  private static final Map<String, List<String>> FILES = Map.of(
      "noto sans", List.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
          "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf",
          "/usr/share/fonts/truetype/noto/NotoSans-BoldItalic.ttf"),
      "dejavu sans", List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"));

  private static final class Holder {
    static final FontResolver SYSTEM = new FontResolver();
  }

  private final Set<String> registered;
  /** (lower-case family, style) to a size-1 font; an absent family maps to a sentinel. */
  private final ConcurrentHashMap<String, Font> baseFonts = new ConcurrentHashMap<>();
  private static final Font MISSING = new Font("Dialog", Font.PLAIN, 1);

  /** A resolver over the fonts this JVM sees. */
  public FontResolver() {
    Set<String> names = new HashSet<>();
    for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
      names.add(f.toLowerCase(Locale.ROOT));
    }
    this.registered = Collections.unmodifiableSet(names);
  }

  /** The shared resolver (fonts installed on a machine do not change while the server runs). */
  public static FontResolver system() {
    return Holder.SYSTEM;
  }

  /**
   * @param families requested families in order (may be empty)
   * @param style {@link Font#PLAIN}, {@link Font#BOLD}, {@link Font#ITALIC} or BOLD|ITALIC
   * @param sizePx size in pixels (Java2D points equal pixels on an unscaled image)
   * @param text the label; the font must display all of it
   */
  public Font resolve(List<String> families, int style, float sizePx, String text) {
    for (String family : candidates(families)) {
      Font base = base(family, style);
      if (base != null && base.canDisplayUpTo(text) == -1) {
        return base.deriveFont(sizePx);
      }
    }
    // the logical font composes several physical ones and covers the most
    return new Font(Font.SANS_SERIF, style, 1).deriveFont(style, sizePx);
  }

  private List<String> candidates(List<String> families) {
    List<String> out = new ArrayList<>();
    for (String f : families) {
      String k = f.trim().toLowerCase(Locale.ROOT);
      switch (k) {
        case "sans-serif", "sansserif", "sans", "arial", "helvetica", "verdana", "tahoma", "segoe ui", "roboto",
            "open sans", "dialog" -> out.addAll(SANS_CHAIN);
        case "serif", "times", "times new roman", "georgia" -> out.addAll(SERIF_CHAIN);
        case "monospace", "monospaced", "courier", "courier new" -> out.addAll(MONO_CHAIN);
        default -> out.add(f.trim());
      }
    }
    out.addAll(SANS_CHAIN);
    return out;
  }

  private Font base(String family, int style) {
    String key = family.toLowerCase(Locale.ROOT) + "|" + style;
    Font f = baseFonts.computeIfAbsent(key, k -> load(family, style));
    return f == MISSING ? null : f;
  }

  private Font load(String family, int style) {
    String lower = family.toLowerCase(Locale.ROOT);
    if (registered.contains(lower)) {
      return new Font(family, style, 1);
    }
    List<String> files = FILES.get(lower);
    if (files != null) {
      Path p = Path.of(files.get(Math.min(style, files.size() - 1)));
      if (Files.isReadable(p)) {
        try {
          return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
        } catch (FontFormatException | IOException e) {
          return MISSING;
        }
      }
    }
    return MISSING;
  }
}
