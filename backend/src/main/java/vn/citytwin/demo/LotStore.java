package vn.citytwin.demo;

import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * The building footprints of a layout, as compact parallel arrays (a million lots cost a few tens of MB, no JTS
 * objects), with a uniform hash to keep them apart. A footprint is an oriented rectangle — centre (cx, cy), half
 * frontage {@code hw} along the unit axis (ca, sa), half depth {@code hd} — optionally with a notch cut from one
 * back corner, which makes an L-shape inside the same rectangle. Local metres ({@link LocalFrame}).
 */
final class LotStore {
  /** How a lot meets the street network (decides what is built on it). */
  enum Kind { LANDMARK, SITE, MAIN_FRONT, STREET, LANE, SECOND_ROW }

  private static final double CELL = 40;
  /** Minimum clear gap between two footprints (metres): rounding to 1e-7° can never make them touch. */
  static final double GAP = 0.3;

  int size;
  double[] cx = new double[1024];
  double[] cy = new double[1024];
  float[] hw = new float[1024];
  float[] hd = new float[1024];
  float[] ca = new float[1024];
  float[] sa = new float[1024];
  /** 0 rectangle; 1 notch at back-left; 2 notch at back-right. Notch size in percent of frontage / depth. */
  byte[] shape = new byte[1024];
  byte[] notchW = new byte[1024];
  byte[] notchD = new byte[1024];
  byte[] kind = new byte[1024];
  byte[] fabric = new byte[1024];
  byte[] ward = new byte[1024];
  short[] piece = new short[1024];
  int[] street = new int[1024];
  int[] number = new int[1024];
  int[] sub = new int[1024];

  private final double x0;
  private final double y0;
  private final int nx;
  private final int ny;
  private final int[] head;
  private int[] next = new int[2048];
  private int[] lotOf = new int[2048];
  private int entries;

  LotStore(Envelope env) {
    x0 = env.getMinX();
    y0 = env.getMinY();
    nx = (int) Math.ceil(env.getWidth() / CELL) + 1;
    ny = (int) Math.ceil(env.getHeight() / CELL) + 1;
    head = new int[nx * ny];
    Arrays.fill(head, -1);
  }

  /** True when the rectangle keeps {@link #GAP} from every stored footprint. */
  boolean free(double x, double y, double w2, double d2, double c, double s) {
    double ext = Math.abs(c) * w2 + Math.abs(s) * d2;
    double eyt = Math.abs(s) * w2 + Math.abs(c) * d2;
    for (int r = row(y - eyt - GAP); r <= row(y + eyt + GAP); r++) {
      for (int k = col(x - ext - GAP); k <= col(x + ext + GAP); k++) {
        for (int e = head[r * nx + k]; e >= 0; e = next[e]) {
          int o = lotOf[e];
          if (Shapes.overlap(x, y, w2, d2, c, s, cx[o], cy[o], hw[o], hd[o], ca[o], sa[o], GAP)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Appends a lot and indexes it; returns its index. */
  int add(double x, double y, double w2, double d2, double c, double s, Kind k, Fabric f, int wardIndex,
      int pieceIndex, int streetRef, int num, int subNum) {
    if (size == cx.length) {
      grow();
    }
    int i = size++;
    cx[i] = x;
    cy[i] = y;
    hw[i] = (float) w2;
    hd[i] = (float) d2;
    ca[i] = (float) c;
    sa[i] = (float) s;
    kind[i] = (byte) k.ordinal();
    fabric[i] = (byte) f.ordinal();
    ward[i] = (byte) wardIndex;
    piece[i] = (short) pieceIndex;
    street[i] = streetRef;
    number[i] = num;
    sub[i] = subNum;
    double ext = Math.abs(c) * w2 + Math.abs(s) * d2;
    double eyt = Math.abs(s) * w2 + Math.abs(c) * d2;
    for (int r = row(y - eyt); r <= row(y + eyt); r++) {
      for (int k2 = col(x - ext); k2 <= col(x + ext); k2++) {
        if (entries == next.length) {
          next = Arrays.copyOf(next, entries * 2);
          lotOf = Arrays.copyOf(lotOf, entries * 2);
        }
        int cell = r * nx + k2;
        lotOf[entries] = i;
        next[entries] = head[cell];
        head[cell] = entries++;
      }
    }
    return i;
  }

  void notch(int i, int side, double fracW, double fracD) {
    shape[i] = (byte) side;
    notchW[i] = (byte) Math.round(fracW * 100);
    notchD[i] = (byte) Math.round(fracD * 100);
  }

  Kind kindOf(int i) {
    return Kind.values()[kind[i]];
  }

  Fabric fabricOf(int i) {
    return Fabric.values()[fabric[i]];
  }

  private void grow() {
    int n = cx.length * 2;
    cx = Arrays.copyOf(cx, n);
    cy = Arrays.copyOf(cy, n);
    hw = Arrays.copyOf(hw, n);
    hd = Arrays.copyOf(hd, n);
    ca = Arrays.copyOf(ca, n);
    sa = Arrays.copyOf(sa, n);
    shape = Arrays.copyOf(shape, n);
    notchW = Arrays.copyOf(notchW, n);
    notchD = Arrays.copyOf(notchD, n);
    kind = Arrays.copyOf(kind, n);
    fabric = Arrays.copyOf(fabric, n);
    ward = Arrays.copyOf(ward, n);
    piece = Arrays.copyOf(piece, n);
    street = Arrays.copyOf(street, n);
    number = Arrays.copyOf(number, n);
    sub = Arrays.copyOf(sub, n);
  }

  private int col(double x) {
    return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / CELL)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / CELL)));
  }
}
