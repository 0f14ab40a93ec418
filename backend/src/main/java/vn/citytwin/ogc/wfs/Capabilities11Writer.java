package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.ogc.XmlBuilder;

/**
 * The WFS 1.1.0 capabilities document (valid against wfs/1.1.0/wfs.xsd, OWS 1.0, Filter 1.1): the same service,
 * operations and feature types as {@link Capabilities20Writer}, in the older vocabulary (one title per feature
 * type in the configured language, DefaultSRS/OtherSRS, a WGS 84 box on every type, ogc:Filter_Capabilities).
 */
final class Capabilities11Writer {
  private static final List<String> COMPARISONS = List.of("LessThan", "GreaterThan", "LessThanEqualTo",
      "GreaterThanEqualTo", "EqualTo", "NotEqualTo", "Like", "Between", "NullCheck");
  /** Filter 1.1 enumerates the operand names it allows; the multi-geometries are accepted but cannot be listed. */
  private static final List<String> OPERANDS = List.of("gml:Envelope", "gml:Point", "gml:LineString",
      "gml:Polygon");

  private Capabilities11Writer() {}

  static String write(CapabilitiesInput in) {
    String lang = in.service().defaultLanguage();
    XmlBuilder x = CapabilitiesHead.open(WfsVersion.V1_1_0, "ogc", "http://www.opengis.net/ogc");
    CapabilitiesHead.serviceIdentification(x, in, t -> t.leaf("ows:ServiceType", "WFS")
        .leaf("ows:ServiceTypeVersion", "1.1.0"));
    CapabilitiesHead.serviceProvider(x, in);

    x.open("ows:OperationsMetadata");
    CapabilitiesHead.operation(x, in, "GetCapabilities");
    x.open("ows:Parameter").attr("name", "AcceptVersions");
    values(x, List.of("1.1.0", "2.0.0", "1.0.0"));
    x.close().close();
    CapabilitiesHead.operation(x, in, "DescribeFeatureType");
    x.open("ows:Parameter").attr("name", "outputFormat");
    values(x, List.of(GmlVersion.GML31.mimeType(), GmlVersion.GML2.mimeType()));
    x.close().close();
    CapabilitiesHead.operation(x, in, "GetFeature");
    x.open("ows:Parameter").attr("name", "resultType");
    values(x, List.of("results", "hits"));
    x.close();
    x.open("ows:Parameter").attr("name", "outputFormat");
    values(x, WfsOutputFormat.offered(WfsVersion.V1_1_0).stream().map(WfsOutputFormat::mimeType).toList());
    x.close().close();
    if (in.transactions()) {
      CapabilitiesHead.operation(x, in, "Transaction");
      x.open("ows:Parameter").attr("name", "inputFormat");
      values(x, List.of(GmlVersion.GML31.mimeType()));
      x.close().close();
    }
    x.open("ows:Constraint").attr("name", "DefaultMaxFeatures");
    values(x, List.of(Integer.toString(in.countDefault())));
    x.close();
    x.close();

    x.open("wfs:FeatureTypeList");
    for (Layer l : in.layers()) {
      x.open("wfs:FeatureType");
      x.leaf("wfs:Name", WfsNames.typeName(l));
      x.leaf("wfs:Title", l.meta().title(lang));
      String a = l.meta().abstractText(lang);
      if (a != null) {
        x.leaf("wfs:Abstract", a);
      }
      x.leaf("wfs:DefaultSRS", SupportedCrs.urn(4326));
      for (int srid : SupportedCrs.EPSG_CODES) {
        if (srid != 4326) {
          x.leaf("wfs:OtherSRS", SupportedCrs.urn(srid));
        }
      }
      x.open("wfs:OutputFormats");
      WfsOutputFormat.offered(WfsVersion.V1_1_0).forEach(f -> x.leaf("wfs:Format", f.mimeType()));
      x.close();
      double[] b = in.bbox(l);
      if (b == null) {
        b = new double[] {-180, -90, 180, 90}; // required in 1.1.0; an empty layer has no extent of its own
      }
      x.open("ows:WGS84BoundingBox").leaf("ows:LowerCorner", b[0] + " " + b[1])
          .leaf("ows:UpperCorner", b[2] + " " + b[3]).close();
      x.close();
    }
    x.close();

    x.open("ogc:Filter_Capabilities");
    x.open("ogc:Spatial_Capabilities").open("ogc:GeometryOperands");
    OPERANDS.forEach(o -> x.leaf("ogc:GeometryOperand", o));
    x.close().open("ogc:SpatialOperators");
    Capabilities20Writer.SPATIAL.forEach(s -> x.open("ogc:SpatialOperator").attr("name", s).close());
    x.close().close();
    x.open("ogc:Scalar_Capabilities").empty("ogc:LogicalOperators").open("ogc:ComparisonOperators");
    COMPARISONS.forEach(c -> x.leaf("ogc:ComparisonOperator", c));
    x.close().close();
    x.open("ogc:Id_Capabilities").empty("ogc:EID").empty("ogc:FID").close();
    x.close();
    x.close();
    return x.build();
  }

  private static void values(XmlBuilder x, List<String> values) {
    values.forEach(v -> x.leaf("ows:Value", v));
  }
}
