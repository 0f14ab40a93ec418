package vn.citytwin.tiles3d;

/**
 * The 3D Metadata types a {@link PropertyDef} can have: {@code STRING}, {@code BOOLEAN} or a {@code SCALAR} of
 * one component type. UINT64 is left out (Java has no unsigned long that callers would pass naturally).
 */
public enum PropertyType {
  STRING(0, 0, 0),
  BOOLEAN(0, 0, 0),
  INT8(1, Byte.MIN_VALUE, Byte.MAX_VALUE),
  UINT8(1, 0, 0xFF),
  INT16(2, Short.MIN_VALUE, Short.MAX_VALUE),
  UINT16(2, 0, 0xFFFF),
  INT32(4, Integer.MIN_VALUE, Integer.MAX_VALUE),
  UINT32(4, 0, 0xFFFF_FFFFL),
  INT64(8, Long.MIN_VALUE, Long.MAX_VALUE),
  FLOAT32(4, 0, 0),
  FLOAT64(8, 0, 0);

  private final int byteSize;
  private final long min;
  private final long max;

  PropertyType(int byteSize, long min, long max) {
    this.byteSize = byteSize;
    this.min = min;
    this.max = max;
  }

  /** Bytes per value for scalars; 0 for STRING and BOOLEAN (variable length / bit-packed). */
  public int byteSize() {
    return byteSize;
  }

  public boolean isScalar() {
    return byteSize > 0;
  }

  public boolean isInteger() {
    return isScalar() && this != FLOAT32 && this != FLOAT64;
  }

  /** Smallest representable value of an integer type. */
  long min() {
    return min;
  }

  /** Largest representable value of an integer type. */
  long max() {
    return max;
  }
}
