package vn.citytwin.tiles;

import vn.citytwin.core.error.ApiException;

/**
 * A tile of the WebMercatorQuad tile matrix set (EPSG:3857, origin top-left, y down, as XYZ/OGC API Tiles).
 * Validates z/x/y: z in [0, 24], x and y in [0, 2^z).
 */
public record TileAddress(int z, int x, int y) {
  /** Half the side of the EPSG:3857 square in metres. */
  public static final double ORIGIN_SHIFT = 20037508.342789244;
  public static final int MAX_ZOOM = 24;

  public TileAddress {
    if (z < 0 || z > MAX_ZOOM) {
      throw ApiException.invalidParameter("z", "Zoom level must be between 0 and " + MAX_ZOOM + ", got " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n) {
      throw ApiException.invalidParameter("x", "Tile column must be between 0 and " + (n - 1) + " at zoom " + z);
    }
    if (y < 0 || y >= n) {
      throw ApiException.invalidParameter("y", "Tile row must be between 0 and " + (n - 1) + " at zoom " + z);
    }
  }

  /** Parses path segments; anything that is not a plain integer is a 400 naming the segment. */
  public static TileAddress parse(String z, String x, String y) {
    return new TileAddress(integer(z, "z"), integer(x, "x"), integer(y, "y"));
  }

  private static int integer(String s, String locator) {
    if (s == null || !s.matches("\\d{1,9}")) {
      throw ApiException.invalidParameter(locator, "Tile " + locator + " must be a non-negative integer");
    }
    return Integer.parseInt(s);
  }

  /** Side of the tile in EPSG:3857 metres. */
  public double sizeMetres() {
    return 2 * ORIGIN_SHIFT / (1L << z);
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
