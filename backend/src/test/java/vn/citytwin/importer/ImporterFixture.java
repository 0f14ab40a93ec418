package vn.citytwin.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.citytwin.access.Role;
import vn.citytwin.app.CityTwinServer;
import vn.citytwin.testing.Http;
import vn.citytwin.testing.Identities;
import vn.citytwin.testing.TestDatabase;
import vn.citytwin.testing.TestServer;

/** A test database and server for importer tests, with the upload, job and SQL helpers they share. */
final class ImporterFixture implements AutoCloseable {
  final TestDatabase db;
  final CityTwinServer server;
  final Http http;
  /** Imports publish layers: the fixture acts as a gis-admin. */
  final String gisAdmin;

  ImporterFixture(String purpose, Map<String, String> settings) {
    db = TestDatabase.create(purpose);
    server = TestServer.start(db.jdbcUrl(), settings);
    gisAdmin = Identities.bearer(Identities.token(db, "gis-admin", Role.GIS_ADMIN));
    http = new Http(server.port()).as(gisAdmin);
  }

  HttpResponse<String> upload(Path file, Map<String, String> fields) throws Exception {
    return GisFiles.upload(server.port(), gisAdmin, file, fields);
  }

  JsonObject submit(Path file, Map<String, String> fields) throws Exception {
    HttpResponse<String> r = upload(file, fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new JsonObject(r.body());
  }

  /** Polls the job until it ends (60 s at most). */
  JsonObject await(JsonObject job) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonObject now = http.getJson("/api/imports/" + job.getString("id"));
      String phase = now.getString("phase");
      if (phase.equals("done") || phase.equals("failed") || phase.equals("cancelled")) {
        return now;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import did not end: " + job);
  }

  JsonObject importDone(Path file, Map<String, String> fields) throws Exception {
    JsonObject job = await(submit(file, fields));
    assertThat(job.getString("phase")).as(job.encodePrettily()).isEqualTo("done");
    return job;
  }

  /** The job's error after it failed. */
  JsonObject importFailed(Path file, Map<String, String> fields) throws Exception {
    JsonObject job = await(submit(file, fields));
    assertThat(job.getString("phase")).as(job.encodePrettily()).isEqualTo("failed");
    return job.getJsonObject("error");
  }

  List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }

  void sql(String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Tables of schema city and import_staging, to show that a refused import left nothing. */
  List<String> tables() throws Exception {
    return rows("SELECT table_schema || '.' || table_name FROM information_schema.tables"
        + " WHERE table_schema IN ('city', 'import_staging') ORDER BY 1");
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
