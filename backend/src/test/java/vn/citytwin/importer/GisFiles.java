package vn.citytwin.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test files made with ogr2ogr itself from small CSV/WKT fixtures written here (nothing is downloaded), and a
 * multipart upload client.
 */
final class GisFiles {
  private GisFiles() {}

  /** Runs ogr2ogr with {@code args}; fails the test with its errors when it fails. */
  static void ogr2ogr(Path dir, String... args) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add("ogr2ogr");
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ogr2ogr " + argv + " failed: " + out);
    }
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Zips {@code files} (entry name → file) into {@code zip}. */
  static Path zip(Path zip, Map<String, Path> files) throws IOException {
    try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
      for (Map.Entry<String, Path> e : files.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        Files.copy(e.getValue(), z);
        z.closeEntry();
      }
    }
    return zip;
  }

  /** Every file of a Shapefile ({@code base}.shp, .shx, .dbf, .prj, .cpg when present) by entry name. */
  static Map<String, Path> shapefileParts(Path dir, String base) {
    Map<String, Path> parts = new java.util.LinkedHashMap<>();
    for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
      Path p = dir.resolve(base + "." + ext);
      if (Files.exists(p)) {
        parts.put(base + "." + ext, p);
      }
    }
    return parts;
  }

  /** POSTs a multipart form: {@code file} plus text fields. */
  /**
   * A multipart upload to {@code POST /api/imports}.
   *
   * @param authorization the {@code Authorization} header (imports need gis-admin), or null for an anonymous try
   */
  static HttpResponse<String> upload(int port, String authorization, Path file, Map<String, String> fields)
      throws Exception {
    String boundary = "----citytwin" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports"))
        .timeout(Duration.ofSeconds(120)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpRequest r = b.build();
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
