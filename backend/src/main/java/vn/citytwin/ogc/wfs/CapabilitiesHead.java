package vn.citytwin.ogc.wfs;

import java.util.function.Consumer;
import vn.citytwin.ogc.XmlBuilder;

/**
 * The parts the WFS 1.1.0 and 2.0.0 capabilities documents share in shape: the root element with its namespaces,
 * ows:ServiceIdentification, ows:ServiceProvider and the DCP of each ows:Operation. Each version brings what
 * differs (its OWS, GML and filter namespaces through {@link WfsVersion}, how it names the service type), so the
 * elements and their order stay exactly as each schema wants them.
 */
final class CapabilitiesHead {
  private CapabilitiesHead() {}

  /**
   * Opens wfs:WFS_Capabilities of {@code v}; the caller writes the sections and closes it.
   *
   * @param filterPrefix the filter vocabulary's prefix ({@code ogc} for Filter 1.1, {@code fes} for FES 2.0)
   */
  static XmlBuilder open(WfsVersion v, String filterPrefix, String filterNamespace) {
    XmlBuilder x = new XmlBuilder();
    x.open("wfs:WFS_Capabilities").attr("version", v.text())
        .attr("xmlns:wfs", v.namespace())
        .attr("xmlns:ows", v.ows().namespace())
        .attr("xmlns:" + filterPrefix, filterNamespace)
        .attr("xmlns:gml", v.gml().namespace())
        .attr("xmlns:xlink", "http://www.w3.org/1999/xlink")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xmlns:" + WfsNames.PREFIX, WfsNames.NAMESPACE)
        .attr("xsi:schemaLocation", v.namespace() + " " + v.schemaLocation());
    return x;
  }

  /**
   * ows:ServiceIdentification from the configuration; {@code typeAndVersions} writes what stands between
   * ows:Abstract and ows:Fees (keywords, service type and its versions), which the two OWS versions spell apart.
   */
  static void serviceIdentification(XmlBuilder x, CapabilitiesInput in, Consumer<XmlBuilder> typeAndVersions) {
    x.open("ows:ServiceIdentification");
    x.leaf("ows:Title", in.service().title());
    x.leaf("ows:Abstract", in.service().abstractText());
    typeAndVersions.accept(x);
    x.leaf("ows:Fees", "NONE");
    x.leaf("ows:AccessConstraints", "NONE");
    x.close();
  }

  static void serviceProvider(XmlBuilder x, CapabilitiesInput in) {
    x.open("ows:ServiceProvider");
    x.leaf("ows:ProviderName", in.service().provider());
    x.open("ows:ServiceContact").open("ows:ContactInfo").open("ows:Address")
        .leaf("ows:ElectronicMailAddress", in.service().contactEmail()).close().close().close();
    x.close();
  }

  /** Opens ows:Operation with its DCP (GET and POST on the one endpoint); the caller adds parameters and closes it. */
  static XmlBuilder operation(XmlBuilder x, CapabilitiesInput in, String name) {
    x.open("ows:Operation").attr("name", name);
    x.open("ows:DCP").open("ows:HTTP")
        .open("ows:Get").attr("xlink:href", in.url() + "?").close()
        .open("ows:Post").attr("xlink:href", in.url()).close()
        .close().close();
    return x;
  }
}
