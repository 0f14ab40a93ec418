package vn.citytwin.demo;

import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * The building footprints of a layout, as compact parallel arrays (a million lots cost a few tens of MB, no JTS
 * objects), with a {@link BucketGrid} to keep them apart. A footprint is an oriented rectangle — centre (cx, cy),
 * half frontage {@code hw} along the unit axis (ca, sa), half depth {@code hd} — optionally with a notch cut from
 * one back corner, which makes an L-shape inside the same rectangle. Local metres ({@link LocalFrame}).
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

  private final BucketGrid grid;

  LotStore(Envelope env) {
    grid = new BucketGrid(env, CELL);
  }

  /** True when the rectangle keeps {@link #GAP} from every stored footprint. */
  boolean free(double x, double y, double w2, double d2, double c, double s) {
    double ext = Math.abs(c) * w2 + Math.abs(s) * d2;
    double eyt = Math.abs(s) * w2 + Math.abs(c) * d2;
    return !grid.any(x - ext - GAP, y - eyt - GAP, x + ext + GAP, y + eyt + GAP,
        o -> Shapes.overlap(x, y, w2, d2, c, s, cx[o], cy[o], hw[o], hd[o], ca[o], sa[o], GAP));
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
    grid.add(i, x - ext, y - eyt, x + ext, y + eyt);
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
}
