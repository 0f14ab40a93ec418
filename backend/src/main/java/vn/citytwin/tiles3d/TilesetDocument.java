package vn.citytwin.tiles3d;

/**
 * A tileset.json as served: the encoded JSON (UTF-8), the same bytes gzip-compressed (compressed once, not per
 * request), its strong ETag, and the tree it describes.
 */
public record TilesetDocument(byte[] json, byte[] gzipped, String etag, TileTree tree) {}
