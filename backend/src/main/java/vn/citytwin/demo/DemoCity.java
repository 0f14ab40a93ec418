package vn.citytwin.demo;

import java.io.IOException;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic Vũng Tàu pilot city. {@link #write} generates every demo table for a seed and a building count
 * and streams them, one after the other, to a {@link TableSink} in PostgreSQL COPY text format. The same options
 * always give the same bytes (per-purpose seeded random streams, fixed iteration order, fixed number formatting).
 *
 * <p>Typical use: {@code DemoSeeder.seed(dataSource, DemoOptions.defaults(), false)} to load a database, or
 * {@code DemoCity.write(opts, TableSinks.directory(dir))} to inspect the tables.
 */
public final class DemoCity {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);

  /** Rows written per table, the layout scale used (1 = natural density) and the time taken. */
  public record Summary(Map<DemoTable, Long> rows, double layoutScale, long millis) {}

  private DemoCity() {}

  /**
   * Generates the city and writes every table to {@code sink}.
   *
   * @throws IOException when the sink fails
   * @throws IllegalArgumentException when the building count cannot be reached
   */
  public static Summary write(DemoOptions opts, TableSink sink) throws IOException {
    long t0 = System.nanoTime();
    Geography geo = StaticGeography.get();
    Dem dem = DemBuilder.build(geo, opts.seed());
    CityLayout layout = layout(geo, dem, opts);
    BitSet keep = LotSelection.select(layout, opts.buildings(), opts.seed());
    long tLayout = System.nanoTime();
    Map<DemoTable, Long> rows = new EnumMap<>(DemoTable.class);
    StringBuilder slow = new StringBuilder();
    PointTables points = new PointTables(layout);
    BuildingTable buildings = new BuildingTable(layout, keep, opts.seed());
    for (DemoTable t : DemoTable.values()) {
      TableSink.TableBody body = switch (t) {
        case WARDS -> out -> AreaTables.wards(geo, out);
        case LAND_USE -> out -> AreaTables.landUse(geo, out);
        case WATER -> out -> AreaTables.water(geo, out);
        case ROADS -> out -> AreaTables.roads(layout.streets, out);
        case BUILDINGS -> buildings::write;
        case PARKS -> out -> AreaTables.parks(geo, out);
        case SCHOOLS -> points::schools;
        case HOSPITALS -> points::hospitals;
        case MARKETS -> points::markets;
        case HOTELS -> out -> PointTables.hotels(buildings.hotels, out);
        case TOURIST_SITES -> points::touristSites;
        case CAMERAS -> out -> new CameraPlanner(layout, opts.seed()).write(out);
        case SENSOR_STATIONS -> points::sensorStations;
        case FLOOD_REPORTS -> out -> new FloodReports(geo.anchors, opts.seed()).write(out);
        case DEM -> out -> demRow(dem, out);
      };
      long[] n = new long[1];
      long ts = System.nanoTime();
      sink.table(t, out -> {
        n[0] = body.writeTo(out);
        return n[0];
      });
      rows.put(t, n[0]);
      long ms = (System.nanoTime() - ts) / 1_000_000;
      if (ms >= 500) {
        slow.append(' ').append(t.table()).append(' ').append(ms).append(" ms");
      }
    }
    long t1 = System.nanoTime();
    LOG.info("demo city seed={} buildings={}: layout {} ms (scale {}), tables {} ms:{}", opts.seed(),
        opts.buildings(), (tLayout - t0) / 1_000_000, layout.scale, (t1 - tLayout) / 1_000_000, slow);
    return new Summary(rows, layout.scale, (t1 - t0) / 1_000_000);
  }

  /**
   * Lays the city out at natural density; when that holds fewer lots than asked for, shrinks blocks and lots
   * (scale below 1) until it does.
   */
  static CityLayout layout(Geography geo, Dem dem, DemoOptions opts) {
    double scale = 1;
    CityLayout c = CityLayout.build(geo, dem, opts.seed(), scale);
    // Lot count grows about as scale^-1.6 (streets narrow less than lots shrink); refine the exponent from the
    // layouts made so far (secant in log-log space).
    double exponent = 1.6;
    double prevScale = 1;
    double prevLots = c.regularLots();
    for (int attempt = 0; c.lots.size < opts.buildings(); attempt++) {
      if (attempt == 6) {
        throw new IllegalArgumentException("cannot fit " + opts.buildings() + " buildings");
      }
      double need = (opts.buildings() - c.fixedLots) * 1.03 + 200;
      scale = Math.floor(scale * StrictMath.pow(c.regularLots() / need, 1 / exponent) * 10_000) / 10_000;
      c = CityLayout.build(geo, dem, opts.seed(), scale);
      double k = StrictMath.log(c.regularLots() / prevLots) / StrictMath.log(prevScale / scale);
      exponent = Double.isFinite(k) && k > 0.5 ? Math.min(3, k) : exponent;
      prevScale = scale;
      prevLots = c.regularLots();
    }
    return c;
  }

  private static long demRow(Dem dem, java.io.OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    row.num(1).text("vungtau_dem").num(dem.ncols()).num(dem.nrows()).num(dem.west(), 6).num(dem.south(), 6)
        .num(dem.cellDeg(), 6).field().raw("\\\\x").raw(HexFormat.of().formatHex(dem.littleEndian()));
    row.end();
    row.flush();
    return row.rows();
  }

  /** The seed-independent geography, built once per JVM from the class-path anchors and never modified. */
  private static final class StaticGeography {
    private static final Geography GEO = Geography.build(Anchors.load());

    static Geography get() {
      return GEO;
    }
  }
}
