package vn.citytwin.tiles3d;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a {@link TileMesh} and its {@link PropertyTable} as one binary glTF 2.0 asset (glb) for 3D Tiles 1.1.
 *
 * <p>Layout: one buffer (the BIN chunk) and, for each part of {@link QuantizedParts}, one root node and one mesh
 * with one triangle primitive (a tile that fits the 1 cm grid is one part). With {@code KHR_mesh_quantization}
 * (declared used and required when some part quantizes), a quantized part stores {@code POSITION} as unsigned short
 * VEC3 on its own grid ({@link QuantizedPositions}), padded to 8 bytes a vertex ({@code byteStride} 8) and
 * dequantized by its node's {@code scale} and {@code translation}; a part that does not fit keeps float32
 * positions and a node without transform. Normals are then normalised signed bytes padded to 4 bytes
 * ({@code byteStride} 4) in every part. When no part quantizes, the tile is the plain layout: one node, float32
 * VEC3 positions and normals, no node transform, no extension. Then, per part, {@code COLOR_0} (linear RGBA,
 * unsigned short normalised), {@code _FEATURE_ID_0} (float32, the row of the property table) and indices
 * (unsigned short when the part has fewer than 65 535 vertices, else unsigned int). Each primitive carries
 * {@code EXT_mesh_features} (one feature-ID set bound to attribute 0 and property table 0; feature ids are rows
 * of the tile's single table whatever part holds them, so picking reads the same row); the root carries
 * {@code EXT_structural_metadata} with the schema and the table, whose columns live in buffer views of the same
 * buffer. One opaque (or, if any colour has alpha below 255, blended) non-metallic white material, shared by all
 * primitives, lets the vertex colours show as given.
 *
 * <p>Alignment: every buffer view starts on an 8-byte boundary (EXT_structural_metadata's rule for 64-bit values,
 * stricter than glTF's 4); the JSON chunk is space-padded so the BIN chunk's data starts on an 8-byte boundary
 * of the file, and the BIN chunk is zero-padded to a multiple of 8 that equals the buffer's byteLength exactly.
 * An empty mesh yields a valid glb with an empty scene and no extensions.
 */
public final class GlbWriter {
  private static final int GLB_MAGIC = 0x46546C67; // "glTF"
  private static final int CHUNK_JSON = 0x4E4F534A;
  private static final int CHUNK_BIN = 0x004E4942;
  private static final int ARRAY_BUFFER = 34962;
  private static final int ELEMENT_ARRAY_BUFFER = 34963;
  private static final int BYTE = 5120;
  private static final int FLOAT = 5126;
  private static final int UNSIGNED_SHORT = 5123;
  private static final int UNSIGNED_INT = 5125;
  private static final String KHR_MESH_QUANTIZATION = "KHR_mesh_quantization";
  private static final String GENERATOR = "CityTwin tiles3d";

  private GlbWriter() {}

  /**
   * @param table one row per feature id used in the mesh; its count must cover every feature id
   * @throws IllegalArgumentException if the mesh is not empty and the table has no rows
   */
  public static byte[] write(TileMesh mesh, PropertyTable table) {
    return write(mesh, table, true);
  }

  /**
   * @param quantize use KHR_mesh_quantization when the mesh fits ({@link QuantizedPositions#of}); false writes the
   *     float layout (tests compare the two)
   */
  static byte[] write(TileMesh mesh, PropertyTable table, boolean quantize) {
    if (mesh.vertexCount() == 0) {
      return assemble(emptyGltf(), 0, List.of());
    }
    if (table.count() == 0) {
      throw new IllegalArgumentException("a non-empty mesh needs a property table with rows");
    }
    List<QuantizedParts.Part> parts = quantize ? QuantizedParts.of(mesh)
        : List.of(new QuantizedParts.Part(mesh, null));
    boolean quantized = parts.stream().anyMatch(p -> p.quantized() != null);
    Layout layout = new Layout();
    JsonArray accessors = new JsonArray();
    JsonArray nodes = new JsonArray();
    JsonArray meshes = new JsonArray();
    JsonArray sceneNodes = new JsonArray();
    for (QuantizedParts.Part part : parts) {
      JsonObject node = new JsonObject().put("mesh", meshes.size());
      if (part.quantized() != null) {
        double s = part.quantized().step();
        double[] t = part.quantized().translation();
        node.put("translation", new JsonArray().add(t[0]).add(t[1]).add(t[2]))
            .put("scale", new JsonArray().add(s).add(s).add(s));
      }
      meshes.add(new JsonObject().put("primitives",
          new JsonArray().add(primitive(part, quantized, table, layout, accessors))));
      sceneNodes.add(nodes.size());
      nodes.add(node);
    }
    JsonObject gltf = new JsonObject()
        .put("asset", new JsonObject().put("version", "2.0").put("generator", GENERATOR))
        .put("extensionsUsed", new JsonArray().add("EXT_mesh_features").add("EXT_structural_metadata"))
        .put("scene", 0)
        .put("scenes", new JsonArray().add(new JsonObject().put("nodes", sceneNodes)))
        .put("nodes", nodes)
        .put("meshes", meshes)
        .put("materials", new JsonArray().add(material(hasTranslucency(mesh))))
        .put("accessors", accessors)
        .put("extensions", new JsonObject().put("EXT_structural_metadata", metadata(table, layout)));
    if (quantized) {
      gltf.getJsonArray("extensionsUsed").add(KHR_MESH_QUANTIZATION);
      gltf.put("extensionsRequired", new JsonArray().add(KHR_MESH_QUANTIZATION));
    }
    gltf.put("bufferViews", layout.toJson());
    gltf.put("buffers", new JsonArray().add(new JsonObject().put("byteLength", layout.length())));
    return assemble(gltf, layout.length(), layout.views);
  }

  /**
   * Lays out one part's vertex and index views, appends its five accessors and returns its triangle primitive.
   *
   * @param byteNormals the asset uses KHR_mesh_quantization, so normals are bytes even where positions are float
   */
  private static JsonObject primitive(QuantizedParts.Part part, boolean byteNormals, PropertyTable table,
      Layout layout, JsonArray accessors) {
    TileMesh mesh = part.mesh();
    QuantizedPositions quantized = part.quantized();
    int vc = mesh.vertexCount();
    int ic = mesh.indexCount();
    boolean shortIndices = vc < 0xFFFF; // 65535 itself is the primitive-restart value, which glTF forbids
    int positions = quantized == null
        ? layout.view(vc * 12, ARRAY_BUFFER, b -> b.asFloatBuffer().put(mesh.positions(), 0, vc * 3))
        : layout.view(vc * 8, ARRAY_BUFFER, 8, b -> writePadded(b, quantized.values(), vc));
    int normals = byteNormals
        ? layout.view(vc * 4, ARRAY_BUFFER, 4, b -> writeNormals(b, mesh.normals(), vc))
        : layout.view(vc * 12, ARRAY_BUFFER, b -> b.asFloatBuffer().put(mesh.normals(), 0, vc * 3));
    int colors = layout.view(vc * 8, ARRAY_BUFFER, b -> b.asShortBuffer().put(mesh.colors(), 0, vc * 4));
    int features = layout.view(vc * 4, ARRAY_BUFFER, b -> b.asFloatBuffer().put(mesh.featureIds(), 0, vc));
    int indices = layout.view(ic * (shortIndices ? 2 : 4), ELEMENT_ARRAY_BUFFER, b -> {
      int[] idx = mesh.indices();
      if (shortIndices) {
        for (int i = 0; i < ic; i++) {
          b.putShort((short) idx[i]);
        }
      } else {
        b.asIntBuffer().put(idx, 0, ic);
      }
    });

    int first = accessors.size();
    accessors
        .add(quantized == null
            ? accessor(positions, FLOAT, vc, "VEC3").put("min", floats(mesh.min())).put("max", floats(mesh.max()))
            : accessor(positions, UNSIGNED_SHORT, vc, "VEC3").put("min", ints(quantized.min()))
                .put("max", ints(quantized.max())))
        .add(byteNormals ? accessor(normals, BYTE, vc, "VEC3").put("normalized", true)
            : accessor(normals, FLOAT, vc, "VEC3"))
        .add(accessor(colors, UNSIGNED_SHORT, vc, "VEC4").put("normalized", true))
        .add(accessor(features, FLOAT, vc, "SCALAR"))
        .add(accessor(indices, shortIndices ? UNSIGNED_SHORT : UNSIGNED_INT, ic, "SCALAR"));
    // Feature ids are rows of the tile's one property table whichever part they are in; featureCount is the
    // number of distinct ids in this primitive (EXT_mesh_features), which for a single part is every row.
    return new JsonObject()
        .put("attributes", new JsonObject().put("POSITION", first).put("NORMAL", first + 1)
            .put("COLOR_0", first + 2).put("_FEATURE_ID_0", first + 3))
        .put("indices", first + 4)
        .put("material", 0)
        .put("mode", 4)
        .put("extensions", new JsonObject().put("EXT_mesh_features", new JsonObject().put("featureIds",
            new JsonArray().add(new JsonObject().put("featureCount", distinctFeatures(mesh)).put("attribute", 0)
                .put("propertyTable", 0)))));
  }

  private static int distinctFeatures(TileMesh mesh) {
    float[] fid = mesh.featureIds();
    BitSet seen = new BitSet();
    for (int v = 0; v < mesh.vertexCount(); v++) {
      seen.set((int) fid[v]);
    }
    return seen.cardinality();
  }

  private static JsonObject metadata(PropertyTable table, Layout layout) {
    PropertySchema schema = table.schema();
    JsonObject classProps = new JsonObject();
    JsonObject tableProps = new JsonObject();
    int rows = table.count();
    for (int i = 0; i < schema.properties().size(); i++) {
      PropertyDef def = schema.properties().get(i);
      PropertyTable.Column column = table.column(i);
      JsonObject cp = new JsonObject();
      if (def.type().isScalar()) {
        cp.put("type", "SCALAR").put("componentType", def.type().name());
      } else {
        cp.put("type", def.type().name());
      }
      if (def.description() != null) {
        cp.put("description", def.description());
      }
      cp.put("required", def.required());
      if (!def.required()) {
        cp.put("noData", def.noData());
      }
      classProps.put(def.name(), cp);
      JsonObject tp = new JsonObject()
          .put("values", layout.view(column.valuesByteLength(rows), 0, b -> column.writeValues(b, rows)));
      if (def.type() == PropertyType.STRING) {
        tp.put("stringOffsets", layout.view(column.offsetsByteLength(rows), 0, b -> column.writeOffsets(b, rows)))
            .put("stringOffsetType", "UINT32");
      }
      tableProps.put(def.name(), tp);
    }
    JsonObject schemaJson = new JsonObject().put("id", schema.id())
        .put("classes", new JsonObject().put(schema.className(), new JsonObject().put("properties", classProps)));
    return new JsonObject().put("schema", schemaJson).put("propertyTables", new JsonArray()
        .add(new JsonObject().put("class", schema.className()).put("count", rows).put("properties", tableProps)));
  }

  private static JsonObject accessor(int view, int componentType, int count, String type) {
    return new JsonObject().put("bufferView", view).put("componentType", componentType).put("count", count)
        .put("type", type);
  }

  private static JsonObject material(boolean blend) {
    return new JsonObject()
        .put("pbrMetallicRoughness", new JsonObject().put("baseColorFactor", new JsonArray().add(1).add(1).add(1).add(1))
            .put("metallicFactor", 0).put("roughnessFactor", 1))
        .put("alphaMode", blend ? "BLEND" : "OPAQUE");
  }

  private static boolean hasTranslucency(TileMesh mesh) {
    short[] c = mesh.colors();
    for (int i = 3; i < mesh.vertexCount() * 4; i += 4) {
      if (c[i] != (short) 0xFFFF) {
        return true;
      }
    }
    return false;
  }

  private static JsonArray floats(float[] v) {
    JsonArray a = new JsonArray();
    for (float f : v) {
      a.add((double) f); // the exact float value, so min/max match the data bit for bit
    }
    return a;
  }

  private static JsonArray ints(int[] v) {
    JsonArray a = new JsonArray();
    for (int i : v) {
      a.add(i);
    }
    return a;
  }

  /** Three unsigned shorts per vertex, then two bytes of padding so every element starts on 4 bytes. */
  private static void writePadded(ByteBuffer b, short[] xyz, int vertexCount) {
    for (int v = 0; v < vertexCount; v++) {
      b.putShort(xyz[3 * v]).putShort(xyz[3 * v + 1]).putShort(xyz[3 * v + 2]).putShort((short) 0);
    }
  }

  /** Unit normals as signed normalised bytes (c / 127), three per vertex and one byte of padding. */
  private static void writeNormals(ByteBuffer b, float[] normals, int vertexCount) {
    for (int v = 0; v < vertexCount; v++) {
      for (int k = 0; k < 3; k++) {
        b.put((byte) Math.round(Math.max(-1f, Math.min(1f, normals[3 * v + k])) * 127));
      }
      b.put((byte) 0);
    }
  }

  private static JsonObject emptyGltf() {
    return new JsonObject()
        .put("asset", new JsonObject().put("version", "2.0").put("generator", GENERATOR))
        .put("scene", 0)
        .put("scenes", new JsonArray().add(new JsonObject()));
  }

  private static byte[] assemble(JsonObject gltf, int binLength, List<View> views) {
    byte[] json = gltf.encode().getBytes(StandardCharsets.UTF_8);
    // 12-byte header + 8-byte chunk header + JSON must end on an 8-byte boundary.
    int jsonPadded = json.length + pad(20 + json.length, 8);
    int total = 12 + 8 + jsonPadded + (binLength > 0 ? 8 + binLength : 0);
    byte[] out = new byte[total];
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(GLB_MAGIC).putInt(2).putInt(total);
    b.putInt(jsonPadded).putInt(CHUNK_JSON).put(json);
    for (int i = json.length; i < jsonPadded; i++) {
      b.put((byte) ' ');
    }
    if (binLength > 0) {
      b.putInt(binLength).putInt(CHUNK_BIN);
      int binStart = b.position();
      for (View v : views) {
        ByteBuffer slice = ByteBuffer.wrap(out, binStart + v.offset, v.length).slice().order(ByteOrder.LITTLE_ENDIAN);
        v.writer.accept(slice);
      }
    }
    return out;
  }

  private static int pad(int length, int alignment) {
    return (alignment - length % alignment) % alignment;
  }

  /** A buffer view: where it goes in the BIN chunk and how to fill it. */
  private record View(int offset, int length, int target, int stride, Consumer<ByteBuffer> writer) {}

  /** Lays buffer views out back to back, each on an 8-byte boundary, before anything is written. */
  private static final class Layout {
    final List<View> views = new ArrayList<>();
    int end;

    /** @param target ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER or 0 for none; returns the view's index */
    int view(int length, int target, Consumer<ByteBuffer> writer) {
      return view(length, target, 0, writer);
    }

    /** @param stride byteStride, or 0 to leave it out (tightly packed elements) */
    int view(int length, int target, int stride, Consumer<ByteBuffer> writer) {
      length = Math.max(length, 1); // glTF forbids empty buffer views (e.g. a column of empty strings)
      int offset = end + pad(end, 8);
      views.add(new View(offset, length, target, stride, writer));
      end = offset + length;
      return views.size() - 1;
    }

    int length() {
      return end + pad(end, 8);
    }

    JsonArray toJson() {
      JsonArray a = new JsonArray();
      for (View v : views) {
        JsonObject o = new JsonObject().put("buffer", 0).put("byteOffset", v.offset).put("byteLength", v.length);
        if (v.stride != 0) {
          o.put("byteStride", v.stride);
        }
        if (v.target != 0) {
          o.put("target", v.target);
        }
        a.add(o);
      }
      return a;
    }
  }
}
