package vn.citytwin.ogc.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.citytwin.render.encode.ImageEncoders;

/**
 * The map image formats: 32-bit PNG (RGBA, or RGB when opaque), 8-bit paletted PNG with alpha (GeoServer's
 * {@code image/png8}, also asked as {@code image/png; mode=8bit}) and JPEG (no transparency: drawn over the
 * background colour).
 */
public enum ImageFormat {
  PNG("image/png"),
  PNG8("image/png8"),
  JPEG("image/jpeg");

  /** JPEG quality for maps: text and thin lines stay legible. */
  private static final float JPEG_QUALITY = 0.85f;

  private final String mime;

  ImageFormat(String mime) {
    this.mime = mime;
  }

  /** The name a capabilities document advertises. */
  public String mime() {
    return mime;
  }

  /** The Content-Type of the encoded bytes (PNG8 is a PNG). */
  public String contentType() {
    return this == JPEG ? "image/jpeg" : "image/png";
  }

  public boolean supportsTransparency() {
    return this != JPEG;
  }

  /** Every name advertised for GetMap, in order. */
  public static List<String> advertised() {
    return List.of("image/png", "image/png8", "image/png; mode=8bit", "image/jpeg");
  }

  /**
   * Reads a FORMAT value: {@code image/png} (and {@code png}, {@code image/png; mode=32bit|24bit}),
   * {@code image/png8} ({@code image/png; mode=8bit}), {@code image/jpeg} ({@code image/jpg}, {@code jpeg}); GeoServer's
   * {@code image/vnd.jpeg-png} and {@code image/vnd.jpeg-png8} ("JPEG where opaque, else PNG") are answered as PNG,
   * which the Content-Type says.
   */
  public static Optional<ImageFormat> lookup(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (v) {
      case "image/png", "png", "image/png;mode=32bit", "image/png;mode=24bit", "image/vnd.jpeg-png" ->
          Optional.of(PNG);
      case "image/png8", "png8", "image/png;mode=8bit", "image/vnd.jpeg-png8" -> Optional.of(PNG8);
      case "image/jpeg", "image/jpg", "jpeg", "jpg" -> Optional.of(JPEG);
      default -> Optional.empty();
    };
  }

  /**
   * Encodes a rendered ARGB image.
   *
   * @param background used by JPEG under transparent pixels
   */
  public byte[] encode(BufferedImage image, Color background) {
    return switch (this) {
      case PNG -> ImageEncoders.png32(image);
      case PNG8 -> ImageEncoders.png8(image);
      case JPEG -> ImageEncoders.jpeg(image, JPEG_QUALITY, background);
    };
  }
}
