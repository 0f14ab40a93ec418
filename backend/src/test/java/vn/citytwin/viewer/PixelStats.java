package vn.citytwin.viewer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Coarse statistics of a screenshot region, to tell a rendered globe from a blank or single-colour canvas.
 *
 * @param distinctColours distinct RGB colours after dropping the 2 lowest bits of each channel (ignores dithering)
 * @param lumaStdDev standard deviation of luma (0–255)
 * @param meanLuma mean luma (0–255)
 */
record PixelStats(int distinctColours, double lumaStdDev, double meanLuma) {

  /**
   * Statistics of the rectangle (x, y, width, height), in image pixels, of a PNG.
   *
   * @throws IllegalArgumentException when the rectangle is empty or outside the image
   */
  static PixelStats of(byte[] png, int x, int y, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    if (width <= 0 || height <= 0 || x < 0 || y < 0 || x + width > image.getWidth()
        || y + height > image.getHeight()) {
      throw new IllegalArgumentException("region " + x + "," + y + " " + width + "x" + height + " outside "
          + image.getWidth() + "x" + image.getHeight());
    }
    Set<Integer> colours = new HashSet<>();
    double sum = 0;
    double sumSq = 0;
    long n = 0;
    for (int j = y; j < y + height; j++) {
      for (int i = x; i < x + width; i++) {
        int rgb = image.getRGB(i, j) & 0xFFFFFF;
        colours.add(rgb & 0xFCFCFC);
        double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        sum += luma;
        sumSq += luma * luma;
        n++;
      }
    }
    double mean = sum / n;
    return new PixelStats(colours.size(), Math.sqrt(Math.max(0, sumSq / n - mean * mean)), mean);
  }
}
