package vn.citytwin.tiles3d;

/**
 * Converts 0xRRGGBBAA sRGB colours to the linear values glTF expects in {@code COLOR_0} (the glTF spec defines
 * vertex colours as linear), as four unsigned 16-bit values packed into a long (R in the high bits). 16 bits keep
 * dark colours from banding after linearisation, which 8 bits would not. Alpha is already linear and is scaled.
 */
public final class SrgbColor {
  private static final int[] SRGB_TO_LINEAR16 = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      double c = i / 255.0;
      double linear = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      SRGB_TO_LINEAR16[i] = (int) Math.round(linear * 65535.0);
    }
  }

  private SrgbColor() {}

  /** 0xRRGGBBAA sRGB → packed linear RGBA16 (R&lt;&lt;48 | G&lt;&lt;32 | B&lt;&lt;16 | A). */
  public static long toLinear16(int rgba) {
    long r = SRGB_TO_LINEAR16[(rgba >>> 24) & 0xFF];
    long g = SRGB_TO_LINEAR16[(rgba >>> 16) & 0xFF];
    long b = SRGB_TO_LINEAR16[(rgba >>> 8) & 0xFF];
    long a = (rgba & 0xFF) * 257L;
    return r << 48 | g << 32 | b << 16 | a;
  }
}
