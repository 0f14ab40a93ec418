package vn.citytwin.tiles3d;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Writes a 3D Tiles 1.1 tileset.json from a {@link TileNode} tree: {@code asset.version "1.1"}, the tileset's
 * geometric error, and per tile a {@code region} bounding volume (radians, metres), geometric error, refine,
 * content (uri and optional content region) and transform.
 *
 * <p>Tile transforms in 3D Tiles compose down the tree (a tile's world transform is its parent's world transform
 * times its own); {@link TileNode#transform()} holds world transforms, so each is written relative to the nearest
 * ancestor that has one. Region bounding volumes are geographic and never transformed. Stateless and thread-safe.
 */
public final class TilesetWriter {
  private TilesetWriter() {}

  /**
   * @param geometricError the tileset's error when nothing of it is drawn; must be ≥ the root's
   * @param tilesetVersion optional application version of the data ({@code asset.tilesetVersion}), may be null
   * @throws IllegalArgumentException if the root has no refine or the tileset error is below the root's
   */
  public static JsonObject toJson(TileNode root, double geometricError, String tilesetVersion) {
    if (root.refine() == null) {
      throw new IllegalArgumentException("the root tile needs a refine value");
    }
    if (!(geometricError >= root.geometricError()) || !Double.isFinite(geometricError)) {
      throw new IllegalArgumentException("tileset geometricError must be finite and >= the root's");
    }
    JsonObject asset = new JsonObject().put("version", "1.1");
    if (tilesetVersion != null) {
      asset.put("tilesetVersion", tilesetVersion);
    }
    return new JsonObject()
        .put("asset", asset)
        .put("geometricError", geometricError)
        .put("root", tile(root, null));
  }

  /** {@link #toJson} encoded as a compact JSON string. */
  public static String write(TileNode root, double geometricError, String tilesetVersion) {
    return toJson(root, geometricError, tilesetVersion).encode();
  }

  private static JsonObject tile(TileNode node, double[] parentWorld) {
    JsonObject t = new JsonObject().put("boundingVolume", region(node.region()))
        .put("geometricError", node.geometricError());
    if (node.refine() != null) {
      t.put("refine", node.refine().name());
    }
    double[] world = parentWorld;
    double[] own = node.transform();
    if (own != null) {
      t.put("transform", numbers(parentWorld == null ? own : Matrix4.multiply(Matrix4.invertAffine(parentWorld), own)));
      world = own;
    }
    if (node.contentUri() != null) {
      JsonObject content = new JsonObject().put("uri", node.contentUri());
      if (node.contentRegion() != null) {
        content.put("boundingVolume", region(node.contentRegion()));
      }
      t.put("content", content);
    }
    if (!node.children().isEmpty()) {
      JsonArray children = new JsonArray();
      for (TileNode child : node.children()) {
        children.add(tile(child, world));
      }
      t.put("children", children);
    }
    return t;
  }

  private static JsonObject region(BoundingRegion r) {
    return new JsonObject().put("region", numbers(r.toArray()));
  }

  private static JsonArray numbers(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }
}
