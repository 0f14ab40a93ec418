package vn.citytwin.importer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.citytwin.core.error.ApiException;

/**
 * One import and its progress, read by {@code GET /api/imports/{id}} while a worker runs it: phase, percent, rows
 * read, written and rejected, why each rejected row was rejected (the first {@link #MAX_REASONS}), and the error
 * that ended it. Thread-safe: the worker writes, requests read.
 */
public final class ImportJob {
  /** Rejection reasons kept per job; counts go on. */
  public static final int MAX_REASONS = 1000;

  /** Where a job is. */
  public enum Phase { QUEUED, UNPACKING, READING, VALIDATING, WRITING, DONE, FAILED, CANCELLED }

  /** Why one row of the file was not written. */
  public record Rejection(long row, String locator, String reason) {}

  private final String id = UUID.randomUUID().toString();
  private final String fileName;
  private final ImportRequest request;
  private final Instant created = Instant.now();
  private final List<Rejection> rejections = new ArrayList<>();
  private final GdalProcess gdal;
  private Phase phase = Phase.QUEUED;
  private int percent;
  private long staged;
  private long read;
  private long written;
  private long rejected;
  private String crs;
  private ApiException error;
  private Instant finished;
  /** When the rows began to be validated (nanoTime), for rows/s; 0 before. */
  private long validatingSince;
  private long validatingEnd;
  private volatile boolean cancelRequested;
  private volatile boolean recodeText;

  ImportJob(String fileName, ImportRequest request, GdalProcess gdal) {
    this.fileName = fileName;
    this.request = request;
    this.gdal = gdal;
  }

  public String id() {
    return id;
  }

  public Instant created() {
    return created;
  }

  public ImportRequest request() {
    return request;
  }

  GdalProcess gdal() {
    return gdal;
  }

  public synchronized Phase phase() {
    return phase;
  }

  public synchronized long written() {
    return written;
  }

  public synchronized long rejected() {
    return rejected;
  }

  /** By row number (rows are rejected in two passes, not in file order). */
  public synchronized List<Rejection> rejections() {
    return rejections.stream().sorted(java.util.Comparator.comparingLong(Rejection::row)).toList();
  }

  public synchronized ApiException error() {
    return error;
  }

  public synchronized boolean isFinished() {
    return phase == Phase.DONE || phase == Phase.FAILED || phase == Phase.CANCELLED;
  }

  synchronized void phase(Phase p, int percent) {
    if (p == Phase.VALIDATING && validatingSince == 0) {
      validatingSince = System.nanoTime();
    }
    this.phase = p;
    this.percent = percent;
  }

  synchronized void percent(int p) {
    this.percent = p;
  }

  /** Whether staged texts are ISO-8859-1 bytes of a CP1258 file, to be decoded by {@link DbfText}. */
  void recodeText(boolean on) {
    recodeText = on;
  }

  boolean recodeText() {
    return recodeText;
  }

  synchronized void crs(String description) {
    this.crs = description;
  }

  synchronized void staged(long n) {
    this.staged = n;
  }

  /** A row was read from staging; the percent runs from 50 (staged) to 99 (all validated). */
  synchronized void rowRead() {
    read++;
    if (staged > 0) {
      percent = 50 + (int) (49 * read / staged);
    }
  }

  synchronized void rowWritten() {
    written++;
  }

  synchronized void reject(long row, String locator, String reason) {
    rejected++;
    if (rejections.size() < MAX_REASONS) {
      rejections.add(new Rejection(row, locator, reason));
    }
  }

  synchronized void done() {
    validatingEnd = System.nanoTime();
    phase = Phase.DONE;
    percent = 100;
    finished = Instant.now();
  }

  synchronized void failed(ApiException e) {
    validatingEnd = System.nanoTime();
    boolean cancelled = cancelRequested && "Cancelled".equals(e.code());
    phase = cancelled ? Phase.CANCELLED : Phase.FAILED;
    error = e;
    finished = Instant.now();
  }

  /** Asks the job to stop: the GDAL process is killed, the write transaction rolls back. */
  public void cancel() {
    cancelRequested = true;
    gdal.cancel();
  }

  /** @throws ApiException "Cancelled" when cancel was asked */
  void checkCancelled() {
    if (cancelRequested) {
      throw GdalProcess.cancelledError();
    }
  }

  /** Rows validated per second since validation began (0 before). */
  private long rowsPerSecond() {
    if (validatingSince == 0) {
      return 0;
    }
    long end = finished == null ? System.nanoTime() : validatingEnd;
    double seconds = Math.max(1e-3, (end - validatingSince) / 1e9);
    return Math.round(read / seconds);
  }

  /** The job as {@code GET /api/imports/{id}} shows it. */
  public synchronized JsonObject toJson(String baseUrl) {
    JsonArray reasons = new JsonArray();
    for (Rejection r : rejections()) {
      reasons.add(new JsonObject().put("row", r.row()).put("locator", r.locator()).put("reason", r.reason()));
    }
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("file", fileName)
        .put("layer", request.layer())
        .put("mode", request.mode().name().toLowerCase(java.util.Locale.ROOT))
        .put("phase", phase.name().toLowerCase(java.util.Locale.ROOT))
        .put("percent", percent)
        .put("crs", crs)
        .put("rowsStaged", staged)
        .put("rowsRead", read)
        .put("rowsWritten", written)
        .put("rowsRejected", rejected)
        .put("rowsPerSecond", rowsPerSecond())
        .put("rejections", reasons)
        .put("created", created.toString())
        .put("finished", finished == null ? null : finished.toString())
        .put("links", new JsonArray()
            .add(new JsonObject().put("rel", "self").put("href", baseUrl + "/api/imports/" + id))
            .add(new JsonObject().put("rel", "layer").put("href", baseUrl + "/api/layers/" + request.layer())));
    if (error != null) {
      json.put("error", new JsonObject().put("code", error.code()).put("description", error.getMessage())
          .put("status", error.httpStatus()).put("locator", error.locator()));
    }
    return json;
  }
}
