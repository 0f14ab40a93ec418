package vn.citytwin.render.paint;

/**
 * What painting needs to know about the map being drawn: the pixel transform and the scale.
 *
 * @param tx world to pixel
 * @param scaleDenominator OGC scale denominator of the map
 */
public record PaintContext(PixelTransform tx, double scaleDenominator) {
  /** Ground metres per pixel. */
  public double metresPerPixel() {
    return tx.metresPerPixel();
  }
}
