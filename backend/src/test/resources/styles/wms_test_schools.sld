<?xml version="1.0" encoding="UTF-8"?>
<!-- Test style (test classpath only): schools as 12 px pure red squares, so pixel tests know the colour. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer>
    <Name>schools</Name>
    <UserStyle>
      <Name>wms_test_schools</Name>
      <Title>Test: red squares</Title>
      <FeatureTypeStyle>
        <Rule>
          <Title>School</Title>
          <PointSymbolizer>
            <Graphic>
              <Mark><WellKnownName>square</WellKnownName><Fill><CssParameter name="fill">#ff0000</CssParameter></Fill></Mark>
              <Size>12</Size>
            </Graphic>
          </PointSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
