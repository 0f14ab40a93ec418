package vn.citytwin.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import vn.citytwin.core.error.ApiException;

/**
 * The dataset GDAL is to read, found in an uploaded file or an unpacked archive.
 *
 * @param dataset the file GDAL opens ({@code .shp}, {@code .gpkg}, {@code .geojson}, …)
 * @param kind its lower-case extension
 * @param encoding the code page a Shapefile's {@code .cpg} declares, as GDAL names it, or null
 */
public record SourceFile(Path dataset, String kind, String encoding) {
  /** Extensions GDAL reads here, in the order a folder is searched. */
  static final List<String> KINDS = List.of("shp", "gpkg", "geojson", "json", "geojsonl", "kml", "kmz", "tab", "mif",
      "dxf", "fgb", "gml", "csv");
  private static final Set<String> MULTI_FILE = Set.of("shp", "tab");

  /**
   * @param file an uploaded file (or a file in the import folder) with its original name
   * @param unpackInto an empty folder for a zip's content
   */
  public static SourceFile locate(Path file, Path unpackInto, SafeUnzip unzip) throws IOException {
    String name = file.getFileName().toString();
    String ext = extension(name);
    if (ext.equals("zip")) {
      unzip.unzip(file, unpackInto);
      return inFolder(unpackInto);
    }
    if (!KINDS.contains(ext)) {
      throw ApiException.invalidParameter("file", "Unsupported file type '." + ext + "' (supported: a zip archive"
          + " or ." + String.join(", .", KINDS) + ")");
    }
    if (MULTI_FILE.contains(ext)) {
      checkSiblings(file, ext);
    }
    return new SourceFile(file, ext, ext.equals("shp") ? cpg(file) : null);
  }

  private static SourceFile inFolder(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.toString().contains("__MACOSX")).sorted(Comparator.comparing(Path::toString)).toList();
    }
    for (String kind : KINDS) {
      List<Path> found = new ArrayList<>();
      for (Path p : files) {
        if (extension(p.getFileName().toString()).equals(kind)) {
          found.add(p);
        }
      }
      if (found.size() > 1) {
        throw ApiException.invalidParameter("file", "The archive holds several ." + kind + " files ("
            + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList())
            + "): upload one dataset per archive");
      }
      if (found.size() == 1) {
        Path p = found.get(0);
        if (MULTI_FILE.contains(kind)) {
          checkSiblings(p, kind);
        }
        return new SourceFile(p, kind, kind.equals("shp") ? cpg(p) : null);
      }
    }
    boolean shapeParts = files.stream().map(p -> extension(p.getFileName().toString()))
        .anyMatch(e -> e.equals("dbf") || e.equals("shx") || e.equals("prj"));
    throw ApiException.invalidParameter("file", shapeParts ? "The archive holds no .shp file (only other parts of"
        + " a Shapefile)" : "The archive holds no file GDAL can import (." + String.join(", .", KINDS) + ")");
  }

  /** A Shapefile needs its .shx and .dbf, a MapInfo TAB its .dat and .map. */
  private static void checkSiblings(Path main, String kind) {
    List<String> needed = kind.equals("shp") ? List.of("shx", "dbf") : List.of("dat", "map");
    for (String ext : needed) {
      if (sibling(main, ext) == null) {
        throw ApiException.invalidParameter("file", "The ." + kind + " file " + main.getFileName() + " has no ."
            + ext + " beside it");
      }
    }
  }

  /** The file beside {@code main} with extension {@code ext} (any case), or null. */
  static Path sibling(Path main, String ext) {
    String base = main.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    try (Stream<Path> s = Files.list(main.getParent())) {
      return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext)).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The code page a {@code .cpg} declares, as GDAL's {@code ENCODING} open option takes it: {@code UTF-8},
   * {@code CP1258} (Vietnamese Windows), {@code CP1252}…; null without a .cpg.
   */
  static String cpg(Path shp) {
    Path cpg = sibling(shp, "cpg");
    if (cpg == null) {
      return null;
    }
    try {
      String text = Files.readString(cpg, StandardCharsets.ISO_8859_1).trim().toUpperCase(Locale.ROOT);
      if (text.isEmpty()) {
        return null;
      }
      if (text.equals("UTF8") || text.equals("UTF-8") || text.equals("65001")) {
        return "UTF-8";
      }
      String digits = text.replaceAll("^(ANSI|CP|WINDOWS-)\\s*", "");
      if (digits.matches("\\d{3,5}")) {
        return "CP" + digits;
      }
      return text.matches("[A-Z0-9_-]{2,20}") ? text : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
