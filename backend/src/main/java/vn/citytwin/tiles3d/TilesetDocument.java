package vn.citytwin.tiles3d;

/**
 * A tileset.json as served: the encoded JSON (UTF-8), its strong ETag, and the tree it describes.
 */
public record TilesetDocument(byte[] json, String etag, TileTree tree) {}
