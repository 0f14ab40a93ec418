package vn.citytwin.render.styles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.citytwin.render.LayerDraw;
import vn.citytwin.render.RenderFeature;
import vn.citytwin.render.TestMaps;

/**
 * A small synthetic piece of central Vũng Tàu in lon/lat (EPSG:4326), with every layer, to render the shipped
 * styles together. Local coordinates are metres east/north of 107.070 E, 10.340 N.
 */
final class CityScene {
  static final double LON0 = 107.070;
  static final double LAT0 = 10.340;
  private static final double M_PER_DEG_LAT = 110_600;
  private static final double M_PER_DEG_LON = 111_320 * Math.cos(Math.toRadians(10.35));

  private CityScene() {
  }

  static double lon(double east) {
    return LON0 + east / M_PER_DEG_LON;
  }

  static double lat(double north) {
    return LAT0 + north / M_PER_DEG_LAT;
  }

  /** WKT with "x y" pairs in local metres converted to lon/lat. */
  static String geo(String wktMetres) {
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+(?:\\.\\d+)?) (-?\\d+(?:\\.\\d+)?)")
        .matcher(wktMetres);
    int last = 0;
    while (m.find()) {
      out.append(wktMetres, last, m.start());
      out.append(lon(Double.parseDouble(m.group(1)))).append(' ').append(lat(Double.parseDouble(m.group(2))));
      last = m.end();
    }
    return out.append(wktMetres.substring(last)).toString();
  }

  static RenderFeature f(String wktMetres, Object... kv) {
    return TestMaps.feature(geo(wktMetres), kv);
  }

  static String box(double x, double y, double w, double h) {
    return "POLYGON((" + x + " " + y + ", " + (x + w) + " " + y + ", " + (x + w) + " " + (y + h) + ", " + x + " "
        + (y + h) + ", " + x + " " + y + "))";
  }

  static Map<String, List<RenderFeature>> features() {
    Map<String, List<RenderFeature>> m = new java.util.LinkedHashMap<>();
    m.put("land_use", List.of(
        f(box(600, 0, 1500, 900), "class", "residential"),
        f(box(600, 900, 900, 700), "class", "commercial", "name", "Khu trung tâm"),
        f(box(1500, 900, 600, 700), "class", "institutional"),
        f(box(2100, 0, 1100, 1600), "class", "mixed"),
        f(box(300, 0, 300, 1600), "class", "beach"),
        f(box(600, 1600, 1400, 600), "class", "industrial"),
        f(box(2000, 1600, 1200, 600), "class", "port", "name", "Cảng Vũng Tàu"),
        f(box(2400, 200, 600, 500), "class", "green")));
    m.put("water", List.of(
        f("POLYGON((-500 -500, 300 -500, 300 2300, -500 2300, -500 -500))", "kind", "sea", "name", "Biển Đông"),
        f("POLYGON((1700 300, 1950 320, 2000 520, 1800 600, 1650 480, 1700 300))", "kind", "lake",
            "name", "Hồ Bàu Sen")));
    m.put("parks", List.of(f(box(2450, 250, 500, 400), "kind", "park", "name", "Công viên Bãi Trước")));
    m.put("buildings", buildings());
    m.put("roads", List.of(
        f("LINESTRING(350 -100, 350 2300)", "class", "primary", "name", "Đường Quang Trung"),
        f("LINESTRING(350 800, 1200 1100, 2200 1500, 3300 1900)", "class", "primary", "name", "Đường Lê Lợi"),
        f("LINESTRING(600 -100, 1400 700, 2200 1000, 3300 1300)", "class", "trunk", "name", "Đường 30 Tháng 4"),
        f("LINESTRING(1500 -100, 1500 2300)", "class", "secondary", "name", "Đường Trương Công Định"),
        f("LINESTRING(2100 -100, 2100 2300)", "class", "tertiary", "name", "Đường Nam Kỳ Khởi Nghĩa"),
        f("LINESTRING(600 400, 3300 400)", "class", "residential", "name", "Đường Ba Cu"),
        f("LINESTRING(600 1300, 1500 1300)", "class", "residential", "name", "Hẻm 12"),
        f("LINESTRING(2600 0, 2600 1000)", "class", "service"),
        f("LINESTRING(2450 650, 2950 250)", "class", "footway"),
        f("LINESTRING(3000 -100, 3200 2300)", "class", "motorway", "name", "Cao tốc Biên Hòa – Vũng Tàu")));
    m.put("wards", List.of(
        f("MULTIPOLYGON(((300 -500, 1800 -500, 1800 2300, 300 2300, 300 -500)))", "name", "Phường Vũng Tàu"),
        f("MULTIPOLYGON(((1800 -500, 3400 -500, 3400 2300, 1800 2300, 1800 -500)))", "name", "Phường Tam Thắng")));
    m.put("schools", List.of(f("POINT(1000 1450)", "name", "Trường THPT Vũng Tàu", "level", "high"),
        f("POINT(1750 1250)", "name", "Đại học Bà Rịa – Vũng Tàu", "level", "university")));
    m.put("hospitals", List.of(f("POINT(1250 200)", "name", "Bệnh viện Vũng Tàu", "kind", "hospital"),
        f("POINT(2350 1150)", "name", "Phòng khám Đa khoa", "kind", "clinic"),
        f("POINT(2700 1750)", "name", "Trạm y tế Tam Thắng", "kind", "health_station")));
    m.put("markets", List.of(f("POINT(1800 800)", "name", "Chợ Vũng Tàu")));
    m.put("hotels", List.of(f("POINT(500 1000)", "name", "Khách sạn Grand", "stars", 4),
        f("POINT(500 600)", "name", "Nhà nghỉ Hoa Mai", "stars", 2)));
    m.put("tourist_sites", List.of(f("POINT(2700 500)", "name", "Tượng đài Bãi Trước", "kind", "monument"),
        f("POINT(450 1850)", "name", "Bạch Dinh", "kind", "heritage")));
    m.put("cameras", List.of(f("POINT(1500 1000)", "code", "CAM-017", "kind", "traffic")));
    m.put("sensor_stations", List.of(f("POINT(2150 600)", "name", "Ngã tư Giếng Nước", "kind", "air_quality"),
        f("POINT(1950 450)", "name", "Mực nước Bàu Sen", "kind", "water_level"),
        f("POINT(2900 1450)", "name", "Đếm xe Lê Lợi", "kind", "traffic")));
    m.put("flood_reports", List.of(f("POINT(1550 1800)", "street", "30/4", "depth_cm", 55),
        f("POINT(1150 650)", "street", "Lê Lợi", "depth_cm", 25),
        f("POINT(2300 300)", "street", "Ba Cu", "depth_cm", 8)));
    return m;
  }

  private static List<RenderFeature> buildings() {
    String[] uses = {"residential", "shophouse", "villa", "hotel", "commercial", "office", "industrial", "school",
        "hospital", "religious", "public", "mixed"};
    List<RenderFeature> out = new ArrayList<>();
    int k = 0;
    for (double x = 650; x < 2050; x += 70) {
      for (double y : new double[] {330, 440, 1220, 1330}) {
        String use = uses[k++ % uses.length];
        out.add(f(box(x, y, 40 + (k % 3) * 8, 30 + (k % 4) * 6), "use_type", use,
            "name", k % 17 == 0 ? "Nhà văn hóa" : null));
      }
    }
    return out;
  }

  /** Layers in the usual drawing order with the shipped styles. */
  static List<LayerDraw> layers(Function<String, vn.citytwin.render.style.Style> styles) {
    List<LayerDraw> out = new ArrayList<>();
    for (Map.Entry<String, List<RenderFeature>> e : features().entrySet()) {
      out.add(new LayerDraw(styles.apply(e.getKey()), e.getValue()));
    }
    return out;
  }
}
