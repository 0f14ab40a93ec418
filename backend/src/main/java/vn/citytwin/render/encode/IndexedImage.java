package vn.citytwin.render.encode;

/**
 * A paletted image: at most 256 ARGB (non-premultiplied) palette entries and one palette index per pixel, rows
 * top to bottom.
 */
public record IndexedImage(int width, int height, int[] palette, byte[] indices) {
  /** The ARGB colour of a pixel. */
  public int argb(int x, int y) {
    return palette[indices[y * width + x] & 0xff];
  }
}
