#!/usr/bin/env python3
"""Writes styles/roads.sld from the table below: one rule per road class and web-map zoom.

Zoom bands follow 256-px web tiles at 0.28 mm/pixel (z14 = 1:34,124); a band's edges are the geometric means of
neighbouring zooms' scales, so a tile's scale never sits on an edge. Minor roads and alleys appear later and
thinner; a casing is drawn only where the fill is wide enough (>= 3 px) for the casing to read as an edge.
Run from the repository root: python3 scripts/styles/roads_sld.py > styles/roads.sld
"""
import math

# scale denominator of zoom z for 256-px tiles at 0.28 mm/pixel
def scale(z):
    return 559082264.0287178 / 2 ** z

def edge(z):
    """Boundary between zoom z and z+1 (geometric mean), rounded to a whole denominator."""
    return round(math.sqrt(scale(z) * scale(z + 1)))

# class: (title, low-zoom colour, fill colour, casing colour, label priority)
CLASSES = {
    "motorway": ("Đường cao tốc", "#e07590", "#e892a2", "#c24e6b", 1000),
    "trunk": ("Quốc lộ, trục chính", "#e8845f", "#f9b29c", "#c84e2f", 950),
    "primary": ("Đường chính", "#e0a24a", "#fcd6a4", "#a06b00", 900),
    "secondary": ("Đường cấp 2", "#bfc24a", "#f7fabf", "#8a8f1c", 800),
    "tertiary": ("Đường cấp 3", "#b3b3b3", "#ffffff", "#9a9a9a", 700),
    "residential": ("Đường nội bộ", "#c4c4c4", "#ffffff", "#b8b8b8", 500),
    "service": ("Đường dịch vụ, hẻm", "#cfcfcf", "#ffffff", "#c4c4c4", 300),
}

# class -> zoom -> (fill width px, casing width px or None, label font size or None); zoom 11 means "11 and below",
# 18 means "18 and beyond". A class is not drawn at zooms it does not list.
WIDTHS = {
    "motorway": {11: (1.5, None, None), 12: (2, None, None), 13: (3, None, None), 14: (4, 5.5, 10),
                 15: (6, 7.5, 11), 16: (9, 11, 12), 17: (13, 15, 13), 18: (18, 20, 13)},
    "trunk": {11: (1.5, None, None), 12: (2, None, None), 13: (3, None, None), 14: (4, 5.5, 10),
              15: (6, 7.5, 11), 16: (9, 11, 12), 17: (13, 15, 13), 18: (17, 19, 13)},
    "primary": {11: (1, None, None), 12: (1.6, None, None), 13: (2.5, None, None), 14: (3.5, 5, 10),
                15: (5.5, 7, 11), 16: (8, 10, 12), 17: (12, 14, 13), 18: (16, 18, 13)},
    "secondary": {12: (1.2, None, None), 13: (2, None, None), 14: (3, 4.5, None), 15: (5, 6.5, 10),
                  16: (7, 9, 12), 17: (10, 12, 13), 18: (14, 16, 13)},
    "tertiary": {12: (0.8, None, None), 13: (1.2, None, None), 14: (2, None, None), 15: (3.5, 5, 10),
                 16: (5.5, 7, 11), 17: (9, 11, 12), 18: (12, 14, 13)},
    "residential": {13: (0.5, None, None), 14: (1, None, None), 15: (2.5, None, None), 16: (4.5, 6, 11),
                    17: (7.5, 9.5, 12), 18: (10, 12, 13)},
    "service": {15: (0.7, None, None), 16: (1.8, None, None), 17: (3.5, 4.5, 11), 18: (5, 6.5, 11)},
}

# footways: zoom -> (width, dash)
FOOTWAYS = {16: (1, "3 2"), 17: (1.3, "4 3"), 18: (1.6, "4 3")}
# below this zoom a class is drawn in its darker low-zoom colour (thin lines over land use)
LIGHT_FROM = {"motorway": 14, "trunk": 14, "primary": 14, "secondary": 14, "tertiary": 15, "residential": 15,
              "service": 16}


def band(z):
    lo = None if z >= 18 else edge(z)
    hi = None if z <= 11 else edge(z - 1)
    out = []
    if lo is not None:
        out.append(f"          <MinScaleDenominator>{lo}</MinScaleDenominator>")
    if hi is not None:
        out.append(f"          <MaxScaleDenominator>{hi}</MaxScaleDenominator>")
    return "\n".join(out)


def num(w):
    return f"{w:g}"


def rule(name, title, cls, z, body):
    return f"""        <Rule>
          <Name>{name}</Name>
          <Title>{title}</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>class</ogc:PropertyName>
              <ogc:Literal>{cls}</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
{band(z)}
{body}        </Rule>
"""


def line(colour, width, cap="round", dash=None):
    d = f"\n              <CssParameter name=\"stroke-dasharray\">{dash}</CssParameter>" if dash else ""
    return f"""          <LineSymbolizer>
            <Stroke>
              <CssParameter name="stroke">{colour}</CssParameter>
              <CssParameter name="stroke-width">{num(width)}</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
              <CssParameter name="stroke-linecap">{cap}</CssParameter>{d}
            </Stroke>
          </LineSymbolizer>
"""


def label(size, priority):
    return f"""          <TextSymbolizer>
            <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans</CssParameter>
              <CssParameter name="font-size">{size}</CssParameter>
            </Font>
            <LabelPlacement>
              <LinePlacement/>
            </LabelPlacement>
            <Halo>
              <Radius>2</Radius>
              <Fill>
                <CssParameter name="fill">#ffffff</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#333333</CssParameter>
            </Fill>
            <Priority>{priority}</Priority>
            <VendorOption name="followLine">true</VendorOption>
            <VendorOption name="maxAngleDelta">25</VendorOption>
            <VendorOption name="group">true</VendorOption>
            <VendorOption name="spaceAround">3</VendorOption>
            <VendorOption name="repeat">400</VendorOption>
          </TextSymbolizer>
"""


def main():
    out = ["""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/styles/roads_sld.py: edit the table there, then run it (see its docstring). -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>roads</Name>
    <UserStyle>
      <Name>roads</Name>
      <Title>Đường giao thông</Title>
      <Abstract>Đường theo cấp (class), màu OSM Carto, theo các mức thu phóng của bản đồ web: đường nhỏ và hẻm xuất hiện muộn hơn và mảnh hơn; viền (casing) chỉ khi lòng đường đủ rộng; tên đường chạy dọc theo đường, đường lớn được ưu tiên.</Abstract>
      <!-- footways under the road network -->
      <FeatureTypeStyle>
        <Name>footways</Name>
"""]
    for z, (w, dash) in FOOTWAYS.items():
        out.append(rule(f"footway-z{z}", "Đường đi bộ", "footway", z, line("#fa8072", w, "butt", dash)))
    out.append("""      </FeatureTypeStyle>
      <!-- casings of every road first, so fills join cleanly at junctions -->
      <FeatureTypeStyle>
        <Name>casing</Name>
""")
    for cls, zooms in WIDTHS.items():
        title, _, _, casing, _ = CLASSES[cls]
        for z, (_, cw, _) in zooms.items():
            if cw is not None:
                out.append(rule(f"{cls}-z{z}", title, cls, z, line(casing, cw)))
    out.append("""      </FeatureTypeStyle>
      <!-- fills and names over every casing -->
      <FeatureTypeStyle>
        <Name>fill</Name>
""")
    for cls in WIDTHS:
        title, low, fill, _, priority = CLASSES[cls]
        for z, (w, _, size) in WIDTHS[cls].items():
            colour = fill if z >= LIGHT_FROM[cls] else low
            body = line(colour, w) + (label(size, priority) if size else "")
            out.append(rule(f"{cls}-z{z}", title, cls, z, body))
    out.append("""      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
""")
    print("".join(out), end="")


if __name__ == "__main__":
    main()
