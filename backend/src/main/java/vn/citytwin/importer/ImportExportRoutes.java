package vn.citytwin.importer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import vn.citytwin.access.AccessView;
import vn.citytwin.access.Role;
import vn.citytwin.catalog.Catalog;
import vn.citytwin.catalog.Layer;
import vn.citytwin.catalog.LayerLinks;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.http.JsonErrors;
import vn.citytwin.core.http.KvpParams;
import vn.citytwin.core.http.Mountable;
import vn.citytwin.features.CsvEncoder;
import vn.citytwin.features.FeatureService;
import vn.citytwin.features.GeoJsonEncoder;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.StreamPlan;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.query.LayerQuery;
import vn.citytwin.query.ReadParameters;
import vn.citytwin.query.VisibleLayers;
import vn.citytwin.scenario.ScenarioRegistry;

/**
 * The HTTP face of imports and exports, mounted at {@code /api} — every route of the capability is registered here
 * and nowhere else, so access control guards them in one place:
 *
 * <table>
 *   <caption>routes and the role each needs</caption>
 *   <tr><th>route</th><th>role</th></tr>
 *   <tr><td>{@code POST /api/imports} (multipart {@code file}, or JSON {@code {"path":…}} in {@code import.folder})</td><td>gis-admin</td></tr>
 *   <tr><td>{@code GET /api/imports/{id}}, {@code DELETE /api/imports/{id}} (cancel)</td><td>gis-admin</td></tr>
 *   <tr><td>{@code GET /api/layers/{id}/export?format=&srs=&scenario=&filter=&datetime=}</td><td>whoever may read the layer (and the scenario)</td></tr>
 * </table>
 *
 * Errors are the JSON errors of the REST API ({@link JsonErrors}); an upload over {@code import.max.upload.mb} is a
 * 413.
 */
public final class ImportExportRoutes implements Mountable, LayerLinks {
  private final Router router;
  private final Vertx vertx;
  private final ImportService imports;
  private final ExportService exports;
  private final FeatureService features;
  private final Catalog catalog;
  private final ScenarioRegistry scenarios;
  private final String baseUrl;

  public ImportExportRoutes(Vertx vertx, ImportService imports, FeatureService features, Catalog catalog,
                            ScenarioRegistry scenarios, String baseUrl) {
    this.vertx = vertx;
    this.imports = imports;
    this.exports = new ExportService(vertx, features, imports);
    this.features = features;
    this.catalog = catalog;
    this.scenarios = scenarios;
    this.baseUrl = baseUrl;
    this.router = Router.router(vertx);
    long maxBody = (long) imports.settings().maxUploadMb() << 20;
    Path uploads = Path.of(System.getProperty("java.io.tmpdir"), "citytwin-uploads");
    if (imports.settings().workDir() != null && !imports.settings().workDir().isBlank()) {
      uploads = Path.of(imports.settings().workDir(), "uploads");
    }
    // Imports publish layers: gis-admin only, checked before the body is read (an anonymous upload costs nothing).
    router.route("/imports*").handler(ctx -> {
      AccessView.of(ctx).require(Role.GIS_ADMIN, "Importing");
      ctx.next();
    });
    router.post("/imports").handler(BodyHandler.create(uploads.toString()).setBodyLimit(maxBody)
        .setDeleteUploadedFilesOnEnd(true));
    router.post("/imports").handler(this::submit);
    router.get("/imports/:id").respond(ctx -> Future.succeededFuture(imports.job(ctx.pathParam("id"))
        .toJson(baseUrl)));
    router.delete("/imports/:id").respond(ctx -> {
      ImportJob job = imports.job(ctx.pathParam("id"));
      job.cancel();
      ctx.response().setStatusCode(202);
      return Future.succeededFuture(job.toJson(baseUrl));
    });
    // Exports read like every read: the layer's and the scenario's read rules apply.
    router.get("/layers/:id/export").handler(this::export);
    router.route().failureHandler(new JsonErrors());
  }

  /**
   * Builds the importer over the shared services: imports are held to the city as edits are ({@code
   * import.city.boundary}); its import threads stop with {@code background}; each layer's export links join
   * {@code links}.
   */
  public static ImportExportRoutes create(Vertx vertx, vn.citytwin.core.db.Database db, Catalog catalog,
                                          ScenarioRegistry scenarios, FeatureService features,
                                          vn.citytwin.core.config.CityTwinConfig config,
                                          List<AutoCloseable> background, List<LayerLinks> links) {
    ImportService imports = new ImportService(db, catalog, new vn.citytwin.edit.CityBoundary(catalog,
        config.planning().cityExtent(), config.importer().cityBoundary()), config.importer());
    background.add(imports);
    ImportExportRoutes routes = new ImportExportRoutes(vertx, imports, features, catalog, scenarios,
        config.server().publicUrl());
    links.add(routes);
    return routes;
  }

  /** A download link per export format ({@code rel=enclosure}, as OGC API downloads are). */
  @Override
  public List<Link> linksFor(Layer layer, String baseUrl) {
    return java.util.Arrays.stream(ExportFormat.values()).map(f -> new Link("enclosure", f.mediaType(),
        "Download as " + f.param, baseUrl + "/api/layers/" + layer.id() + "/export?format=" + f.param)).toList();
  }

  @Override
  public List<String> mountPaths() {
    return List.of("/api");
  }

  @Override
  public Router router() {
    return router;
  }

  private void submit(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    Function<String, String> field;
    if (multipart) {
      field = name -> blankToNull(ctx.request().getFormAttribute(name));
    } else {
      JsonObject body;
      try {
        body = ctx.body().asJsonObject();
      } catch (RuntimeException e) {
        throw ApiException.invalidParameter("body", "The body must be a multipart upload or a JSON object");
      }
      if (body == null) {
        throw ApiException.missingParameter("file");
      }
      JsonObject title = body.getValue("title") instanceof JsonObject t ? t : new JsonObject();
      field = name -> switch (name) {
        case "titleVi" -> text(body.getValue("titleVi", title.getValue("vi")));
        case "titleEn" -> text(body.getValue("titleEn", title.getValue("en")));
        default -> text(body.getValue(name));
      };
    }
    String fileName;
    Path source;
    Path uploaded = null;
    if (multipart) {
      FileUpload upload = ctx.fileUploads().stream().filter(u -> u.name().equals("file")).findFirst()
          .orElseThrow(() -> ApiException.missingParameter("file"));
      fileName = safeName(upload.fileName());
      uploaded = Path.of(upload.uploadedFileName());
      source = null;
    } else {
      String path = field.apply("path");
      if (path == null) {
        throw ApiException.missingParameter("path");
      }
      source = imports.allowListed(path);
      fileName = source.getFileName().toString();
    }
    String layer = field.apply("layer") != null ? field.apply("layer") : LayerName.fromFileName(fileName);
    ImportRequest request = new ImportRequest(layer, field.apply("sourceLayer"), field.apply("srs"),
        ImportMode.parse(field.apply("mode"), "mode"), field.apply("encoding"),
        flag(field.apply("invalid"), "invalid", "repair", "reject"), field.apply("titleVi"), field.apply("titleEn"),
        flag(field.apply("mixed"), "mixed", "split", "refuse"));
    Path upload = uploaded;
    vertx.executeBlocking(() -> {
      Path folder = imports.newJobFolder();
      Path file = source;
      if (upload != null) {
        file = folder.resolve(fileName);
        Files.move(upload, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return imports.submit(folder, file, fileName, request);
    }, false).onSuccess(job -> ctx.response().setStatusCode(202)
        .putHeader("Location", baseUrl + "/api/imports/" + job.id())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(job.toJson(baseUrl).encode())).onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    AccessView view = AccessView.of(ctx);
    Layer layer = VisibleLayers.of(catalog, view).require(ctx.pathParam("id"), "id");
    KvpParams params = KvpParams.of(ctx.queryParams());
    ExportFormat format = ExportFormat.parse(params.get("format").orElse(null));
    String srs = params.get("srs").filter(s -> !s.isBlank()).orElse(null);
    ReadParameters read = ReadParameters.parse(params, scenarios, view);
    LayerQuery query = LayerQuery.of(layer).scenario(read.scenario()).filter(read.filter()).time(read.time())
        .build();
    HttpServerResponse response = ctx.response();
    String download = layer.id() + "." + format.extension();
    if (format.streamed() && srs == null) {
      StreamPart part = StreamPart.of(query, SupportedCrs.parse(SupportedCrs.CRS84_URI, "srs"), true);
      response.putHeader("Content-Disposition", "attachment; filename=\"" + download + "\"");
      var encoder = format == ExportFormat.CSV ? new CsvEncoder(part)
          : new GeoJsonEncoder(GeoJsonEncoder.MEDIA_TYPE, false, s -> List.of());
      features.stream(response, StreamPlan.lookahead(part, 0, null, StreamPlan.Matched.NONE), encoder)
          .onFailure(ctx::fail);
      return;
    }
    exports.export(query, format, srs).onSuccess(export -> {
      response.putHeader("Content-Type", format.mediaType())
          .putHeader("Content-Disposition", "attachment; filename=\"" + download + "\"");
      response.sendFile(export.file().toString()).onComplete(done -> vertx.executeBlocking(() -> {
        ImportService.deleteTree(export.folder());
        return null;
      }, false));
    }).onFailure(ctx::fail);
  }

  private static boolean flag(String value, String locator, String yes, String no) {
    if (value == null || value.equalsIgnoreCase(no)) {
      return false;
    }
    if (value.equalsIgnoreCase(yes)) {
      return true;
    }
    throw ApiException.invalidParameter(locator, locator + " must be " + yes + " or " + no);
  }

  private static String text(Object v) {
    return v == null ? null : blankToNull(v.toString());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The upload's base name, with anything but letters, digits, dot, dash and underscore replaced. */
  static String safeName(String name) {
    String base = name == null ? "upload" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "upload" + base;
    }
    return base.length() > 120 ? base.substring(base.length() - 120) : base;
  }
}
