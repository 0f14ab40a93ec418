package vn.citytwin.tiles3d;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side glb decoder written independently of {@link GlbWriter}: parses the header and both chunks, checks
 * the container rules (magic, version, lengths, 8-byte alignment), and reads accessors and the
 * EXT_structural_metadata property table back into Java values.
 */
final class GlbReader {
  final JsonObject json;
  final ByteBuffer bin;
  final int binOffsetInFile;

  GlbReader(byte[] glb) {
    ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    check(b.getInt() == 0x46546C67, "magic");
    check(b.getInt() == 2, "version 2");
    check(b.getInt() == glb.length, "header length equals file length");
    int jsonLength = b.getInt();
    check(b.getInt() == 0x4E4F534A, "first chunk is JSON");
    check(jsonLength % 4 == 0, "JSON chunk length multiple of 4");
    json = new JsonObject(new String(glb, 20, jsonLength, StandardCharsets.UTF_8));
    b.position(20 + jsonLength);
    if (b.remaining() > 0) {
      int binLength = b.getInt();
      check(b.getInt() == 0x004E4942, "second chunk is BIN");
      binOffsetInFile = b.position();
      check(binOffsetInFile % 8 == 0, "BIN data starts on an 8-byte boundary");
      check(binLength % 8 == 0, "BIN chunk padded to 8 bytes");
      check(binOffsetInFile + binLength == glb.length, "BIN chunk ends the file");
      check(json.getJsonArray("buffers").getJsonObject(0).getInteger("byteLength") == binLength,
          "buffer byteLength equals BIN chunk length");
      bin = ByteBuffer.wrap(glb, binOffsetInFile, binLength).slice().order(ByteOrder.LITTLE_ENDIAN);
    } else {
      binOffsetInFile = -1;
      bin = null;
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("glb: " + what);
    }
  }

  ByteBuffer view(int index) {
    JsonObject v = json.getJsonArray("bufferViews").getJsonObject(index);
    int offset = v.getInteger("byteOffset", 0);
    check(offset % 8 == 0, "buffer view " + index + " 8-byte aligned");
    return bin.duplicate().position(offset).limit(offset + v.getInteger("byteLength")).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * An accessor's components as doubles: normalised integers mapped to [0, 1] (unsigned) or [−1, 1] (signed, by
   * glTF's {@code max(c / (2^(b−1) − 1), −1)}), elements read {@code byteStride} apart when the view has one.
   */
  double[] accessor(int index) {
    JsonObject a = json.getJsonArray("accessors").getJsonObject(index);
    int comps = switch (a.getString("type")) {
      case "SCALAR" -> 1;
      case "VEC3" -> 3;
      case "VEC4" -> 4;
      default -> throw new AssertionError(a.getString("type"));
    };
    int componentType = a.getInteger("componentType");
    int size = switch (componentType) {
      case 5120, 5121 -> 1;
      case 5122, 5123 -> 2;
      case 5125, 5126 -> 4;
      default -> throw new AssertionError("componentType " + componentType);
    };
    int count = a.getInteger("count");
    int bufferView = a.getInteger("bufferView");
    ByteBuffer v = view(bufferView);
    int stride = json.getJsonArray("bufferViews").getJsonObject(bufferView).getInteger("byteStride", comps * size);
    check(stride % 4 == 0 || a.getString("type").equals("SCALAR") && stride == size,
        "accessor " + index + ": vertex elements 4-byte aligned");
    int start = a.getInteger("byteOffset", 0);
    boolean normalized = a.getBoolean("normalized", false);
    double[] out = new double[count * comps];
    for (int e = 0; e < count; e++) {
      for (int c = 0; c < comps; c++) {
        int at = start + e * stride + c * size;
        out[e * comps + c] = switch (componentType) {
          case 5120 -> normalized ? Math.max(v.get(at) / 127.0, -1) : v.get(at);
          case 5121 -> normalized ? (v.get(at) & 0xFF) / 255.0 : v.get(at) & 0xFF;
          case 5122 -> normalized ? Math.max(v.getShort(at) / 32767.0, -1) : v.getShort(at);
          case 5123 -> normalized ? (v.getShort(at) & 0xFFFF) / 65535.0 : v.getShort(at) & 0xFFFF;
          case 5125 -> v.getInt(at) & 0xFFFFFFFFL;
          default -> v.getFloat(at);
        };
      }
    }
    return out;
  }

  /** The first node's primitive (a tile that fits one quantization grid, or a float tile, has only that one). */
  JsonObject primitive() {
    return primitive(0);
  }

  int nodeCount() {
    return json.getJsonArray("nodes").size();
  }

  /** Node i's mesh's primitive: the writer gives every node its own mesh with exactly one primitive. */
  JsonObject primitive(int node) {
    JsonObject mesh = json.getJsonArray("meshes").getJsonObject(json.getJsonArray("nodes").getJsonObject(node)
        .getInteger("mesh"));
    check(mesh.getJsonArray("primitives").size() == 1, "one primitive per mesh");
    return mesh.getJsonArray("primitives").getJsonObject(0);
  }

  /**
   * POSITION in the tile's frame (glTF axes, metres), all nodes' primitives one after the other: each node's stored
   * values through its {@code scale} and {@code translation}, which is how KHR_mesh_quantization's quantized
   * positions are decoded (this writer puts no rotation or matrix on a node and every node is a root of the scene;
   * the reader refuses anything else rather than ignore it).
   */
  double[] positions() {
    check(json.getJsonArray("scenes").getJsonObject(0).getJsonArray("nodes").size() == nodeCount(),
        "every node is a root of the scene");
    List<double[]> parts = new ArrayList<>();
    for (int n = 0; n < nodeCount(); n++) {
      double[] p = accessor(primitive(n).getJsonObject("attributes").getInteger("POSITION"));
      JsonObject node = json.getJsonArray("nodes").getJsonObject(n);
      check(!node.containsKey("rotation") && !node.containsKey("matrix") && !node.containsKey("children"),
          "node has only scale and translation");
      JsonArray s = node.getJsonArray("scale", new JsonArray().add(1).add(1).add(1));
      JsonArray t = node.getJsonArray("translation", new JsonArray().add(0).add(0).add(0));
      for (int i = 0; i < p.length; i++) {
        p[i] = p[i] * s.getDouble(i % 3) + t.getDouble(i % 3);
      }
      parts.add(p);
    }
    return concat(parts);
  }

  /** An attribute of all nodes' primitives, one after the other (in the order of {@link #positions}). */
  double[] attribute(String name) {
    List<double[]> parts = new ArrayList<>();
    for (int n = 0; n < nodeCount(); n++) {
      parts.add(accessor(primitive(n).getJsonObject("attributes").getInteger(name)));
    }
    return concat(parts);
  }

  /** All primitives' triangles, each primitive's indices shifted by the vertices of the primitives before it. */
  int[] indices() {
    List<double[]> parts = new ArrayList<>();
    int offset = 0;
    for (int n = 0; n < nodeCount(); n++) {
      JsonObject primitive = primitive(n);
      double[] d = accessor(primitive.getInteger("indices"));
      for (int i = 0; i < d.length; i++) {
        d[i] += offset;
      }
      parts.add(d);
      offset += json.getJsonArray("accessors")
          .getJsonObject(primitive.getJsonObject("attributes").getInteger("POSITION")).getInteger("count");
    }
    double[] all = concat(parts);
    int[] out = new int[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = (int) all[i];
    }
    return out;
  }

  private static double[] concat(List<double[]> parts) {
    double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** The property table, column by column, with noData values left as stored. */
  Map<String, List<Object>> propertyTable() {
    JsonObject meta = json.getJsonObject("extensions").getJsonObject("EXT_structural_metadata");
    JsonObject table = meta.getJsonArray("propertyTables").getJsonObject(0);
    JsonObject cls = meta.getJsonObject("schema").getJsonObject("classes").getJsonObject(table.getString("class"));
    int count = table.getInteger("count");
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (String name : table.getJsonObject("properties").fieldNames()) {
      JsonObject tp = table.getJsonObject("properties").getJsonObject(name);
      JsonObject def = cls.getJsonObject("properties").getJsonObject(name);
      ByteBuffer values = view(tp.getInteger("values"));
      List<Object> column = new ArrayList<>();
      String type = def.getString("type");
      if (type.equals("STRING")) {
        check("UINT32".equals(tp.getString("stringOffsetType")), "UINT32 string offsets");
        ByteBuffer offsets = view(tp.getInteger("stringOffsets"));
        for (int i = 0; i < count; i++) {
          int s = offsets.getInt(4 * i);
          int e = offsets.getInt(4 * i + 4);
          byte[] bytes = new byte[e - s];
          values.get(s, bytes);
          column.add(new String(bytes, StandardCharsets.UTF_8));
        }
      } else if (type.equals("BOOLEAN")) {
        for (int i = 0; i < count; i++) {
          column.add((values.get(i / 8) >> (i % 8) & 1) == 1);
        }
      } else {
        for (int i = 0; i < count; i++) {
          column.add(switch (def.getString("componentType")) {
            case "INT8" -> (long) values.get();
            case "UINT8" -> (long) (values.get() & 0xFF);
            case "INT16" -> (long) values.getShort();
            case "UINT16" -> (long) (values.getShort() & 0xFFFF);
            case "INT32" -> (long) values.getInt();
            case "UINT32" -> values.getInt() & 0xFFFFFFFFL;
            case "INT64" -> values.getLong();
            case "FLOAT32" -> (double) values.getFloat();
            case "FLOAT64" -> values.getDouble();
            default -> throw new AssertionError(def.getString("componentType"));
          });
        }
      }
      out.put(name, column);
    }
    return out;
  }

  JsonArray extensionsUsed() {
    return json.getJsonArray("extensionsUsed");
  }
}
