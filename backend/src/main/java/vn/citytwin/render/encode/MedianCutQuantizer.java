package vn.citytwin.render.encode;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces an ARGB image to at most 256 colours. Exact when the image has 256 distinct colours or fewer (typical
 * for flat map styles); otherwise a weighted median cut in RGBA space, each colour mapped to the mean of its box,
 * so antialiased edges keep their partial alpha. Fully transparent pixels share one entry. Stateless.
 */
public final class MedianCutQuantizer {
  private MedianCutQuantizer() {
  }

  /** Quantises {@code image} (any type; read as non-premultiplied ARGB). */
  public static IndexedImage quantize(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < px.length; i++) {
      if ((px[i] >>> 24) == 0) {
        px[i] = 0; // every invisible pixel is the same colour
      }
    }
    ColorCounts counts = new ColorCounts(1024);
    for (int p : px) {
      counts.add(p);
    }
    int[][] entries = counts.entries();
    int[] colors = entries[0];
    int[] weights = entries[1];
    int[] palette;
    if (colors.length <= 256) {
      palette = colors.clone();
      for (int i = 0; i < colors.length; i++) {
        counts.put(colors[i], i);
      }
    } else {
      palette = cut(colors, weights, counts);
    }
    byte[] idx = new byte[px.length];
    for (int i = 0; i < px.length; i++) {
      idx[i] = (byte) counts.get(px[i]);
    }
    return new IndexedImage(w, h, palette, idx);
  }

  /** A range [from, to) of the colour arrays. */
  private record Box(int from, int to, long population, int spread, int channel) {
  }

  /**
   * Median cut over the distinct colours; afterwards {@code index} maps each colour to its palette entry.
   * Transparent black gets its own entry when present.
   */
  private static int[] cut(int[] colors, int[] weights, ColorCounts index) {
    int n = colors.length;
    // the transparent colour stays out of the cut so it is never blended with visible colours
    int transparentAt = -1;
    for (int i = 0; i < n; i++) {
      if (colors[i] == 0) {
        transparentAt = i;
        break;
      }
    }
    if (transparentAt >= 0) {
      swap(colors, weights, transparentAt, n - 1);
      n--;
    }
    int target = transparentAt >= 0 ? 255 : 256;
    List<Box> boxes = new ArrayList<>();
    boxes.add(box(colors, weights, 0, n));
    while (boxes.size() < target) {
      int best = -1;
      double bestScore = 0;
      for (int i = 0; i < boxes.size(); i++) {
        Box b = boxes.get(i);
        if (b.to() - b.from() < 2 || b.spread() == 0) {
          continue;
        }
        // spread matters most; population breaks ties towards boxes that cover many pixels
        double score = b.spread() * Math.sqrt(b.population());
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      Box b = boxes.remove(best);
      int mid = split(colors, weights, b);
      boxes.add(box(colors, weights, b.from(), mid));
      boxes.add(box(colors, weights, mid, b.to()));
    }
    int[] palette = new int[boxes.size() + (transparentAt >= 0 ? 1 : 0)];
    for (int bi = 0; bi < boxes.size(); bi++) {
      Box b = boxes.get(bi);
      double sa = 0;
      double sr = 0;
      double sg = 0;
      double sb = 0;
      for (int i = b.from(); i < b.to(); i++) {
        int c = colors[i];
        double wt = weights[i];
        sa += wt * (c >>> 24);
        sr += wt * ((c >> 16) & 0xff);
        sg += wt * ((c >> 8) & 0xff);
        sb += wt * (c & 0xff);
        index.put(c, bi);
      }
      double p = b.population();
      palette[bi] = ((int) Math.round(sa / p) << 24) | ((int) Math.round(sr / p) << 16)
          | ((int) Math.round(sg / p) << 8) | (int) Math.round(sb / p);
    }
    if (transparentAt >= 0) {
      palette[boxes.size()] = 0;
      index.put(0, boxes.size());
    }
    return palette;
  }

  private static Box box(int[] colors, int[] weights, int from, int to) {
    int[] min = {255, 255, 255, 255};
    int[] max = {0, 0, 0, 0};
    long pop = 0;
    for (int i = from; i < to; i++) {
      int c = colors[i];
      for (int ch = 0; ch < 4; ch++) {
        int v = (c >>> (24 - 8 * ch)) & 0xff;
        min[ch] = Math.min(min[ch], v);
        max[ch] = Math.max(max[ch], v);
      }
      pop += weights[i];
    }
    int spread = 0;
    int channel = 0;
    for (int ch = 0; ch < 4; ch++) {
      if (max[ch] - min[ch] > spread) {
        spread = max[ch] - min[ch];
        channel = ch;
      }
    }
    return new Box(from, to, pop, spread, channel);
  }

  /** Sorts the box by its widest channel and returns the weighted median split point (from &lt; mid &lt; to). */
  private static int split(int[] colors, int[] weights, Box b) {
    int shift = 24 - 8 * b.channel();
    int len = b.to() - b.from();
    long[] packed = new long[len];
    for (int i = 0; i < len; i++) {
      int c = colors[b.from() + i];
      // channel value in the high bits, original position in the low bits: one primitive sort
      packed[i] = ((long) ((c >>> shift) & 0xff) << 40) | (b.from() + i);
    }
    java.util.Arrays.sort(packed);
    int[] c2 = new int[len];
    int[] w2 = new int[len];
    for (int i = 0; i < len; i++) {
      int src = (int) (packed[i] & 0xffffffffL);
      c2[i] = colors[src];
      w2[i] = weights[src];
    }
    System.arraycopy(c2, 0, colors, b.from(), len);
    System.arraycopy(w2, 0, weights, b.from(), len);
    long half = b.population() / 2;
    long run = 0;
    for (int i = 0; i < len - 1; i++) {
      run += w2[i];
      if (run >= half) {
        return b.from() + i + 1;
      }
    }
    return b.from() + len / 2;
  }

  private static void swap(int[] a, int[] b, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    t = b[i];
    b[i] = b[j];
    b[j] = t;
  }
}
