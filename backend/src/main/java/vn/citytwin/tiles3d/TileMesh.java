package vn.citytwin.tiles3d;

import java.util.Arrays;

/**
 * A growable triangle mesh for one tile, held in primitive arrays (no boxing): positions and normals as float32,
 * colours as linear RGBA 16-bit unsigned normalised, one feature index per vertex, and 32-bit triangle indices.
 *
 * <p>Callers add vertices in local east-north-up metres ({@link #addVertex}); the mesh stores them in glTF's y-up
 * axes, {@code (x, y, z)_gltf = (east, up, −north)}, because 3D Tiles rotates glTF content from y-up to z-up
 * before applying the tile transform. This rotation keeps handedness, so counter-clockwise seen from outside in
 * ENU stays counter-clockwise (front-facing) in glTF. Not thread-safe; one mesh per tile being built.
 */
public final class TileMesh {
  private float[] positions = new float[3 * 1024];
  private float[] normals = new float[3 * 1024];
  private short[] colors = new short[4 * 1024];
  private float[] featureIds = new float[1024];
  private int[] indices = new int[3 * 1024];
  private int vertexCount;
  private int indexCount;
  private final float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
  private final float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};

  /**
   * Adds one vertex given in ENU metres with its ENU normal (any length > 0; normalised here), linear colour
   * {@code linearRgba} (four 16-bit values packed by {@link SrgbColor#toLinear16}) and feature index.
   *
   * @return the new vertex's index
   */
  public int addVertex(double e, double n, double u, double ne, double nn, double nu, long linearRgba,
      int featureId) {
    int v = vertexCount;
    if (v * 3 + 3 > positions.length) {
      grow();
    }
    float x = (float) e;
    float y = (float) u;
    float z = (float) -n;
    int p = v * 3;
    positions[p] = x;
    positions[p + 1] = y;
    positions[p + 2] = z;
    double len = Math.sqrt(ne * ne + nn * nn + nu * nu);
    normals[p] = (float) (ne / len);
    normals[p + 1] = (float) (nu / len);
    normals[p + 2] = (float) (-nn / len);
    int c = v * 4;
    colors[c] = (short) (linearRgba >>> 48);
    colors[c + 1] = (short) (linearRgba >>> 32);
    colors[c + 2] = (short) (linearRgba >>> 16);
    colors[c + 3] = (short) linearRgba;
    featureIds[v] = featureId;
    if (x < min[0]) min[0] = x;
    if (y < min[1]) min[1] = y;
    if (z < min[2]) min[2] = z;
    if (x > max[0]) max[0] = x;
    if (y > max[1]) max[1] = y;
    if (z > max[2]) max[2] = z;
    vertexCount = v + 1;
    return v;
  }

  /** Adds a triangle of existing vertex indices, in counter-clockwise order seen from its front. */
  public void addTriangle(int a, int b, int c) {
    if (indexCount + 3 > indices.length) {
      indices = Arrays.copyOf(indices, indices.length * 2);
    }
    indices[indexCount++] = a;
    indices[indexCount++] = b;
    indices[indexCount++] = c;
  }

  public int vertexCount() {
    return vertexCount;
  }

  public int indexCount() {
    return indexCount;
  }

  public int triangleCount() {
    return indexCount / 3;
  }

  /** The backing arrays: only the first {@code vertexCount * k} / {@code indexCount} entries are meaningful. */
  float[] positions() {
    return positions;
  }

  float[] normals() {
    return normals;
  }

  short[] colors() {
    return colors;
  }

  float[] featureIds() {
    return featureIds;
  }

  int[] indices() {
    return indices;
  }

  /** Component-wise minimum of the stored (glTF-axis, float32) positions; +∞ when empty. */
  public float[] min() {
    return min.clone();
  }

  /** Component-wise maximum of the stored (glTF-axis, float32) positions; −∞ when empty. */
  public float[] max() {
    return max.clone();
  }

  /**
   * Copies the mesh into {@code parts} meshes: vertex v goes to part {@code partOfFeature[featureId(v)]} and each
   * triangle follows its first vertex (a triangle never spans features, so it never spans parts). Vertices and
   * triangles keep their relative order, normals and positions are copied as stored (no renormalising), and each
   * part's bounds are recomputed from its own vertices.
   */
  TileMesh[] split(int[] partOfFeature, int parts) {
    TileMesh[] out = new TileMesh[parts];
    for (int i = 0; i < parts; i++) {
      out[i] = new TileMesh();
    }
    int[] newIndex = new int[vertexCount];
    for (int v = 0; v < vertexCount; v++) {
      newIndex[v] = out[partOfFeature[(int) featureIds[v]]].copyVertex(this, v);
    }
    for (int i = 0; i < indexCount; i += 3) {
      TileMesh part = out[partOfFeature[(int) featureIds[indices[i]]]];
      part.addTriangle(newIndex[indices[i]], newIndex[indices[i + 1]], newIndex[indices[i + 2]]);
    }
    return out;
  }

  private int copyVertex(TileMesh from, int fv) {
    int v = vertexCount;
    if (v * 3 + 3 > positions.length) {
      grow();
    }
    System.arraycopy(from.positions, fv * 3, positions, v * 3, 3);
    System.arraycopy(from.normals, fv * 3, normals, v * 3, 3);
    System.arraycopy(from.colors, fv * 4, colors, v * 4, 4);
    featureIds[v] = from.featureIds[fv];
    for (int k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], positions[v * 3 + k]);
      max[k] = Math.max(max[k], positions[v * 3 + k]);
    }
    vertexCount = v + 1;
    return v;
  }

  private void grow() {
    int cap = positions.length / 3 * 2;
    positions = Arrays.copyOf(positions, cap * 3);
    normals = Arrays.copyOf(normals, cap * 3);
    colors = Arrays.copyOf(colors, cap * 4);
    featureIds = Arrays.copyOf(featureIds, cap);
  }
}
