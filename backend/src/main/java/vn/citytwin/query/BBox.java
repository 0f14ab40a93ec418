package vn.citytwin.query;

import vn.citytwin.core.error.ApiException;

/**
 * A bounding box in x=east, y=north order of its CRS (whatever the protocol's axis order was: parsers swap before
 * building one), with the CRS's EPSG code.
 */
public record BBox(double minX, double minY, double maxX, double maxY, int srid) {

  public BBox {
    if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
      throw ApiException.invalidParameter("bbox", "bbox coordinates must be finite numbers");
    }
    if (minX > maxX || minY > maxY) {
      throw ApiException.invalidParameter("bbox", "bbox minimum is greater than its maximum");
    }
  }

  public double width() {
    return maxX - minX;
  }

  public double height() {
    return maxY - minY;
  }
}
