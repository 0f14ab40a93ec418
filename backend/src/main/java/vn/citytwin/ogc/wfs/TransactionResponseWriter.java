package vn.citytwin.ogc.wfs;

import vn.citytwin.ogc.XmlBuilder;
import vn.citytwin.features.EditResult;
import vn.citytwin.features.EditResult.InsertedId;

/**
 * The TransactionResponse of WFS 2.0 (fes:ResourceId) and 1.1.0 (ogc:FeatureId), with the inserted ids; in WFS
 * 1.0.0 the WFS_TransactionResponse (InsertResult with ogc:FeatureId, TransactionResult with Status SUCCESS).
 */
final class TransactionResponseWriter {
  private TransactionResponseWriter() {}

  static String write(EditResult r, WfsVersion version) {
    if (version == WfsVersion.V1_0_0) {
      return write10(r);
    }
    boolean v2 = version == WfsVersion.V2_0_0;
    XmlBuilder x = new XmlBuilder();
    x.open("wfs:TransactionResponse").attr("version", version.text())
        .attr("xmlns:wfs", version.namespace())
        .attr(v2 ? "xmlns:fes" : "xmlns:ogc", v2 ? "http://www.opengis.net/fes/2.0" : "http://www.opengis.net/ogc")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation", version.namespace() + " " + version.schemaLocation());
    x.open("wfs:TransactionSummary");
    x.leaf("wfs:totalInserted", r.totalInserted());
    x.leaf("wfs:totalUpdated", r.totalUpdated());
    if (v2) {
      x.leaf("wfs:totalReplaced", r.totalReplaced());
    }
    x.leaf("wfs:totalDeleted", r.totalDeleted());
    x.close();
    if (!r.inserted().isEmpty()) {
      x.open("wfs:InsertResults");
      for (InsertedId id : r.inserted()) {
        x.open("wfs:Feature").attr("handle", id.handle());
        String rid = WfsNames.element(id.layerId()) + "." + id.id();
        if (v2) {
          x.open("fes:ResourceId").attr("rid", rid).close();
        } else {
          x.open("ogc:FeatureId").attr("fid", rid).close();
        }
        x.close();
      }
      x.close();
    }
    x.close();
    return x.build();
  }

  private static String write10(EditResult r) {
    XmlBuilder x = new XmlBuilder();
    x.open("wfs:WFS_TransactionResponse").attr("version", "1.0.0")
        .attr("xmlns:wfs", WfsVersion.V1_0_0.namespace())
        .attr("xmlns:ogc", "http://www.opengis.net/ogc")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation", WfsVersion.V1_0_0.namespace()
            + " http://schemas.opengis.net/wfs/1.0.0/WFS-transaction.xsd");
    for (InsertedId id : r.inserted()) {
      x.open("wfs:InsertResult").attr("handle", id.handle());
      x.open("ogc:FeatureId").attr("fid", WfsNames.element(id.layerId()) + "." + id.id()).close();
      x.close();
    }
    x.open("wfs:TransactionResult").open("wfs:Status").empty("wfs:SUCCESS").close().close();
    x.close();
    return x.build();
  }
}
