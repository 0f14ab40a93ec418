package vn.citytwin.query;

/**
 * A Web Mercator tile as the area of a query, computed by PostGIS ({@code ST_TileEnvelope}) so that the features a
 * tile reads and the box {@code ST_AsMVTGeom} clips them to come from one definition of the tile grid.
 *
 * @param margin how far the area reaches beyond the tile, as a fraction of its side (the MVT buffer)
 */
public record TileEnvelope(int z, int x, int y, double margin) {
  public TileEnvelope {
    if (z < 0 || x < 0 || y < 0 || margin < 0) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " margin " + margin);
    }
  }
}
