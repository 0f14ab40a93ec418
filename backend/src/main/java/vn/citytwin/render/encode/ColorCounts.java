package vn.citytwin.render.encode;

import java.util.Arrays;

/** An int-to-count open-addressing hash table for colour histograms (no boxing). Single-use, not thread-safe. */
final class ColorCounts {
  private static final int EMPTY_KEY = 0x00ffffff; // a transparent colour never stored (alpha 0 is normalised)
  private int[] keys;
  private int[] counts;
  private int size;

  ColorCounts(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new int[cap];
    counts = new int[cap];
    Arrays.fill(keys, EMPTY_KEY);
  }

  void add(int argb) {
    int mask = keys.length - 1;
    int i = mix(argb) & mask;
    while (true) {
      int k = keys[i];
      if (k == argb) {
        counts[i]++;
        return;
      }
      if (k == EMPTY_KEY) {
        keys[i] = argb;
        counts[i] = 1;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** The slot value stored for a key by {@link #put}, or -1. */
  int get(int argb) {
    int mask = keys.length - 1;
    int i = mix(argb) & mask;
    while (true) {
      int k = keys[i];
      if (k == argb) {
        return counts[i];
      }
      if (k == EMPTY_KEY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Overwrites the count of an existing key (used to store palette indices after counting). */
  void put(int argb, int value) {
    int mask = keys.length - 1;
    int i = mix(argb) & mask;
    while (keys[i] != argb) {
      i = (i + 1) & mask;
    }
    counts[i] = value;
  }

  int size() {
    return size;
  }

  /** Distinct colours and their counts, in table order. */
  int[][] entries() {
    int[] c = new int[size];
    int[] n = new int[size];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY_KEY) {
        c[j] = keys[i];
        n[j++] = counts[i];
      }
    }
    return new int[][] {c, n};
  }

  private void grow() {
    int[] oldK = keys;
    int[] oldC = counts;
    keys = new int[oldK.length * 2];
    counts = new int[oldK.length * 2];
    Arrays.fill(keys, EMPTY_KEY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldK.length; i++) {
      if (oldK[i] != EMPTY_KEY) {
        int j = mix(oldK[i]) & mask;
        while (keys[j] != EMPTY_KEY) {
          j = (j + 1) & mask;
        }
        keys[j] = oldK[i];
        counts[j] = oldC[i];
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
