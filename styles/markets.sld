<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>markets</Name>
    <UserStyle>
      <Name>markets</Name>
      <Title>Chợ</Title>
      <Abstract>Chợ dân sinh (biểu tượng giỏ hàng màu cam); tên ở tỉ lệ lớn.</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>market-large</Name>
          <Title>Chợ</Title>
          <MaxScaleDenominator>12065</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <ExternalGraphic>
                <OnlineResource xlink:type="simple" xlink:href="icons/market.svg"/>
                <Format>image/svg+xml</Format>
              </ExternalGraphic>
              <Size>17</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans</CssParameter>
              <CssParameter name="font-size">10</CssParameter>
            </Font>
            <LabelPlacement>
              <PointPlacement>
                <AnchorPoint>
                  <AnchorPointX>0</AnchorPointX>
                  <AnchorPointY>0.5</AnchorPointY>
                </AnchorPoint>
                <Displacement>
                  <DisplacementX>10</DisplacementX>
                  <DisplacementY>0</DisplacementY>
                </Displacement>
              </PointPlacement>
            </LabelPlacement>
            <Halo>
              <Radius>1.8</Radius>
              <Fill>
                <CssParameter name="fill">#ffffff</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#9a4d00</CssParameter>
            </Fill>
            <Priority>650</Priority>
            <VendorOption name="autoWrap">110</VendorOption>
            <VendorOption name="spaceAround">3</VendorOption>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>market</Name>
          <Title>Chợ</Title>
          <MinScaleDenominator>12065</MinScaleDenominator>
          <MaxScaleDenominator>193033</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <ExternalGraphic>
                <OnlineResource xlink:type="simple" xlink:href="icons/market.svg"/>
                <Format>image/svg+xml</Format>
              </ExternalGraphic>
              <Size>13</Size>
            </Graphic>
          </PointSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
