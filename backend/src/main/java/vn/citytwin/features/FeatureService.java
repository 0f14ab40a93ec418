package vn.citytwin.features;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.citytwin.catalog.LayerStats;
import vn.citytwin.catalog.LayerStatsService;
import vn.citytwin.core.db.Database;
import vn.citytwin.core.db.SqlStatement;
import vn.citytwin.query.LayerQuery;

/**
 * Reads features for the feature protocols (OGC API – Features, WFS) and streams them through an encoder. Every
 * response runs in one read-only REPEATABLE READ transaction, so its counts and its features come from the same
 * snapshot; features come from a server-side cursor ({@link #FETCH_SIZE} rows at a time) and leave in chunks of
 * about {@link #CHUNK_CHARS} characters through a {@link ResponseSink}, so memory does not grow with the response.
 */
public final class FeatureService {
  /** Rows per cursor fetch. */
  public static final int FETCH_SIZE = 1000;
  /** Characters buffered before a chunk is handed to the event loop. */
  public static final int CHUNK_CHARS = 64 * 1024;

  private final Database db;
  private final LayerStatsService stats;

  /** @param stats cached layer counts for {@link StreamPlan.Matched#CHEAP}; may be null (never cheap) */
  public FeatureService(Database db, LayerStatsService stats) {
    this.db = db;
    this.stats = stats;
  }

  /**
   * Streams {@code plan} as {@code encoder} writes it. Call on the response's event loop, with any extra headers
   * already set. Until the first chunk is sent nothing is written, so errors found while counting or planning the
   * query fail the future with the response untouched; a failure later leaves a partly written response (the caller
   * resets the connection). A client that goes away ends the stream quietly.
   */
  public Future<StreamSummary> stream(HttpServerResponse response, StreamPlan plan, FeatureEncoder encoder) {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      throw new IllegalStateException("stream() must be called on the response's event loop");
    }
    ResponseSink sink = ResponseSink.attach(context, response, encoder.contentType());
    return db.withConnection(c -> {
      try {
        return run(c, plan, encoder, sink);
      } catch (ResponseSink.ClientGone gone) {
        return new StreamSummary(0, false, null);
      }
    });
  }

  /**
   * Streams {@code plan} into {@code sink} on a database worker (exports that GDAL converts further read the file
   * afterwards); the caller closes what the sink writes to.
   */
  public Future<StreamSummary> write(TextSink sink, StreamPlan plan, FeatureEncoder encoder) {
    return db.withConnection(c -> run(c, plan, encoder, sink));
  }

  /** Features matching (scenario, bbox, filter, time) of {@code query}, ignoring paging. */
  public Future<Long> count(LayerQuery query) {
    return db.withConnection(c -> count(c, query));
  }

  /**
   * At most {@code limit} features of {@code part} starting at {@code offset}, in memory: for single features and
   * small pages (HTML), never for bulk output.
   */
  public Future<List<FeatureRecord>> fetch(StreamPart part, int limit, long offset) {
    LayerQuery paged = page(part.query(), limit, offset);
    return db.withConnection(c -> {
      List<FeatureRecord> out = new ArrayList<>();
      FeatureRowReader reader = new FeatureRowReader(part);
      try (PreparedStatement ps = StreamSql.select(part, paged).prepare(c); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
      return out;
    });
  }

  private StreamSummary run(Connection c, StreamPlan plan, FeatureEncoder encoder, TextSink sink)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      List<Page> pages = new ArrayList<>();
      Long matched = null;
      Long returned = null;
      if (plan.counted()) {
        long total = 0;
        long[] counts = new long[plan.parts().size()];
        for (int i = 0; i < counts.length; i++) {
          counts[i] = count(c, plan.parts().get(i).query());
          total += counts[i];
        }
        matched = total;
        returned = paginate(plan, counts, pages);
        if (plan.hitsOnly()) {
          returned = 0L; // resultType=hits: numberReturned is 0 (WFS 2.0 §11.3.5)
        }
      } else {
        StreamPart part = plan.parts().get(0);
        Integer limit = plan.count() == null ? null : plan.count() + 1; // one ahead: is there a next page?
        pages.add(new Page(part, limit, plan.startIndex()));
        matched = switch (plan.matched()) {
          case NONE -> null;
          case CHEAP -> {
            Long cached = cachedCount(c, part.query());
            yield cached != null ? cached : count(c, part.query());
          }
          case EXACT -> count(c, part.query());
        };
      }
      StringBuilder out = new StringBuilder(CHUNK_CHARS + 16 * 1024);
      encoder.start(out, new StreamInfo(matched, returned, Instant.now()));
      long written = 0;
      boolean more = false;
      if (!plan.hitsOnly()) {
        for (Page page : pages) {
          long before = written;
          written += streamPage(c, page, plan.counted() ? null : plan.count(), encoder, out, sink);
          if (!plan.counted() && plan.count() != null && written - before > plan.count()) {
            written--;
            more = true;
          }
        }
      }
      if (plan.counted()) {
        more = !plan.hitsOnly() && plan.startIndex() + written < matched;
      }
      StreamSummary summary = new StreamSummary(written, more, matched);
      encoder.end(out, summary);
      sink.end(out);
      return summary;
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** Streams one page; with {@code stopAt} it encodes at most that many rows but reports one more if present. */
  private static long streamPage(Connection c, Page page, Integer stopAt, FeatureEncoder encoder, StringBuilder out,
                                 TextSink sink) throws SQLException {
    LayerQuery paged = page(page.part.query(), page.limit, page.offset);
    SqlStatement sql = StreamSql.select(page.part, paged);
    FeatureRowReader reader = new FeatureRowReader(page.part);
    long n = 0;
    try (PreparedStatement ps = sql.prepare(c)) {
      ps.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (stopAt != null && n == stopAt) {
            return n + 1;
          }
          encoder.feature(out, page.part, reader.read(rs));
          n++;
          if (out.length() >= CHUNK_CHARS) {
            sink.write(out);
          }
        }
      }
    }
    return n;
  }

  /**
   * Splits the global window [startIndex, startIndex + count) over the parts in order, given each part's count.
   * Returns the number of features the window holds.
   */
  private static long paginate(StreamPlan plan, long[] counts, List<Page> pages) {
    long skip = plan.startIndex();
    Long remaining = plan.count() == null ? null : (long) plan.count();
    long returned = 0;
    for (int i = 0; i < counts.length; i++) {
      long partSkip = Math.min(skip, counts[i]);
      skip -= partSkip;
      long available = counts[i] - partSkip;
      long take = remaining == null ? available : Math.min(available, remaining);
      if (remaining != null) {
        remaining -= take;
      }
      returned += take;
      if (take > 0) {
        // Without a count the whole rest is read: no LIMIT, so no ORDER BY is forced on a full scan.
        Integer limit = plan.count() == null ? null : (int) take;
        pages.add(new Page(plan.parts().get(i), limit, partSkip));
      }
    }
    return returned;
  }

  private static LayerQuery page(LayerQuery q, Integer limit, long offset) {
    return new LayerQuery(q.layer(), q.scenario(), q.bbox(), q.tile(), q.filter(), q.time(), q.properties(),
        q.sortBy(), limit, offset);
  }

  /**
   * The layer's cached feature count when the query selects the whole base-city layer and the cache holds the
   * count of the data version this snapshot sees; null otherwise (never a count of another version).
   */
  private Long cachedCount(Connection c, LayerQuery q) throws SQLException {
    if (q.bbox() != null || q.filter() != null || q.time() != null || !q.scenario().isBase() || stats == null) {
      return null;
    }
    LayerStats s = stats.statsNowIfCached(q.layer());
    if (s == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT data_version FROM citytwin.catalog WHERE layer_id = ?")) {
      ps.setString(1, q.layer().id());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) == s.dataVersion() ? s.featureCount() : null;
      }
    }
  }

  private static long count(Connection c, LayerQuery q) throws SQLException {
    try (PreparedStatement ps = StreamSql.count(q).prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private record Page(StreamPart part, Integer limit, long offset) {}
}
