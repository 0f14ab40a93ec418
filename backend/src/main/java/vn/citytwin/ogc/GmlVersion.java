package vn.citytwin.ogc;

/** The GML versions the services write: 3.2.1 (WFS 2.0), 3.1.1 (WFS 1.1.0) and 2.1.2 (older clients). */
public enum GmlVersion {
  GML32("http://www.opengis.net/gml/3.2", "http://schemas.opengis.net/gml/3.2.1/gml.xsd",
      "application/gml+xml; version=3.2"),
  GML31("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd",
      "text/xml; subtype=gml/3.1.1"),
  GML2("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/2.1.2/feature.xsd",
      "text/xml; subtype=gml/2.1.2");

  private final String namespace;
  private final String schemaLocation;
  private final String mimeType;

  GmlVersion(String namespace, String schemaLocation, String mimeType) {
    this.namespace = namespace;
    this.schemaLocation = schemaLocation;
    this.mimeType = mimeType;
  }

  public String namespace() {
    return namespace;
  }

  /** The official schema location of this version. */
  public String schemaLocation() {
    return schemaLocation;
  }

  /** The output format name WFS advertises for this version. */
  public String mimeType() {
    return mimeType;
  }

  /** GML 3.2 requires {@code gml:id} on every geometry; earlier versions make it optional. */
  public boolean requiresIds() {
    return this == GML32;
  }
}
