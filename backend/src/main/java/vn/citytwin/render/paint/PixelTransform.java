package vn.citytwin.render.paint;

/**
 * World (map CRS, x east, y north) to image pixels (x right, y down, origin top-left). Coordinates are shifted to
 * the extent's corner before scaling, so large values (UTM metres) keep full precision. Immutable.
 *
 * @param minX world x at the image's left edge
 * @param maxY world y at the image's top edge
 * @param pixelsPerUnitX pixels per world unit along x
 * @param pixelsPerUnitY pixels per world unit along y
 * @param metresPerPixel ground metres per pixel, for sizes given in metres
 */
public record PixelTransform(double minX, double maxY, double pixelsPerUnitX, double pixelsPerUnitY,
    double metresPerPixel) {

  public double x(double worldX) {
    return (worldX - minX) * pixelsPerUnitX;
  }

  public double y(double worldY) {
    return (maxY - worldY) * pixelsPerUnitY;
  }
}
