package vn.citytwin.tiles3d;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the quadtree from per-cell statistics gathered on a fine grid (one aggregate query, see
 * {@link Tiles3dSql#cellStats}). Pure and stateless.
 *
 * <p>Policy, from the level-0 cells down:
 * <ul>
 *   <li>A cell coarser than {@code minLeafLevel}, or holding more than {@code maxBuildingsPerLeaf} buildings, is
 *       split into its non-empty quadrants; at the fine level it becomes a leaf whatever its count.
 *   <li>A leaf whose buildings all lie in one quadrant moves down into it (a tighter cell, a closer frame); an
 *       interior node with one non-empty quadrant is replaced by that quadrant's node, so there are no chains.
 *   <li>A leaf's region is the union of its buildings' footprints and heights (from the statistics); an interior
 *       region is the union of its children's, so it contains them by construction.
 *   <li>Geometric error: 0 at leaves; an interior node at level z has 1/8 of its cell's side in metres
 *       ({@link QuadCell#sizeMetres}), so with CesiumJS's default maximum screen-space error (16) on a 1080-pixel
 *       tall view its children load once the camera is within about 7 cell sides. The tileset's error is twice the
 *       root's (or the root cell's 1/8 side when the root itself is the only leaf).
 * </ul>
 */
public final class TileTreeBuilder {
  private final int fineLevel;
  private final int minLeafLevel;
  private final int maxBuildingsPerLeaf;

  public TileTreeBuilder(int fineLevel, int minLeafLevel, int maxBuildingsPerLeaf) {
    if (minLeafLevel < 0 || minLeafLevel > fineLevel || fineLevel > QuadCell.MAX_LEVEL || maxBuildingsPerLeaf < 1) {
      throw new IllegalArgumentException("need 0 <= minLeafLevel <= fineLevel <= " + QuadCell.MAX_LEVEL
          + " and maxBuildingsPerLeaf >= 1");
    }
    this.fineLevel = fineLevel;
    this.minLeafLevel = minLeafLevel;
    this.maxBuildingsPerLeaf = maxBuildingsPerLeaf;
  }

  public static TileTreeBuilder of(Tiles3dOptions o) {
    return new TileTreeBuilder(o.fineLevel(), o.minLeafLevel(), o.maxBuildingsPerLeaf());
  }

  /**
   * Builds the tree.
   *
   * @param cells statistics of the non-empty fine cells, each cell at most once, columns and rows inside the fine
   *     grid; empty gives an empty tree
   * @throws IllegalArgumentException for a cell outside the fine grid
   */
  public TileTree build(List<CellStats> cells) {
    for (CellStats c : cells) {
      if (c.column() < 0 || c.column() >= QuadCell.columns(fineLevel) || c.row() < 0
          || c.row() >= QuadCell.rows(fineLevel)) {
        throw new IllegalArgumentException("cell " + c.column() + "/" + c.row() + " outside the fine grid");
      }
    }
    List<TileTree.Node> tops = new ArrayList<>();
    for (int x = 0; x < 2; x++) {
      List<CellStats> inside = new ArrayList<>();
      for (CellStats c : cells) {
        if (c.column() >> fineLevel == x) {
          inside.add(c);
        }
      }
      if (!inside.isEmpty()) {
        tops.add(node(new QuadCell(0, x, 0), inside));
      }
    }
    if (tops.isEmpty()) {
      return new TileTree(null, 0);
    }
    TileTree.Node root = tops.size() == 1 ? tops.get(0) : joined(tops);
    double error = root.leaf() ? errorAt(root.cell().z()) : 2 * root.geometricError();
    return new TileTree(root, error);
  }

  private TileTree.Node node(QuadCell cell, List<CellStats> cells) {
    long count = count(cells);
    if (cell.z() == fineLevel || (cell.z() >= minLeafLevel && count <= maxBuildingsPerLeaf)) {
      return leaf(cell, cells, count);
    }
    List<TileTree.Node> children = new ArrayList<>(4);
    for (List<CellStats> quadrant : quadrants(cell, cells)) {
      if (!quadrant.isEmpty()) {
        children.add(node(childOf(cell, quadrant.get(0)), quadrant));
      }
    }
    if (children.size() == 1) {
      return children.get(0);
    }
    BoundingRegion region = children.get(0).region();
    for (TileTree.Node c : children) {
      region = region.union(c.region());
    }
    return new TileTree.Node(cell, region, errorAt(cell.z()), false, count, List.copyOf(children));
  }

  private TileTree.Node leaf(QuadCell cell, List<CellStats> cells, long count) {
    QuadCell at = cell;
    while (at.z() < fineLevel) {
      List<List<CellStats>> parts = quadrants(at, cells);
      List<CellStats> only = null;
      int nonEmpty = 0;
      for (List<CellStats> p : parts) {
        if (!p.isEmpty()) {
          nonEmpty++;
          only = p;
        }
      }
      if (nonEmpty != 1) {
        break;
      }
      at = childOf(at, only.get(0));
    }
    BoundingRegion region = cells.get(0).region();
    for (CellStats c : cells) {
      region = region.union(c.region());
    }
    return new TileTree.Node(at, region, 0, true, count, List.of());
  }

  private TileTree.Node joined(List<TileTree.Node> tops) {
    BoundingRegion region = tops.get(0).region();
    double error = 0;
    long count = 0;
    for (TileTree.Node t : tops) {
      region = region.union(t.region());
      error = Math.max(error, t.leaf() ? errorAt(t.cell().z()) : t.geometricError());
      count += t.buildings();
    }
    return new TileTree.Node(null, region, 2 * error, false, count, List.copyOf(tops));
  }

  /** The four quadrants of {@code cell} (NW, NE, SW, SE), each with the fine cells inside it. */
  private List<List<CellStats>> quadrants(QuadCell cell, List<CellStats> cells) {
    List<List<CellStats>> q = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int shift = fineLevel - cell.z() - 1;
    for (CellStats c : cells) {
      int i = (int) ((c.row() >> shift) & 1) * 2 + (int) ((c.column() >> shift) & 1);
      q.get(i).add(c);
    }
    return q;
  }

  private QuadCell childOf(QuadCell cell, CellStats member) {
    return QuadCell.ancestor(member.column(), member.row(), fineLevel, cell.z() + 1);
  }

  private static long count(List<CellStats> cells) {
    long n = 0;
    for (CellStats c : cells) {
      n += c.count();
    }
    return n;
  }

  /** Geometric error of an interior node at level z: an eighth of the cell's side, metres. */
  static double errorAt(int z) {
    return QuadCell.sizeMetres(z) / 8;
  }
}
