package vn.citytwin.planning.compare;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of the relative change of each changed indicator: one horizontal bar per indicator,
 * growing right (increase) or left (decrease) from a zero axis, scaled to the largest change. Indicators whose
 * reference value is 0 or undefined have no relative change and are listed as "new" without a bar.
 */
final class SvgBarChart {
  static final int WIDTH = 760;
  private static final int ROW = 24;
  private static final int LABEL = 300;
  private static final int TOP = 10;

  private SvgBarChart() {}

  static String render(List<ComparedIndicator> changed) {
    double max = changed.stream().filter(i -> i.relativeDifference() != null)
        .mapToDouble(i -> Math.abs(i.relativeDifference())).max().orElse(0);
    int height = TOP * 2 + ROW * Math.max(1, changed.size());
    int half = (WIDTH - LABEL) / 2;
    int axis = LABEL + half;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Relative change of each changed indicator\""
        + " font-family=\"sans-serif\" font-size=\"12\">", WIDTH, height, WIDTH, height));
    int y = TOP;
    for (ComparedIndicator i : changed) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 8,
          y + 16, Html.escape(i.label().vi() + " / " + i.label().en())));
      Double rel = i.relativeDifference();
      if (rel == null || max == 0) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>", axis + 4, y + 16,
            rel == null ? "mới / new" : "0 %"));
      } else {
        int len = (int) Math.round(Math.abs(rel) / max * (half - 60));
        int x = rel >= 0 ? axis : axis - len;
        String color = rel >= 0 ? "#2b7bb9" : "#d9534f";
        sb.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
            + " fill=\"%s\"><title>%s</title></rect>", x, y + 4, Math.max(len, 1), ROW - 8, color,
            Html.escape(i.id() + " " + Numbers.percent(rel))));
        int tx = rel >= 0 ? axis + len + 4 : axis - len - 4;
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", tx, y + 16,
            rel >= 0 ? "start" : "end", Html.escape(Numbers.percent(rel))));
      }
      y += ROW;
    }
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", axis,
        TOP, axis, height - TOP));
    sb.append("</svg>");
    return sb.toString();
  }
}
