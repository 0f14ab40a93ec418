package vn.citytwin.render.encode;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import ar.com.hjg.pngj.chunks.PngChunkTRNS;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Map image encoders. PNG goes through PNGJ (fast deflate level, adaptive filters); JPEG through ImageIO. All
 * methods are stateless and thread-safe.
 */
public final class ImageEncoders {
  /** Deflate level for map PNGs: most of level 9's size at a fraction of its time. */
  private static final int PNG_LEVEL = 4;

  private ImageEncoders() {
  }

  /**
   * 32-bit PNG: RGBA, or RGB when every pixel is opaque (smaller, same look).
   */
  public static byte[] png32(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] row = new int[w];
    boolean opaque = isOpaque(image);
    ImageInfo info = new ImageInfo(w, h, 8, !opaque);
    ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 2 + 1024);
    PngWriter png = new PngWriter(out, info);
    try {
      png.setCompLevel(PNG_LEVEL);
      png.setFilterType(FilterType.FILTER_ADAPTIVE_FAST);
      int channels = opaque ? 3 : 4;
      byte[] line = new byte[w * channels];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        int k = 0;
        for (int x = 0; x < w; x++) {
          int p = row[x];
          line[k++] = (byte) (p >> 16);
          line[k++] = (byte) (p >> 8);
          line[k++] = (byte) p;
          if (!opaque) {
            line[k++] = (byte) (p >>> 24);
          }
        }
        png.writeRow(new ImageLineByte(info, line));
      }
      png.end();
    } finally {
      png.close();
    }
    return out.toByteArray();
  }

  /**
   * 8-bit paletted PNG (at most 256 colours) with a tRNS chunk carrying each palette entry's alpha, so
   * transparent and antialiased pixels survive.
   */
  public static byte[] png8(BufferedImage image) {
    return png8(MedianCutQuantizer.quantize(image));
  }

  /** Encodes an already quantised image. */
  public static byte[] png8(IndexedImage indexed) {
    int w = indexed.width();
    int h = indexed.height();
    int[] palette = indexed.palette();
    ImageInfo info = new ImageInfo(w, h, 8, false, false, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 4 + 1024);
    PngWriter png = new PngWriter(out, info);
    try {
      png.setCompLevel(PNG_LEVEL);
      png.setFilterType(FilterType.FILTER_NONE); // filters rarely help indexed data
      PngChunkPLTE plte = png.getMetadata().createPLTEChunk();
      plte.setNentries(palette.length);
      boolean anyAlpha = false;
      int[] alpha = new int[palette.length];
      for (int i = 0; i < palette.length; i++) {
        int c = palette[i];
        plte.setEntry(i, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
        alpha[i] = c >>> 24;
        anyAlpha |= alpha[i] != 255;
      }
      if (anyAlpha) {
        PngChunkTRNS trns = png.getMetadata().createTRNSChunk();
        trns.setPalletteAlpha(alpha);
      }
      byte[] idx = indexed.indices();
      for (int y = 0; y < h; y++) {
        byte[] line = new byte[w];
        System.arraycopy(idx, y * w, line, 0, w);
        png.writeRow(new ImageLineByte(info, line));
      }
      png.end();
    } finally {
      png.close();
    }
    return out.toByteArray();
  }

  /** JPEG on a white background. */
  public static byte[] jpeg(BufferedImage image, float quality) {
    return jpeg(image, quality, Color.WHITE);
  }

  /**
   * JPEG (baseline, no alpha): the image is first drawn over {@code background}.
   *
   * @param quality 0..1 (clamped)
   */
  public static byte[] jpeg(BufferedImage image, float quality, Color background) {
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(background == null ? Color.WHITE : background);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(Math.max(0f, Math.min(1f, quality)));
      writer.write(null, new IIOImage(rgb, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static boolean isOpaque(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return true;
    }
    int w = image.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int p : row) {
        if ((p >>> 24) != 255) {
          return false;
        }
      }
    }
    return true;
  }
}
