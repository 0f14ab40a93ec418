package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Street flooding reported by the IOC, January 2022 – November 2025: rain events mostly in the wet season (May –
 * October), each flooding a few of the known hotspots 10–80 cm deep, plus the documented events — 20 October 2022
 * (rain on a high tide: 9 points flooded for 24–48 h, 19 for 40 min – 2 h), June 2024 (more than 50 cm on
 * 30 Tháng 4) and a night of extreme rain in May 2025. Times are local (+07).
 */
final class FloodReports {
  private static final int[] MONTH_WEIGHT = {2, 1, 1, 3, 10, 14, 14, 14, 16, 18, 8, 3};

  record Report(String time, String street, int depthCm, int durationMin, double x, double y) {}

  private final List<Anchors.Hotspot> hotspots;
  private final SplittableRandom rnd;

  FloodReports(Anchors a, long seed) {
    this.hotspots = a.hotspots();
    this.rnd = Seeds.stream(seed, "flood-reports");
  }

  List<Report> reports() {
    List<Report> out = new ArrayList<>();
    for (int year = 2022; year <= 2025; year++) {
      int events = 10 + rnd.nextInt(5);
      for (int e = 0; e < events; e++) {
        int month = 1 + BuildingAttributes.weighted(rnd, 0, MONTH_WEIGHT[0], 1, MONTH_WEIGHT[1], 2, MONTH_WEIGHT[2],
            3, MONTH_WEIGHT[3], 4, MONTH_WEIGHT[4], 5, MONTH_WEIGHT[5], 6, MONTH_WEIGHT[6], 7, MONTH_WEIGHT[7],
            8, MONTH_WEIGHT[8], 9, MONTH_WEIGHT[9], 10, MONTH_WEIGHT[10], 11, MONTH_WEIGHT[11]);
        if (year == 2025 && month == 12) {
          month = 11;
        }
        LocalDate day = LocalDate.of(year, month, 1 + rnd.nextInt(28));
        int hour = rnd.nextInt(3) == 0 ? rnd.nextInt(6) : 13 + rnd.nextInt(8);
        event(out, day, hour, 3 + rnd.nextInt(7), 10, 70, 30, 240, null);
      }
    }
    // 20 Oct 2022: heavy rain on a high tide; 9 points stayed flooded 24-48 h, 19 for 40 min to 2 h.
    LocalDate oct20 = LocalDate.of(2022, 10, 20);
    event(out, oct20, 4, 9, 40, 80, 1440, 2880, null);
    event(out, oct20, 5, 19, 20, 60, 40, 120, null);
    // June 2024: more than 50 cm on 30 Tháng 4.
    event(out, LocalDate.of(2024, 6, 14), 16, 3, 52, 65, 90, 180, "30 Tháng 4");
    event(out, LocalDate.of(2024, 6, 14), 16, 6, 20, 60, 45, 150, null);
    // May 2025: a night of extreme rain over the whole city.
    event(out, LocalDate.of(2025, 5, 22), 1, 15, 30, 75, 60, 300, null);
    out.sort((a, b) -> a.time().compareTo(b.time()));
    return out;
  }

  /** {@code count} reports at random hotspots (or all on {@code street}) during one event. */
  private void event(List<Report> out, LocalDate day, int hour, int count, int minDepth, int maxDepth, int minDur,
      int maxDur, String street) {
    for (int k = 0; k < count; k++) {
      Anchors.Hotspot h = pick(street);
      double r = 40 * StrictMath.sqrt(rnd.nextDouble());
      double a = rnd.nextDouble() * 2 * Math.PI;
      int minute = rnd.nextInt(180);
      int hh = Math.min(23, hour + minute / 60);
      String time = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:00+07", day.getYear(), day.getMonthValue(),
          day.getDayOfMonth(), hh, minute % 60);
      int depth = minDepth + (int) Math.round((maxDepth - minDepth) * (rnd.nextDouble() + rnd.nextDouble()) / 2);
      out.add(new Report(time, h.street(), depth, minDur + rnd.nextInt(maxDur - minDur + 1),
          h.point().getX() + r * StrictMath.cos(a), h.point().getY() + r * StrictMath.sin(a)));
    }
  }

  private Anchors.Hotspot pick(String street) {
    if (street != null) {
      for (Anchors.Hotspot h : hotspots) {
        if (street.equals(h.street())) {
          return h;
        }
      }
    }
    return hotspots.get(rnd.nextInt(hotspots.size()));
  }

  long write(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Report r : reports()) {
      row.num(++id).text(r.street()).num(r.depthCm()).field().raw(r.time()).num(r.durationMin());
      Ewkt.point(row, r.x(), r.y());
      row.end();
    }
    row.flush();
    return row.rows();
  }
}
