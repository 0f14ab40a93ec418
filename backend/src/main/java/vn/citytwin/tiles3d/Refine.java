package vn.citytwin.tiles3d;

/** How a tile's children refine it (3D Tiles {@code refine}). */
public enum Refine {
  /** Children are drawn in addition to the parent's content (e.g. large buildings in a parent, small in leaves). */
  ADD,
  /** Children replace the parent's content. */
  REPLACE
}
