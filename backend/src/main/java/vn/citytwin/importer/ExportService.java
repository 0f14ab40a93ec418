package vn.citytwin.importer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.features.FeatureService;
import vn.citytwin.features.FileSink;
import vn.citytwin.features.GeoJsonEncoder;
import vn.citytwin.features.StreamPart;
import vn.citytwin.features.StreamPlan;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.filter.CrsName;
import vn.citytwin.query.LayerQuery;

/**
 * Exports a layer in a format GDAL writes: the features are streamed as GeoJSON (CRS84) by the feature engine —
 * the same {@code LayerQuery}, scenario, filter and time as every read — into a temporary file, then {@code
 * ogr2ogr} converts it (reprojecting to {@code srs}: VN-2000 with the official transformation, as imports). ogr2ogr
 * cannot read a query with bound values from PostgreSQL ({@code PG:} with {@code -sql} takes only literal SQL
 * text), so the read path's SQL never goes to GDAL: GeoJSON is the hand-over.
 */
public final class ExportService {
  private final Vertx vertx;
  private final FeatureService features;
  private final ImportService imports;

  public ExportService(Vertx vertx, FeatureService features, ImportService imports) {
    this.vertx = vertx;
    this.features = features;
    this.imports = imports;
  }

  /** A finished export: the file to send and the folder to delete after sending. */
  public record Export(Path file, Path folder) {}

  /**
   * @param srs the output CRS ({@code EPSG:n} or a PROJ string), or null for WGS 84 longitude/latitude
   */
  public Future<Export> export(LayerQuery query, ExportFormat format, String srs) {
    String name = query.layer().id();
    CrsName crs84 = SupportedCrs.parse(SupportedCrs.CRS84_URI, "srs");
    StreamPart part = StreamPart.of(query, crs84, true);
    StreamPlan plan = StreamPlan.lookahead(part, 0, null, StreamPlan.Matched.NONE);
    return vertx.executeBlocking(() -> {
      Path folder = imports.newJobFolder();
      return folder;
    }, false).compose(folder -> {
      Path geojson = folder.resolve(name + ".input.geojson");
      Writer writer;
      try {
        writer = Files.newBufferedWriter(geojson, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
      return features.write(new FileSink(writer), plan, new GeoJsonEncoder(GeoJsonEncoder.MEDIA_TYPE, false,
          s -> List.of())).eventually(() -> {
            try {
              writer.close();
            } catch (IOException e) {
              // nothing more to write
            }
            return Future.succeededFuture();
          }).compose(summary -> vertx.executeBlocking(() -> convert(folder, geojson, name, format, srs), false))
          .onFailure(e -> ImportService.deleteTree(folder));
    });
  }

  private Export convert(Path folder, Path geojson, String name, ExportFormat format, String srs) throws IOException {
    GdalProcess gdal = new GdalProcess(imports.settings().gdalBin(), imports.settings().gdalTimeoutSeconds());
    Path out = format == ExportFormat.SHP ? folder.resolve("shp") : folder.resolve(name + "." + format.extension);
    if (format == ExportFormat.SHP) {
      Files.createDirectories(out);
    }
    List<String> args = new ArrayList<>(List.of("-f", format.driver,
        format == ExportFormat.SHP ? out.resolve(name + ".shp").toString() : out.toString(), geojson.toString(),
        "-nln", name));
    if (srs != null && !srs.isBlank()) {
      CrsResolver.SourceCrs target = new CrsResolver(gdal).resolve(srs, null);
      args.addAll(List.of("-t_srs", target.sSrs()));
    }
    switch (format) {
      case SHP -> args.addAll(List.of("-lco", "ENCODING=UTF-8"));
      case CSV -> args.addAll(List.of("-lco", "GEOMETRY=AS_WKT"));
      case FLATGEOBUF -> args.addAll(List.of("-lco", "SPATIAL_INDEX=YES"));
      case GEOJSON -> args.addAll(List.of("-lco", "RFC7946=NO"));
      default -> { }
    }
    GdalProcess.Result r = gdal.run("ogr2ogr", args, Map.of(), folder, null);
    if (!r.ok()) {
      throw ApiException.internal("GDAL could not write the export: " + String.join("; ", r.errors()), null);
    }
    if (format != ExportFormat.SHP) {
      return new Export(out, folder);
    }
    Path zip = folder.resolve(name + ".zip");
    try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
         Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.sorted().toList()) {
        z.putNextEntry(new ZipEntry(p.getFileName().toString()));
        Files.copy(p, z);
        z.closeEntry();
      }
    }
    return new Export(zip, folder);
  }
}
