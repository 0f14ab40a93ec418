package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.features.SupportedCrs;
import vn.citytwin.ogc.XmlBuilder;

/**
 * The WFS 2.0.0 capabilities document (valid against wfs/2.0/wfs.xsd): service identification and provider from
 * the configuration, every operation with GET and POST, the conformance constraints (Basic WFS with result paging
 * and GetFeatureById; Transactional WFS only when enabled; no locking, no joins), one feature type per public
 * layer with both titles, its CRSs and WGS 84 extent, and the FES 2.0 filter capabilities of the filter module.
 */
final class Capabilities20Writer {
  static final List<String> COMPARISONS = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
      "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike",
      "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween");
  static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses",
      "Within", "Contains", "Overlaps", "DWithin", "Beyond");
  static final List<String> OPERANDS = List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon",
      "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface", "gml:MultiGeometry");
  /** FES 2.0.0 names AnyInteracts only as an extension. */
  private static final List<String> TEMPORAL = List.of("After", "Before", "During", "TEquals",
      "extension:AnyInteracts");

  private Capabilities20Writer() {}

  static String write(CapabilitiesInput in) {
    XmlBuilder x = CapabilitiesHead.open(WfsVersion.V2_0_0, "fes", "http://www.opengis.net/fes/2.0");
    CapabilitiesHead.serviceIdentification(x, in, t -> {
      t.open("ows:Keywords").leaf("ows:Keyword", "Vũng Tàu").leaf("ows:Keyword", "digital twin")
          .leaf("ows:Keyword", "WFS").close();
      t.open("ows:ServiceType").attr("codeSpace", "OGC").text("WFS").close();
      t.leaf("ows:ServiceTypeVersion", "2.0.0");
      t.leaf("ows:ServiceTypeVersion", "1.1.0");
      t.leaf("ows:ServiceTypeVersion", "1.0.0");
    });
    CapabilitiesHead.serviceProvider(x, in);
    operations(x, in);
    featureTypes(x, in);
    filterCapabilities(x);
    x.close();
    return x.build();
  }

  private static void operations(XmlBuilder x, CapabilitiesInput in) {
    x.open("ows:OperationsMetadata");
    CapabilitiesHead.operation(x, in, "GetCapabilities");
    x.open("ows:Parameter").attr("name", "AcceptVersions");
    allowed(x, List.of("2.0.0", "1.1.0", "1.0.0"));
    x.close();
    x.close();
    CapabilitiesHead.operation(x, in, "DescribeFeatureType");
    x.open("ows:Parameter").attr("name", "outputFormat");
    allowed(x, List.of(GmlVersion.GML32.mimeType(), GmlVersion.GML31.mimeType(), GmlVersion.GML2.mimeType()));
    x.close();
    x.close();
    CapabilitiesHead.operation(x, in, "ListStoredQueries").close();
    CapabilitiesHead.operation(x, in, "DescribeStoredQueries").close();
    CapabilitiesHead.operation(x, in, "GetFeature");
    x.open("ows:Parameter").attr("name", "outputFormat");
    allowed(x, WfsOutputFormat.offered(WfsVersion.V2_0_0).stream().map(WfsOutputFormat::mimeType).toList());
    x.close();
    x.open("ows:Parameter").attr("name", "resultType");
    allowed(x, List.of("results", "hits"));
    x.close();
    x.close();
    CapabilitiesHead.operation(x, in, "GetPropertyValue").close();
    if (in.transactions()) {
      CapabilitiesHead.operation(x, in, "Transaction");
      x.open("ows:Parameter").attr("name", "inputFormat");
      allowed(x, List.of(GmlVersion.GML32.mimeType(), GmlVersion.GML31.mimeType()));
      x.close();
      x.close();
    }
    x.open("ows:Parameter").attr("name", "version");
    allowed(x, List.of("2.0.0", "1.1.0", "1.0.0"));
    x.close();
    constraint(x, "ImplementsBasicWFS", true);
    constraint(x, "ImplementsTransactionalWFS", in.transactions());
    constraint(x, "ImplementsLockingWFS", false);
    constraint(x, "KVPEncoding", true);
    constraint(x, "XMLEncoding", true);
    constraint(x, "SOAPEncoding", false);
    constraint(x, "ImplementsInheritance", false);
    constraint(x, "ImplementsRemoteResolve", false);
    constraint(x, "ImplementsResultPaging", true);
    constraint(x, "ImplementsStandardJoins", false);
    constraint(x, "ImplementsSpatialJoins", false);
    constraint(x, "ImplementsTemporalJoins", false);
    constraint(x, "ImplementsFeatureVersioning", false);
    constraint(x, "ManageStoredQueries", false);
    x.open("ows:Constraint").attr("name", "CountDefault").empty("ows:NoValues")
        .leaf("ows:DefaultValue", in.countDefault()).close();
    x.open("ows:Constraint").attr("name", "QueryExpressions");
    allowed(x, List.of("wfs:Query", "wfs:StoredQuery"));
    x.close();
    x.close();
  }

  static void allowed(XmlBuilder x, List<String> values) {
    x.open("ows:AllowedValues");
    values.forEach(v -> x.leaf("ows:Value", v));
    x.close();
  }

  private static void constraint(XmlBuilder x, String name, boolean value) {
    x.open("ows:Constraint").attr("name", name).empty("ows:NoValues")
        .leaf("ows:DefaultValue", value ? "TRUE" : "FALSE").close();
  }

  private static void featureTypes(XmlBuilder x, CapabilitiesInput in) {
    x.open("wfs:FeatureTypeList");
    for (Layer l : in.layers()) {
      x.open("wfs:FeatureType");
      x.leaf("wfs:Name", WfsNames.typeName(l));
      x.open("wfs:Title").attr("xml:lang", "vi").text(l.meta().title("vi")).close();
      x.open("wfs:Title").attr("xml:lang", "en").text(l.meta().title("en")).close();
      for (String lang : List.of("vi", "en")) {
        String a = l.meta().abstractText(lang);
        if (a != null) {
          x.open("wfs:Abstract").attr("xml:lang", lang).text(a).close();
        }
      }
      x.leaf("wfs:DefaultCRS", SupportedCrs.urn(4326));
      for (int srid : SupportedCrs.EPSG_CODES) {
        if (srid != 4326) {
          x.leaf("wfs:OtherCRS", SupportedCrs.urn(srid));
        }
      }
      x.open("wfs:OutputFormats");
      WfsOutputFormat.offered(WfsVersion.V2_0_0).forEach(f -> x.leaf("wfs:Format", f.mimeType()));
      x.close();
      double[] b = in.bbox(l);
      if (b != null) {
        x.open("ows:WGS84BoundingBox").leaf("ows:LowerCorner", b[0] + " " + b[1])
            .leaf("ows:UpperCorner", b[2] + " " + b[3]).close();
      }
      x.close();
    }
    x.close();
  }

  private static void filterCapabilities(XmlBuilder x) {
    x.open("fes:Filter_Capabilities");
    x.open("fes:Conformance");
    fesConstraint(x, "ImplementsQuery", true);
    fesConstraint(x, "ImplementsAdHocQuery", true);
    fesConstraint(x, "ImplementsFunctions", false);
    fesConstraint(x, "ImplementsResourceId", true);
    fesConstraint(x, "ImplementsMinStandardFilter", true);
    fesConstraint(x, "ImplementsStandardFilter", true);
    fesConstraint(x, "ImplementsMinSpatialFilter", true);
    fesConstraint(x, "ImplementsSpatialFilter", true);
    fesConstraint(x, "ImplementsMinTemporalFilter", true);
    fesConstraint(x, "ImplementsTemporalFilter", false);
    fesConstraint(x, "ImplementsVersionNav", false);
    fesConstraint(x, "ImplementsSorting", true);
    fesConstraint(x, "ImplementsExtendedOperators", false);
    fesConstraint(x, "ImplementsMinimumXPath", true);
    fesConstraint(x, "ImplementsSchemaElementFunc", false);
    x.close();
    x.open("fes:Id_Capabilities").open("fes:ResourceIdentifier").attr("name", "fes:ResourceId").close().close();
    x.open("fes:Scalar_Capabilities").empty("fes:LogicalOperators").open("fes:ComparisonOperators");
    COMPARISONS.forEach(c -> x.open("fes:ComparisonOperator").attr("name", c).close());
    x.close().close();
    x.open("fes:Spatial_Capabilities").open("fes:GeometryOperands");
    OPERANDS.forEach(o -> x.open("fes:GeometryOperand").attr("name", o).close());
    x.close().open("fes:SpatialOperators");
    SPATIAL.forEach(s -> x.open("fes:SpatialOperator").attr("name", s).close());
    x.close().close();
    x.open("fes:Temporal_Capabilities").open("fes:TemporalOperands");
    x.open("fes:TemporalOperand").attr("name", "gml:TimeInstant").close();
    x.open("fes:TemporalOperand").attr("name", "gml:TimePeriod").close();
    x.close().open("fes:TemporalOperators");
    TEMPORAL.forEach(t -> x.open("fes:TemporalOperator").attr("name", t).close());
    x.close().close();
    x.close();
  }

  private static void fesConstraint(XmlBuilder x, String name, boolean value) {
    x.open("fes:Constraint").attr("name", name).empty("ows:NoValues")
        .leaf("ows:DefaultValue", value ? "TRUE" : "FALSE").close();
  }
}
