package vn.citytwin.render.sld;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where external graphics of a style come from: a styles directory on disk (when given), then the classpath
 * folder {@code styles/}. Only relative references inside that directory are served: a style sent by a client
 * must not read arbitrary files ({@code ../}, absolute paths, {@code file:} elsewhere) or make the server fetch
 * URLs, so those are refused. Immutable.
 */
public final class StyleResources {
  /** Icons are small; anything larger is refused rather than read into memory. */
  static final int MAX_BYTES = 1 << 20;

  private final Path directory;
  private final ClassLoader classLoader;

  private StyleResources(Path directory, ClassLoader classLoader) {
    this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    this.classLoader = classLoader;
  }

  /** Graphics from the classpath folder {@code styles/} only. */
  public static StyleResources classpath() {
    return new StyleResources(null, StyleResources.class.getClassLoader());
  }

  /** Graphics from {@code directory} first, then from the classpath folder {@code styles/}. */
  public static StyleResources directory(Path directory) {
    return new StyleResources(directory, StyleResources.class.getClassLoader());
  }

  /**
   * The bytes an href names.
   *
   * @param href as written in OnlineResource xlink:href; relative to the styles directory
   * @return the bytes, or empty when no such resource exists
   * @throws IOException when the reference is refused (remote, absolute, escaping the directory, too large)
   *     or reading fails; the message says why
   */
  public Optional<byte[]> load(String href) throws IOException {
    String rel = relativePath(href);
    if (directory != null) {
      Path p = directory.resolve(rel).normalize();
      if (!p.startsWith(directory)) {
        throw new IOException("reference escapes the styles directory");
      }
      if (Files.isRegularFile(p)) {
        if (Files.size(p) > MAX_BYTES) {
          throw new IOException("graphic larger than " + MAX_BYTES + " bytes");
        }
        return Optional.of(Files.readAllBytes(p));
      }
    }
    try (InputStream in = classLoader.getResourceAsStream("styles/" + rel)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("graphic larger than " + MAX_BYTES + " bytes");
      }
      return Optional.of(bytes);
    }
  }

  /** A normalised relative path without "..", or an IOException saying why the href is refused. */
  static String relativePath(String href) throws IOException {
    if (href == null || href.isBlank()) {
      throw new IOException("empty reference");
    }
    String h = href.trim();
    String path;
    try {
      URI uri = new URI(h.replace(" ", "%20"));
      if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("file")) {
        throw new IOException("remote graphics (" + uri.getScheme() + ":) are not fetched");
      }
      path = uri.getPath();
      if (uri.getScheme() != null) {
        // file: URLs are accepted only in the relative form file:icons/x.png
        if (uri.isOpaque()) {
          path = uri.getSchemeSpecificPart();
        } else {
          throw new IOException("absolute file references are refused");
        }
      }
    } catch (URISyntaxException e) {
      throw new IOException("malformed reference", e);
    }
    if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      throw new IOException("only relative references inside the styles directory are allowed");
    }
    Path normal = Path.of(path).normalize();
    String s = normal.toString().replace('\\', '/');
    if (s.startsWith("..") || s.isEmpty()) {
      throw new IOException("reference escapes the styles directory");
    }
    return s;
  }
}
