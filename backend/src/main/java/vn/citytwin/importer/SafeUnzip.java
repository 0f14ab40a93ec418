package vn.citytwin.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * Unpacks a zip archive by streaming it, never trusting its directory: every entry's bytes are counted as they are
 * written, so a zip bomb stops at the limit whatever sizes its headers claim. Refused (a 4xx, and the partly
 * unpacked folder is the caller's to delete): an entry whose name escapes the folder ({@code ../}, an absolute
 * path, a drive letter), more than {@code maxEntries} entries, more than {@code maxBytes} unpacked in all, an
 * unpacked size above {@code maxRatio} times the archive's size (once past 1 MB), and an archive that is not a zip
 * or is cut short.
 */
public final class SafeUnzip {
  private static final long RATIO_FLOOR = 1L << 20;

  private final long maxBytes;
  private final int maxRatio;
  private final int maxEntries;

  public SafeUnzip(long maxBytes, int maxRatio, int maxEntries) {
    this.maxBytes = maxBytes;
    this.maxRatio = maxRatio;
    this.maxEntries = maxEntries;
  }

  /**
   * @param zip the archive
   * @param into an existing empty folder
   * @return the number of files written
   */
  public int unzip(Path zip, Path into) throws IOException {
    long archiveBytes = Math.max(1, Files.size(zip));
    Path root = into.toRealPath();
    long total = 0;
    int entries = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (++entries > maxEntries) {
          throw refuse("The archive holds more than " + maxEntries + " entries");
        }
        String name = e.getName().replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
          throw refuse("The archive entry '" + shortName(name) + "' has an absolute path");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
          throw refuse("The archive entry '" + shortName(name) + "' points outside its folder");
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          int n;
          while ((n = z.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
              throw tooLarge("The archive unpacks to more than " + (maxBytes >> 20) + " MB");
            }
            if (total > RATIO_FLOOR && total > archiveBytes * maxRatio) {
              throw tooLarge("The archive unpacks to more than " + maxRatio + " times its size (a zip bomb?)");
            }
            out.write(buf, 0, n);
          }
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      throw refuse("The archive is damaged or cut short: " + e.getMessage());
    }
    if (entries == 0) {
      throw refuse("The file is not a zip archive, or the archive is empty");
    }
    return entries;
  }

  private static String shortName(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static ApiException refuse(String message) {
    return ApiException.invalidParameter("file", message);
  }

  private static ApiException tooLarge(String message) {
    return new ApiException(ErrorKind.TOO_LARGE, "ArchiveTooLarge", "file", message, null);
  }
}
