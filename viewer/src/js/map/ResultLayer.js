import {
  Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, PerInstanceColorAppearance,
  PointPrimitiveCollection, PolygonGeometry, PolygonHierarchy, Primitive,
} from './cesium.js';

/** Drawn just above the ground (no terrain here), under the buildings' roofs. */
const HEIGHT_M = 0.5;

/**
 * A simulation's result geometries (GeoJSON FeatureCollection in lon/lat) on the globe: polygons as one
 * translucent primitive, points as dots, each coloured by colourOf(feature). Replaced by the next show().
 */
export class ResultLayer {
  /** @param {import('./cesium.js').Scene} scene */
  constructor(scene) {
    this._scene = scene;
    this._primitive = null;
    this._points = null;
    this.featureCount = 0;
  }

  /**
   * @param {{features: Array<{geometry: object, properties: object}>}} collection
   * @param {(feature: object) => string|null} colourOf a CSS colour, or null to leave the feature out
   */
  show(collection, colourOf) {
    this.clear();
    const instances = [];
    const points = new PointPrimitiveCollection();
    for (const feature of collection?.features ?? []) {
      const css = colourOf(feature);
      const g = feature.geometry;
      if (!css || !g) {
        continue;
      }
      const colour = Color.fromCssColorString(css);
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const rings of polygons) {
        instances.push(new GeometryInstance({
          geometry: new PolygonGeometry({ polygonHierarchy: hierarchy(rings), height: HEIGHT_M,
            vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT }),
          attributes: { color: ColorGeometryInstanceAttribute.fromColor(colour) },
        }));
      }
      if (g.type === 'Point') {
        points.add({ position: Cartesian3.fromDegrees(g.coordinates[0], g.coordinates[1], 2), pixelSize: 7,
          color: colour, outlineColor: Color.BLACK, outlineWidth: 1 });
      }
    }
    this.featureCount = instances.length + points.length;
    if (instances.length) {
      this._primitive = this._scene.primitives.add(new Primitive({
        geometryInstances: instances,
        appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
        asynchronous: false,
      }));
    }
    this._points = this._scene.primitives.add(points);
    this._scene.requestRender();
  }

  clear() {
    if (this._primitive) {
      this._scene.primitives.remove(this._primitive);
      this._primitive = null;
    }
    if (this._points) {
      this._scene.primitives.remove(this._points);
      this._points = null;
    }
    this.featureCount = 0;
    this._scene.requestRender();
  }
}

function hierarchy(rings) {
  const [outer, ...holes] = rings;
  return new PolygonHierarchy(positions(outer), holes.map((h) => new PolygonHierarchy(positions(h))));
}

function positions(ring) {
  return Cartesian3.fromDegreesArray(ring.slice(0, -1).flatMap(([lon, lat]) => [lon, lat]));
}
