package vn.citytwin.ogc.wfs;

import java.util.List;
import vn.citytwin.catalog.Layer;
import vn.citytwin.ogc.XmlBuilder;

/**
 * The WFS 1.0.0 capabilities document (valid against wfs/1.0.0/WFS-capabilities.xsd and Filter 1.0): Service,
 * Capability (each request with its GET and POST DCP), FeatureTypeList (one SRS per type, {@code EPSG:4326}, and
 * a LatLongBoundingBox) and ogc:Filter_Capabilities. The same service and feature types as
 * {@link Capabilities11Writer}, in the 1.0 vocabulary; other CRSs are still accepted in srsName.
 */
final class Capabilities10Writer {
  private static final String OGC = "http://www.opengis.net/ogc";
  /** Filter 1.0 capability names (its capabilities call the Intersects operator "Intersect"). */
  private static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersect", "Touches",
      "Crosses", "Within", "Contains", "Overlaps", "Beyond", "DWithin");

  private Capabilities10Writer() {}

  static String write(CapabilitiesInput in) {
    String lang = in.service().defaultLanguage();
    WfsVersion v = WfsVersion.V1_0_0;
    XmlBuilder x = new XmlBuilder();
    x.open("wfs:WFS_Capabilities").attr("version", v.text())
        .attr("xmlns:wfs", v.namespace())
        .attr("xmlns:ogc", OGC)
        .attr("xmlns:gml", v.gml().namespace())
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xmlns:" + WfsNames.PREFIX, WfsNames.NAMESPACE)
        .attr("xsi:schemaLocation", v.namespace() + " " + v.schemaLocation());

    x.open("wfs:Service");
    x.leaf("wfs:Name", "WFS");
    x.leaf("wfs:Title", in.service().title());
    x.leaf("wfs:Abstract", in.service().abstractText());
    // the keywords of the 2.0 document; OWSLib's 1.0 reader also fails without the element
    x.leaf("wfs:Keywords", "Vũng Tàu, digital twin, WFS");
    x.leaf("wfs:OnlineResource", in.url());
    x.leaf("wfs:Fees", "NONE");
    x.leaf("wfs:AccessConstraints", "NONE");
    x.close();

    x.open("wfs:Capability").open("wfs:Request");
    request(x, in, "GetCapabilities");
    x.open("wfs:DescribeFeatureType").open("wfs:SchemaDescriptionLanguage").empty("wfs:XMLSCHEMA").close();
    dcp(x, in);
    x.close();
    if (in.transactions()) {
      request(x, in, "Transaction");
    }
    // the 1.0 schema lists GML2 only; the other formats (GML3, JSON, CSV) are accepted in outputFormat
    x.open("wfs:GetFeature").open("wfs:ResultFormat").empty("wfs:GML2").close();
    dcp(x, in);
    x.close();
    x.close().close();

    x.open("wfs:FeatureTypeList");
    x.open("wfs:Operations").empty("wfs:Query");
    if (in.transactions()) {
      x.empty("wfs:Insert").empty("wfs:Update").empty("wfs:Delete");
    }
    x.close();
    for (Layer l : in.layers()) {
      x.open("wfs:FeatureType");
      x.leaf("wfs:Name", WfsNames.typeName(l));
      x.leaf("wfs:Title", l.meta().title(lang));
      String a = l.meta().abstractText(lang);
      if (a != null) {
        x.leaf("wfs:Abstract", a);
      }
      x.leaf("wfs:Keywords", l.id());
      x.leaf("wfs:SRS", v.defaultSrsName());
      double[] b = in.bbox(l);
      if (b == null) {
        b = new double[] {-180, -90, 180, 90}; // an empty layer has no extent of its own
      }
      x.open("wfs:LatLongBoundingBox").attr("minx", b[0]).attr("miny", b[1]).attr("maxx", b[2])
          .attr("maxy", b[3]).close();
      x.close();
    }
    x.close();

    x.open("ogc:Filter_Capabilities");
    x.open("ogc:Spatial_Capabilities").open("ogc:Spatial_Operators");
    SPATIAL.forEach(s -> x.empty("ogc:" + s));
    x.close().close();
    x.open("ogc:Scalar_Capabilities").empty("ogc:Logical_Operators").open("ogc:Comparison_Operators")
        .empty("ogc:Simple_Comparisons").empty("ogc:Like").empty("ogc:Between").empty("ogc:NullCheck").close();
    x.close();
    x.close();
    x.close();
    return x.build();
  }

  private static void request(XmlBuilder x, CapabilitiesInput in, String name) {
    x.open("wfs:" + name);
    dcp(x, in);
    x.close();
  }

  /** GET (the endpoint with a trailing {@code ?}, as 1.0 clients append parameters) and POST. */
  private static void dcp(XmlBuilder x, CapabilitiesInput in) {
    x.open("wfs:DCPType").open("wfs:HTTP").open("wfs:Get").attr("onlineResource", in.url() + "?").close().close()
        .close();
    x.open("wfs:DCPType").open("wfs:HTTP").open("wfs:Post").attr("onlineResource", in.url()).close().close()
        .close();
  }
}
