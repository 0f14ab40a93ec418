package vn.citytwin.tiles3d;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the tileset.json rules that matter to CesiumJS and the 3D Tiles 1.1 spec, returning the violations:
 * asset version 1.1; tileset geometric error present and ≥ the root's; refine at the root (ADD or REPLACE
 * wherever given); every tile a well-formed region; children and content regions inside their tile's region;
 * geometric error non-increasing from parent to child and 0 at content leaves; content URIs non-blank; transforms
 * 16 numbers with a last row of (0, 0, 0, 1).
 */
final class TilesetChecker {
  private static final double EPS_RAD = 1e-9; // ≈ 6 mm
  private static final double EPS_M = 1e-3;

  private TilesetChecker() {}

  static List<String> check(JsonObject tileset) {
    List<String> problems = new ArrayList<>();
    JsonObject asset = tileset.getJsonObject("asset");
    if (asset == null || !"1.1".equals(asset.getString("version"))) {
      problems.add("asset.version must be \"1.1\"");
    }
    JsonObject root = tileset.getJsonObject("root");
    Double error = tileset.getDouble("geometricError");
    if (root == null) {
      problems.add("no root");
      return problems;
    }
    if (error == null || error < 0) {
      problems.add("tileset geometricError missing or negative");
    } else if (error < root.getDouble("geometricError", Double.NaN)) {
      problems.add("tileset geometricError below the root's");
    }
    if (root.getString("refine") == null) {
      problems.add("root: refine missing");
    }
    tile(root, "root", null, Double.POSITIVE_INFINITY, problems);
    return problems;
  }

  private static void tile(JsonObject t, String path, BoundingRegion parentRegion, double parentError,
      List<String> problems) {
    BoundingRegion region = region(t.getJsonObject("boundingVolume"), path, problems);
    Double error = t.getDouble("geometricError");
    if (error == null || error < 0) {
      problems.add(path + ": geometricError missing or negative");
      error = 0.0;
    } else if (error > parentError) {
      problems.add(path + ": geometricError " + error + " exceeds the parent's " + parentError);
    }
    String refine = t.getString("refine");
    if (refine != null && !refine.equals("ADD") && !refine.equals("REPLACE")) {
      problems.add(path + ": refine must be ADD or REPLACE");
    }
    if (region != null && parentRegion != null && !parentRegion.contains(region, EPS_RAD, EPS_M)) {
      problems.add(path + ": region not inside the parent's");
    }
    JsonArray transform = t.getJsonArray("transform");
    if (transform != null && (transform.size() != 16 || transform.getDouble(3) != 0 || transform.getDouble(7) != 0
        || transform.getDouble(11) != 0 || transform.getDouble(15) != 1)) {
      problems.add(path + ": transform must be an affine 4x4 column-major matrix");
    }
    JsonObject content = t.getJsonObject("content");
    if (content != null) {
      String uri = content.getString("uri");
      if (uri == null || uri.isBlank()) {
        problems.add(path + ": content without uri");
      }
      if (content.containsKey("boundingVolume")) {
        BoundingRegion cr = region(content.getJsonObject("boundingVolume"), path + ".content", problems);
        if (cr != null && region != null && !region.contains(cr, EPS_RAD, EPS_M)) {
          problems.add(path + ": content region not inside the tile's");
        }
      }
    }
    JsonArray children = t.getJsonArray("children");
    if (children == null || children.isEmpty()) {
      if (content != null && error != 0) {
        problems.add(path + ": leaf geometricError must be 0");
      }
      return;
    }
    for (int i = 0; i < children.size(); i++) {
      tile(children.getJsonObject(i), path + ".children[" + i + "]", region, error, problems);
    }
  }

  private static BoundingRegion region(JsonObject bv, String path, List<String> problems) {
    JsonArray r = bv == null ? null : bv.getJsonArray("region");
    if (r == null || r.size() != 6) {
      problems.add(path + ": boundingVolume.region with 6 numbers required");
      return null;
    }
    try {
      return new BoundingRegion(r.getDouble(0), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
          r.getDouble(5));
    } catch (IllegalArgumentException e) {
      problems.add(path + ": " + e.getMessage());
      return null;
    }
  }
}
