package vn.citytwin.planning.indicators;

import java.util.List;

/**
 * A service residents should reach on foot, and which facilities provide it. Walking distances come from
 * {@code planning.walk.m} (defaults 500, 1000, 800 and 2000 m).
 *
 * @param key the key in {@code planning.walk.m} and the suffix of the indicator id ({@code access.<key>})
 * @param layer the facility layer
 * @param column the facility column that tells the kind of facility
 * @param kinds the column values that provide this service
 */
public enum WalkService {
  PRIMARY_SCHOOL("primary_school", "schools", "level", List.of("primary"),
      new Text("trường tiểu học", "a primary school")),
  SECONDARY_SCHOOL("secondary_school", "schools", "level", List.of("lower_secondary", "upper_secondary"),
      new Text("trường trung học (THCS, THPT)", "a secondary school (lower or upper)")),
  CLINIC("clinic", "hospitals", "kind", List.of("clinic", "health_station"),
      new Text("phòng khám hoặc trạm y tế", "a clinic or health station")),
  HOSPITAL("hospital", "hospitals", "kind", List.of("hospital"), new Text("bệnh viện", "a hospital"));

  private final String key;
  private final String layer;
  private final String column;
  private final List<String> kinds;
  private final Text name;

  WalkService(String key, String layer, String column, List<String> kinds, Text name) {
    this.key = key;
    this.layer = layer;
    this.column = column;
    this.kinds = kinds;
    this.name = name;
  }

  public String key() {
    return key;
  }

  public String layer() {
    return layer;
  }

  public String column() {
    return column;
  }

  /** The column values that provide this service. */
  public List<String> kinds() {
    return kinds;
  }

  /** What the service is, for labels: "a primary school". */
  public Text displayName() {
    return name;
  }
}
