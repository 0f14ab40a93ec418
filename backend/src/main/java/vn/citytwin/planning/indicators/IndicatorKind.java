package vn.citytwin.planning.indicators;

/**
 * Every indicator, with its unit, label and definition. Notation used in the formulas: for a building b in the area
 * A (b's representative point, {@code ST_PointOnSurface} of its footprint, lies in A):
 * {@code fp(b)} its footprint area in m² ({@code ST_Area(footprint::geography)}, on the WGS 84 ellipsoid),
 * {@code L(b)} its levels, {@code h(b)} its height in m, {@code u(b)} its use,
 * {@code gfa(b) = fp(b) × L(b)}; {@code area(A)} the area of A in m² (geodesic);
 * {@code rs(u)} the residential share of use u and {@code m2p} the floor area per resident
 * ({@code planning.residential.share}, {@code planning.resident.m2}); {@code m2j(u)} the floor area per job.
 * Values that would divide by zero are null.
 */
public enum IndicatorKind {
  /** {@code n = |{b in A}|}. */
  BUILDINGS("buildings", "buildings", new Text("Số công trình", "Buildings"),
      new Text("Số công trình có điểm đại diện của đường bao nằm trong khu vực.",
          "Number of buildings whose footprint's representative point lies in the area.")),
  /** {@code Σ fp(b)}. */
  FOOTPRINT_AREA("footprint_area", "m²", new Text("Diện tích xây dựng", "Building footprint area"),
      new Text("Tổng diện tích đường bao công trình (m², trên ellipsoid WGS 84).",
          "Sum of the buildings' footprint areas (m², on the WGS 84 ellipsoid).")),
  /** {@code Σ gfa(b) = Σ fp(b) × L(b)}. */
  GFA("gfa", "m²", new Text("Tổng diện tích sàn", "Gross floor area"),
      new Text("Tổng diện tích sàn: diện tích đường bao × số tầng, cộng cho mọi công trình.",
          "Gross floor area: footprint area × number of levels, summed over all buildings.")),
  /** {@code Σ gfa(b) over b with u(b) = use}; id {@code gfa.<use>}. */
  GFA_BY_USE("gfa.%s", "m²", new Text("Diện tích sàn: %s", "Gross floor area: %s"),
      new Text("Tổng diện tích sàn của các công trình có chức năng '%s'.",
          "Gross floor area of the buildings whose use is '%s'.")),
  /** {@code area(A)}: for the city, the sum of its wards' areas. */
  LAND_AREA("land_area", "m²", new Text("Diện tích đất", "Land area"),
      new Text("Diện tích khu vực (m², trắc địa); với toàn thành phố là tổng diện tích các phường, xã.",
          "Area of the area (m², geodesic); for the whole city the sum of its wards' areas.")),
  /** {@code FAR = Σ gfa(b) / area(A)}. */
  FAR("far", "ratio", new Text("Hệ số sử dụng đất", "Floor area ratio"),
      new Text("Tổng diện tích sàn chia cho diện tích đất của khu vực.",
          "Gross floor area divided by the land area of the area.")),
  /** {@code coverage = 100 × Σ fp(b) / area(A)}. */
  COVERAGE("coverage", "%", new Text("Mật độ xây dựng", "Building coverage ratio"),
      new Text("Tổng diện tích đường bao công trình chia cho diện tích đất, tính theo phần trăm.",
          "Sum of footprint areas divided by the land area, in percent.")),
  /** {@code R = Σ rs(u(b)) × gfa(b) / m2p}. */
  RESIDENTS("residents", "persons", new Text("Dân số ước tính", "Estimated residents"),
      new Text("Diện tích sàn ở (theo tỷ lệ ở của từng chức năng) chia cho %s m² sàn mỗi người.",
          "Residential floor area (each use's residential share of its floor area) divided by %s m² per person.")),
  /** {@code J = Σ (1 − rs(u(b))) × gfa(b) / m2j(u(b))}, uses with m2j = 0 adding none. */
  JOBS("jobs", "jobs", new Text("Việc làm ước tính", "Estimated jobs"),
      new Text("Diện tích sàn không ở chia cho diện tích sàn mỗi việc làm của từng chức năng.",
          "Non-residential floor area divided by each use's floor area per job.")),
  /** {@code G = Σ area(park ∩ A)} over the parks layer. */
  GREEN_AREA("green_area", "m²", new Text("Diện tích cây xanh", "Green space"),
      new Text("Diện tích công viên, cây xanh nằm trong khu vực (m², trắc địa).",
          "Area of parks and green space inside the area (m², geodesic).")),
  /** {@code G / R}. */
  GREEN_PER_RESIDENT("green_per_resident", "m²/person",
      new Text("Cây xanh bình quân đầu người", "Green space per resident"),
      new Text("Diện tích cây xanh chia cho dân số ước tính.", "Green space divided by the estimated residents.")),
  /**
   * {@code 100 × Σ R(b) [d(b) ≤ D] / Σ R(b)}, residents placed at their building's representative point, d(b) the
   * walking distance to the nearest facility giving the service (along the roads when the network is used: straight
   * from the point to the nearest road, along the noded road network, straight from the road to the facility;
   * otherwise the straight geodesic distance), D the service's distance; id {@code access.<service>}.
   */
  ACCESS("access.%s", "%", new Text("Dân cư trong %s m tới %s", "Residents within %s m of %s"),
      new Text("Tỷ lệ dân số ước tính ở trong phạm vi %s m đi bộ (%s) tới %s.",
          "Share of the estimated residents living within %s m walking (%s) of %s.")),
  /** {@code Σ h(b) / n}. */
  AVG_HEIGHT("avg_height", "m", new Text("Chiều cao trung bình", "Average building height"),
      new Text("Trung bình cộng chiều cao các công trình.", "Mean of the buildings' heights.")),
  /** {@code |{b : h(b) > max_height(z(b))}|}, z(b) the land-use zone containing b's point (the strictest if several). */
  OVER_HEIGHT_LIMIT("over_height_limit", "buildings",
      new Text("Công trình vượt tầng cao quy hoạch", "Buildings over the height limit"),
      new Text("Số công trình cao hơn chiều cao tối đa của khu chức năng (sử dụng đất) chứa nó.",
          "Number of buildings taller than the maximum height of the land-use zone that contains them."));

  private final String idPattern;
  private final String unit;
  private final Text label;
  private final Text definition;

  IndicatorKind(String idPattern, String unit, Text label, Text definition) {
    this.idPattern = idPattern;
    this.unit = unit;
    this.label = label;
    this.definition = definition;
  }

  public String unit() {
    return unit;
  }

  /** The indicator; {@code definitionArgs} fill the definition's template (if it has one). */
  Indicator of(Double value, Object... definitionArgs) {
    return new Indicator(idPattern, value, unit, label, definition.format(definitionArgs));
  }

  /** An indicator of a templated kind ({@code gfa.%s}, {@code access.%s}). */
  Indicator templated(String idArg, Double value, Object[] labelArgs, Object[] definitionArgs) {
    return new Indicator(String.format(java.util.Locale.ROOT, idPattern, idArg), value, unit,
        label.format(labelArgs), definition.format(definitionArgs));
  }
}
