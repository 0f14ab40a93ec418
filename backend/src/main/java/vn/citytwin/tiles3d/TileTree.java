package vn.citytwin.tiles3d;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quadtree of one layer's buildings (in one scenario, at one data version), as {@link TileTreeBuilder} cut it:
 * interior nodes without content, leaves with content; every building is in exactly one leaf. Refinement is
 * {@link Refine#ADD} (nothing is replaced, only leaves draw). Immutable and thread-safe.
 */
public final class TileTree {

  /**
   * A leaf: its cell (the content's address and local frame) and the region of its buildings.
   *
   * @param buildings how many buildings the statistics counted (the content may skip degenerate ones)
   */
  public record Leaf(QuadCell cell, BoundingRegion region, long buildings) {}

  /** A node: {@code cell} is null only for a root joining the two level-0 cells. */
  record Node(QuadCell cell, BoundingRegion region, double geometricError, boolean leaf, long buildings,
      List<Node> children) {}

  private final Node root;
  private final double geometricError;
  private final Map<QuadCell, Leaf> leaves;

  TileTree(Node root, double geometricError) {
    this.root = root;
    this.geometricError = geometricError;
    Map<QuadCell, Leaf> found = new LinkedHashMap<>();
    if (root != null) {
      collect(root, found);
    }
    this.leaves = Collections.unmodifiableMap(found);
  }

  private static void collect(Node n, Map<QuadCell, Leaf> out) {
    if (n.leaf()) {
      out.put(n.cell(), new Leaf(n.cell(), n.region(), n.buildings()));
    }
    for (Node c : n.children()) {
      collect(c, out);
    }
  }

  /** The content leaves in depth-first order. */
  public List<Leaf> leaves() {
    return new ArrayList<>(leaves.values());
  }

  /** The leaf at that address, if the address is a leaf of this tree. */
  public Optional<Leaf> leaf(QuadCell cell) {
    return Optional.ofNullable(leaves.get(cell));
  }

  public long buildings() {
    return root == null ? 0 : root.buildings();
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** Relative URI of a leaf's content: {@code content/z/x/y.glb} followed by {@code uriSuffix}. */
  public static String contentUri(QuadCell cell, String uriSuffix) {
    return "content/" + cell + ".glb" + uriSuffix;
  }

  /**
   * The tileset.json.
   *
   * @param uriSuffix appended to every content URI (e.g. {@code ?v=…&scenario=3}), "" for none
   * @param tilesetVersion {@code asset.tilesetVersion}, or null
   */
  public JsonObject toJson(String uriSuffix, String tilesetVersion) {
    if (root == null) {
      // No buildings: a valid tileset with one empty tile (the whole globe at zero height).
      TileNode empty = new TileNode(BoundingRegion.fromDegrees(-180, -90, 180, 90, 0, 0), 0, Refine.ADD, null, null,
          null, List.of());
      return TilesetWriter.toJson(empty, 0, tilesetVersion);
    }
    return TilesetWriter.toJson(tileNode(root, uriSuffix, true), geometricError, tilesetVersion);
  }

  private static TileNode tileNode(Node n, String suffix, boolean isRoot) {
    Refine refine = isRoot ? Refine.ADD : null;
    if (n.leaf()) {
      return new TileNode(n.region(), 0, refine, contentUri(n.cell(), suffix), null, n.cell().frame().enuToEcef(),
          List.of());
    }
    List<TileNode> children = new ArrayList<>(n.children().size());
    for (Node c : n.children()) {
      children.add(tileNode(c, suffix, false));
    }
    return new TileNode(n.region(), n.geometricError(), refine, null, null, null, children);
  }
}
