package vn.citytwin.tiles3d;

import java.util.List;
import java.util.Objects;

/**
 * One tile of a tileset tree, as the service builds it from its quadtree.
 *
 * @param region the tile's bounding volume; must contain its content and all descendants
 * @param geometricError metres of error if this tile is drawn and its children are not; non-increasing from
 *     parent to child, 0 at leaves that hold the full-detail content
 * @param refine how children refine this tile; required at the root, {@code null} elsewhere to inherit
 * @param contentUri the content's URI relative to tileset.json (e.g. {@code "tiles/15/27052/15000.glb"}), or
 *     {@code null} for a tile without content
 * @param contentRegion tighter bounding volume of the content alone (e.g.
 *     {@link BuildingTileEncoder.EncodedTile#contentRegion()}), or {@code null}
 * @param transform the content's ENU → ECEF matrix as an absolute (world) 4×4 column-major matrix, e.g.
 *     {@link LocalFrame#enuToEcef()}, or {@code null} for identity; {@link TilesetWriter} turns it into the
 *     parent-relative transform 3D Tiles expects
 * @param children child tiles (copied); empty for a leaf
 * @throws IllegalArgumentException if the geometric error is negative or not finite, or the transform is not 16
 *     finite numbers with a last row of (0, 0, 0, 1)
 */
public record TileNode(BoundingRegion region, double geometricError, Refine refine, String contentUri,
    BoundingRegion contentRegion, double[] transform, List<TileNode> children) {

  public TileNode {
    Objects.requireNonNull(region, "region");
    if (!(geometricError >= 0) || !Double.isFinite(geometricError)) {
      throw new IllegalArgumentException("geometricError must be a finite number >= 0");
    }
    if (transform != null) {
      if (transform.length != 16 || transform[3] != 0 || transform[7] != 0 || transform[11] != 0
          || transform[15] != 1) {
        throw new IllegalArgumentException("transform must be an affine 4x4 column-major matrix");
      }
      for (double v : transform) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("transform must be finite");
        }
      }
      transform = transform.clone();
    }
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** A leaf with content: error 0, refine inherited. */
  public static TileNode leaf(BoundingRegion region, String contentUri, BoundingRegion contentRegion,
      double[] transform) {
    return new TileNode(region, 0, null, contentUri, contentRegion, transform, List.of());
  }

  @Override
  public double[] transform() {
    return transform == null ? null : transform.clone();
  }
}
