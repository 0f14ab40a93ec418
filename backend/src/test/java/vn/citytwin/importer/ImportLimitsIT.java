package vn.citytwin.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.citytwin.testing.Http;

/**
 * The importer's limits and policies: the upload size, the city boundary (here the configured extent
 * 107.0–107.2 E, 10.3–10.5 N: the fixture has no wards), invalid geometries rejected or repaired, cancelling a
 * running job, path imports off without an import folder.
 */
class ImportLimitsIT {
  static ImporterFixture f;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    f = new ImporterFixture("importlimits", Map.of("import.max.upload.mb", "1",
        "planning.city.extent", "107.0,10.3,107.2,10.5"));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void anUploadOverTheLimitIs413() throws Exception {
    StringBuilder csv = new StringBuilder("name,lon,lat\n");
    while (csv.length() < 1_200_000) {
      csv.append("a long enough name for the limit,107.07,10.34\n");
    }
    HttpResponse<String> r = f.upload(GisFiles.write(dir, "big.csv", csv.toString()), Map.of("srs", "EPSG:4326"));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(r.body()).getString("code")).isNotBlank();
  }

  @Test
  void rowsOutsideTheCityAndInvalidGeometriesAreRejectedWithReasonsOrRepaired() throws Exception {
    Path csv = GisFiles.write(dir, "lots.csv", "ten,wkt\n"
        + "ok,\"POLYGON ((107.07 10.34, 107.071 10.34, 107.071 10.341, 107.07 10.34))\"\n"
        + "far,\"POLYGON ((106.0 10.34, 106.001 10.34, 106.001 10.341, 106.0 10.34))\"\n"
        + "bowtie,\"POLYGON ((107.08 10.34, 107.081 10.341, 107.081 10.34, 107.08 10.341, 107.08 10.34))\"\n");
    JsonObject job = f.importDone(csv, Map.of("layer", "lots", "srs", "EPSG:4326"));
    assertThat(job.getLong("rowsWritten")).isEqualTo(1);
    assertThat(job.getJsonArray("rejections").encode()).contains("not inside the city").contains("Invalid geometry")
        .contains("Self-intersection");
    assertThat(f.rows("SELECT ten FROM city.lots")).containsExactly("ok");

    JsonObject repaired = f.importDone(csv, Map.of("layer", "lots_repaired", "srs", "EPSG:4326",
        "invalid", "repair"));
    assertThat(repaired.getLong("rowsWritten")).isEqualTo(2);
    assertThat(f.rows("SELECT ten, ST_IsValid(geom) FROM city.lots_repaired ORDER BY ten"))
        .containsExactly("bowtie|t", "ok|t");
  }

  @Test
  void aCancelledJobWritesNothing() throws Exception {
    StringBuilder csv = new StringBuilder("name,lon,lat\n");
    for (int i = 0; i < 20000; i++) {
      csv.append("p").append(i).append(',').append(107.05 + (i % 100) * 1e-4).append(',')
          .append(10.33 + (i / 100) * 1e-4).append('\n');
    }
    // 20 000 rows: under the 1 MB limit, and many seconds of row checks to cancel in.
    JsonObject job = f.submit(GisFiles.write(dir, "many.csv", csv.toString()), Map.of("layer", "many",
        "srs", "EPSG:4326"));
    String id = job.getString("id");
    for (int i = 0; i < 300 && f.http.getJson("/api/imports/" + id).getLong("rowsRead") == 0; i++) {
      Thread.sleep(50);
    }
    HttpResponse<byte[]> cancel = f.http.send("DELETE", "/api/imports/" + id, null, null);
    assertThat(cancel.statusCode()).isEqualTo(202);
    JsonObject end = f.await(job);
    assertThat(end.getString("phase")).isEqualTo("cancelled");
    assertThat(end.getLong("rowsRead")).isLessThan(20000);
    assertThat(f.tables()).doesNotContain("city.many").noneMatch(t -> t.startsWith("import_staging."));
    assertThat(f.http.get("/api/imports/no-such-job").statusCode()).isEqualTo(404);
  }

  @Test
  void pathImportsAreOffWithoutAnImportFolder() {
    HttpResponse<byte[]> r = f.http.send("POST", "/api/imports", "application/json",
        new JsonObject().put("path", "/etc/passwd").encode());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(Http.json(r).getString("description")).contains("import.folder");
  }
}
