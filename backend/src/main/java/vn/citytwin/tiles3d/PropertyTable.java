package vn.citytwin.tiles3d;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows of an {@code EXT_structural_metadata} property table, one per feature, stored column by column in
 * primitive arrays, ready to be written into glb buffer views by {@link GlbWriter}.
 *
 * <p>Row i belongs to feature id i. Values come from each row's map by property name: STRING takes any object's
 * {@code toString()}, integer types take integral Numbers within range, float types any Number, BOOLEAN a
 * Boolean; a missing (absent or null) value becomes the property's noData. Binary layout follows the 3D Metadata
 * spec: scalars little-endian; strings as UTF-8 bytes plus UINT32 offsets (count + 1 of them); booleans as a
 * bitstream, least significant bit first. Not thread-safe.
 */
public final class PropertyTable {
  private final PropertySchema schema;
  private final Column[] columns;
  private int count;

  public PropertyTable(PropertySchema schema) {
    this.schema = schema;
    List<PropertyDef> defs = schema.properties();
    this.columns = new Column[defs.size()];
    for (int i = 0; i < columns.length; i++) {
      PropertyDef def = defs.get(i);
      columns[i] = switch (def.type()) {
        case STRING -> new StringColumn(def);
        case BOOLEAN -> new BooleanColumn(def);
        case FLOAT32, FLOAT64 -> new FloatColumn(def);
        default -> new IntegerColumn(def);
      };
    }
  }

  /**
   * Appends one feature's values. The row is all-or-nothing: on an exception no column keeps a value.
   *
   * @throws IllegalArgumentException if a required value is missing or a value does not fit its property
   */
  public void addRow(Map<String, Object> values) {
    List<PropertyDef> defs = schema.properties();
    Object[] row = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      PropertyDef def = defs.get(i);
      Object v = values.get(def.name());
      if (v == null) {
        if (def.required()) {
          throw new IllegalArgumentException("required property '" + def.name() + "' is missing");
        }
        v = def.noData();
      }
      columns[i].check(v);
      row[i] = v;
    }
    for (int i = 0; i < columns.length; i++) {
      columns[i].add(row[i], count);
    }
    count++;
  }

  public PropertySchema schema() {
    return schema;
  }

  /** Number of rows (features). */
  public int count() {
    return count;
  }

  /** Column i, in schema order. */
  Column column(int i) {
    return columns[i];
  }

  /** One property's stored values. */
  abstract static sealed class Column permits StringColumn, BooleanColumn, FloatColumn, IntegerColumn {
    final PropertyDef def;

    Column(PropertyDef def) {
      this.def = def;
    }

    /** Throws IllegalArgumentException if {@code value} (non-null) cannot be stored. */
    abstract void check(Object value);

    abstract void add(Object value, int row);

    /** Length in bytes of the values buffer view. */
    abstract int valuesByteLength(int rows);

    abstract void writeValues(ByteBuffer out, int rows);

    /** Length of the string offsets buffer view; 0 if the property has none. */
    int offsetsByteLength(int rows) {
      return 0;
    }

    void writeOffsets(ByteBuffer out, int rows) {}
  }

  static final class StringColumn extends Column {
    private byte[] bytes = new byte[256];
    private int[] offsets = new int[65];
    private int length;

    StringColumn(PropertyDef def) {
      super(def);
    }

    @Override
    void check(Object value) {}

    @Override
    void add(Object value, int row) {
      byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
      if (length + utf8.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + utf8.length));
      }
      System.arraycopy(utf8, 0, bytes, length, utf8.length);
      length += utf8.length;
      if (row + 2 > offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[row + 1] = length;
    }

    @Override
    int valuesByteLength(int rows) {
      return length;
    }

    @Override
    void writeValues(ByteBuffer out, int rows) {
      out.put(bytes, 0, length);
    }

    @Override
    int offsetsByteLength(int rows) {
      return 4 * (rows + 1);
    }

    @Override
    void writeOffsets(ByteBuffer out, int rows) {
      for (int i = 0; i <= rows; i++) {
        out.putInt(offsets[i]);
      }
    }
  }

  static final class BooleanColumn extends Column {
    private byte[] bits = new byte[16];

    BooleanColumn(PropertyDef def) {
      super(def);
    }

    @Override
    void check(Object value) {
      if (!(value instanceof Boolean)) {
        throw new IllegalArgumentException("property '" + def.name() + "' needs a boolean");
      }
    }

    @Override
    void add(Object value, int row) {
      if (row / 8 >= bits.length) {
        bits = Arrays.copyOf(bits, bits.length * 2);
      }
      if ((Boolean) value) {
        bits[row / 8] |= (byte) (1 << (row % 8));
      }
    }

    @Override
    int valuesByteLength(int rows) {
      return (rows + 7) / 8;
    }

    @Override
    void writeValues(ByteBuffer out, int rows) {
      out.put(bits, 0, valuesByteLength(rows));
    }
  }

  static final class FloatColumn extends Column {
    private double[] values = new double[64];

    FloatColumn(PropertyDef def) {
      super(def);
    }

    @Override
    void check(Object value) {
      PropertyValues.toDouble(value, def.name());
    }

    @Override
    void add(Object value, int row) {
      if (row >= values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[row] = PropertyValues.toDouble(value, def.name());
    }

    @Override
    int valuesByteLength(int rows) {
      return rows * def.type().byteSize();
    }

    @Override
    void writeValues(ByteBuffer out, int rows) {
      boolean single = def.type() == PropertyType.FLOAT32;
      for (int i = 0; i < rows; i++) {
        if (single) {
          out.putFloat((float) values[i]);
        } else {
          out.putDouble(values[i]);
        }
      }
    }
  }

  static final class IntegerColumn extends Column {
    private long[] values = new long[64];

    IntegerColumn(PropertyDef def) {
      super(def);
    }

    @Override
    void check(Object value) {
      PropertyValues.toLong(value, def.type(), def.name());
    }

    @Override
    void add(Object value, int row) {
      if (row >= values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[row] = PropertyValues.toLong(value, def.type(), def.name());
    }

    @Override
    int valuesByteLength(int rows) {
      return rows * def.type().byteSize();
    }

    @Override
    void writeValues(ByteBuffer out, int rows) {
      int size = def.type().byteSize();
      for (int i = 0; i < rows; i++) {
        long v = values[i];
        switch (size) {
          case 1 -> out.put((byte) v);
          case 2 -> out.putShort((short) v);
          case 4 -> out.putInt((int) v);
          default -> out.putLong(v);
        }
      }
    }
  }
}
