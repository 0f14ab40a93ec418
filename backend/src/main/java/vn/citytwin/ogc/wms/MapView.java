package vn.citytwin.ogc.wms;

import vn.citytwin.query.BBox;
import vn.citytwin.render.MapExtent;

/**
 * The picture a GetMap or GetFeatureInfo request describes: CRS, world rectangle and image size.
 *
 * @param bbox x=east, y=north in the CRS (already swapped from the request's axis order), srid the PostGIS SRID
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record MapView(WmsCrs crs, BBox bbox, int width, int height) {

  /** The renderer's extent (x east, y north, CRS units). */
  public MapExtent extent() {
    return new MapExtent(bbox.minX(), bbox.minY(), bbox.maxX(), bbox.maxY(), width, height, crs.geographic());
  }

  /** CRS units per pixel across the width. */
  public double unitsPerPixelX() {
    return bbox.width() / width;
  }

  public double unitsPerPixelY() {
    return bbox.height() / height;
  }

  /** OGC scale denominator (0.28 mm pixels), as SLD rules use it. */
  public double scaleDenominator() {
    return extent().scaleDenominator();
  }

  /** The box grown by {@code pixels} on every side, in CRS units (same SRID). */
  public BBox grownBy(double pixels) {
    double dx = unitsPerPixelX() * pixels;
    double dy = unitsPerPixelY() * pixels;
    return new BBox(bbox.minX() - dx, bbox.minY() - dy, bbox.maxX() + dx, bbox.maxY() + dy, bbox.srid());
  }

  /** The world position of the centre of pixel (i, j), i from the left, j from the top; {x, y}. */
  public double[] pixelCentre(int i, int j) {
    return new double[] {bbox.minX() + (i + 0.5) * unitsPerPixelX(), bbox.maxY() - (j + 0.5) * unitsPerPixelY()};
  }
}
