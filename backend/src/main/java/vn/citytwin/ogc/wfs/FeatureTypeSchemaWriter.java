package vn.citytwin.ogc.wfs;

import java.util.List;
import java.util.Locale;
import vn.citytwin.catalog.Field;
import vn.citytwin.catalog.GeometryKind;
import vn.citytwin.catalog.Layer;
import vn.citytwin.ogc.GmlVersion;
import vn.citytwin.ogc.XmlBuilder;
import vn.citytwin.scenario.ScenarioSource;

/**
 * DescribeFeatureType: an XML Schema of the requested feature types as GML application schema for GML 3.2, 3.1.1
 * or 2.1.2. Each type extends the version's abstract feature type with one element per attribute column in table
 * order (the id column is the gml:id, not an element), then the geometry, then {@code scenario_status} (present
 * only in scenario responses). Elements are optional and nillable; the encoders omit null values.
 */
final class FeatureTypeSchemaWriter {
  private FeatureTypeSchemaWriter() {}

  static String write(List<Layer> layers, GmlVersion gml) {
    XmlBuilder x = new XmlBuilder();
    x.open("xsd:schema").attr("xmlns:xsd", "http://www.w3.org/2001/XMLSchema")
        .attr("xmlns:gml", gml.namespace())
        .attr("xmlns:" + WfsNames.PREFIX, WfsNames.NAMESPACE)
        .attr("targetNamespace", WfsNames.NAMESPACE)
        .attr("elementFormDefault", "qualified").attr("version", "1.0");
    x.open("xsd:import").attr("namespace", gml.namespace()).attr("schemaLocation", gml.schemaLocation()).close();
    for (Layer l : layers) {
      String name = WfsNames.element(l.id());
      x.open("xsd:complexType").attr("name", name + "Type");
      x.open("xsd:complexContent").open("xsd:extension").attr("base", "gml:AbstractFeatureType")
          .open("xsd:sequence");
      for (Field f : l.fields()) {
        if (f.name().equals(l.idColumn())) {
          continue;
        }
        x.open("xsd:element").attr("name", WfsNames.element(f.name())).attr("type", xsdType(f))
            .attr("minOccurs", "0").attr("nillable", "true").close();
      }
      x.open("xsd:element").attr("name", WfsNames.element(l.geometryColumn()))
          .attr("type", geometryType(l.geometryKind(), gml)).attr("minOccurs", "0").close();
      x.open("xsd:element").attr("name", ScenarioSource.STATUS_COLUMN).attr("type", "xsd:string")
          .attr("minOccurs", "0").close();
      x.close().close().close().close();
      x.open("xsd:element").attr("name", name).attr("type", WfsNames.PREFIX + ":" + name + "Type")
          .attr("substitutionGroup", gml == GmlVersion.GML32 ? "gml:AbstractFeature" : "gml:_Feature").close();
    }
    x.close();
    return x.build();
  }

  static String xsdType(Field f) {
    String pg = f.pgType().toLowerCase(Locale.ROOT);
    return switch (f.type()) {
      case INTEGER -> pg.equals("smallint") ? "xsd:short" : pg.equals("integer") ? "xsd:int" : "xsd:long";
      case NUMBER -> pg.startsWith("numeric") || pg.startsWith("decimal") ? "xsd:decimal"
          : pg.equals("real") ? "xsd:float" : "xsd:double";
      case BOOLEAN -> "xsd:boolean";
      case DATE -> "xsd:date";
      case TIMESTAMP -> "xsd:dateTime";
      default -> "xsd:string";
    };
  }

  /** The GML property type whose value element the encoder writes for this kind of geometry. */
  static String geometryType(GeometryKind kind, GmlVersion gml) {
    return switch (gml) {
      case GML32 -> switch (kind) {
        case POINT -> "gml:PointPropertyType";
        case LINESTRING -> "gml:CurvePropertyType";
        case POLYGON -> "gml:SurfacePropertyType";
        case MULTIPOINT -> "gml:MultiPointPropertyType";
        case MULTILINESTRING -> "gml:MultiCurvePropertyType";
        case MULTIPOLYGON -> "gml:MultiSurfacePropertyType";
        case GEOMETRYCOLLECTION -> "gml:MultiGeometryPropertyType";
        case GEOMETRY -> "gml:GeometryPropertyType";
      };
      case GML31 -> switch (kind) {
        case POINT -> "gml:PointPropertyType";
        case LINESTRING -> "gml:LineStringPropertyType";
        case POLYGON -> "gml:PolygonPropertyType";
        case MULTIPOINT -> "gml:MultiPointPropertyType";
        case MULTILINESTRING -> "gml:MultiCurvePropertyType";
        case MULTIPOLYGON -> "gml:MultiSurfacePropertyType";
        case GEOMETRYCOLLECTION -> "gml:MultiGeometryPropertyType";
        case GEOMETRY -> "gml:GeometryPropertyType";
      };
      case GML2 -> switch (kind) {
        case POINT -> "gml:PointPropertyType";
        case LINESTRING -> "gml:LineStringPropertyType";
        case POLYGON -> "gml:PolygonPropertyType";
        case MULTIPOINT -> "gml:MultiPointPropertyType";
        case MULTILINESTRING -> "gml:MultiLineStringPropertyType";
        case MULTIPOLYGON -> "gml:MultiPolygonPropertyType";
        case GEOMETRYCOLLECTION -> "gml:MultiGeometryPropertyType";
        case GEOMETRY -> "gml:GeometryPropertyType";
      };
    };
  }
}
