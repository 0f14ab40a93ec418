package vn.citytwin.tiles3d;

import vn.citytwin.core.config.CityTwinConfig;

/**
 * Settings of the 3D Tiles service.
 *
 * @param maxBuildingsPerLeaf a quadtree cell is split while it holds more buildings than this (a leaf can hold
 *     more only at {@code fineLevel}, ≈ 150 m cells, which no real city fills)
 * @param minLeafLevel cells coarser than this level are always split, so a leaf's local frame is never more than
 *     half a cell (≈ 2.4 km at level 12) from its vertices: float32 positions stay within a millimetre
 * @param fineLevel level of the grid the per-cell statistics are gathered on; leaves are never deeper
 * @param geoidUndulationM geoid height N in metres added to {@code ground_elev} (above mean sea level) to get
 *     heights above the WGS 84 ellipsoid, which 3D Tiles regions and ECEF need. Default −1.8 m: EGM96 at Vũng Tàu,
 *     from PROJ's {@code egm96_15.gtx} ({@code echo 10.35 107.08 0 | cs2cs EPSG:4326+5773 EPSG:4979} gives −1.84 m;
 *     −1.73 to −2.09 m over the former city), so one constant is right to a few decimetres there. Another city
 *     needs its own value.
 * @param cacheBytes in-process cache of built content, bytes
 * @param contentMaxAgeSeconds HTTP max-age of content (its URLs carry a version token, so it may be long)
 * @param queryTimeoutSeconds per-statement time limit of a content query
 * @param encoders worker threads that triangulate and encode content (JTS work, kept off the event loop)
 * @throws IllegalArgumentException for a non-positive leaf size, levels outside 0 ≤ minLeaf ≤ fine ≤
 *     {@link QuadCell#MAX_LEVEL}, or a non-finite geoid height
 */
public record Tiles3dOptions(int maxBuildingsPerLeaf, int minLeafLevel, int fineLevel, double geoidUndulationM,
    long cacheBytes, int contentMaxAgeSeconds, int queryTimeoutSeconds, int encoders) {

  public static final int DEFAULT_MAX_PER_LEAF = 2000;
  public static final int DEFAULT_MIN_LEAF_LEVEL = 12;
  public static final int DEFAULT_FINE_LEVEL = 17;
  public static final double VUNG_TAU_GEOID_M = -1.8;

  public Tiles3dOptions {
    if (maxBuildingsPerLeaf < 1) {
      throw new IllegalArgumentException("maxBuildingsPerLeaf must be >= 1");
    }
    if (minLeafLevel < 0 || minLeafLevel > fineLevel || fineLevel > QuadCell.MAX_LEVEL) {
      throw new IllegalArgumentException("levels must satisfy 0 <= minLeafLevel <= fineLevel <= "
          + QuadCell.MAX_LEVEL);
    }
    if (!Double.isFinite(geoidUndulationM)) {
      throw new IllegalArgumentException("geoidUndulationM must be finite");
    }
    cacheBytes = Math.max(1, cacheBytes);
    queryTimeoutSeconds = Math.max(1, queryTimeoutSeconds);
    encoders = Math.max(1, encoders);
  }

  /** The defaults, with the cache size, max-age and timeout of the vector tiles' settings. */
  public static Tiles3dOptions from(CityTwinConfig.Tiles tiles) {
    return new Tiles3dOptions(DEFAULT_MAX_PER_LEAF, DEFAULT_MIN_LEAF_LEVEL, DEFAULT_FINE_LEVEL, VUNG_TAU_GEOID_M,
        (long) tiles.cacheMb() * 1024 * 1024, tiles.maxAgeSeconds(), Math.max(1, tiles.timeoutMs() / 1000),
        Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  /** The same options with another leaf size (tests, benchmarks). */
  public Tiles3dOptions withMaxBuildingsPerLeaf(int max) {
    return new Tiles3dOptions(max, minLeafLevel, fineLevel, geoidUndulationM, cacheBytes, contentMaxAgeSeconds,
        queryTimeoutSeconds, encoders);
  }

  /** What the tiling depends on, for cache keys and ETags. */
  String tilingKey() {
    return maxBuildingsPerLeaf + "/" + minLeafLevel + "/" + fineLevel + "/" + geoidUndulationM;
  }
}
