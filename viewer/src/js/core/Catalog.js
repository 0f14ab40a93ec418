import { DataError } from './DataError.js';

/** Link relation of a layer's 3D Tiles tileset (tileset.json). */
export const REL_3DTILES = '3dtiles';
/** Link relation a server may use for its WMS endpoint. */
export const REL_WMS = 'wms';

/**
 * The server's public layer catalogue, as sent by `GET /api/layers`: `{layers: [{id, title: {vi, en}, group,
 * geometryType, bbox: [west, south, east, north] (degrees, EPSG:4326) or null, heightField, defaultStyle,
 * links: [{rel, type, title, href}]}]}`, in the server's display order.
 *
 * Decides how each layer is drawn: a layer with a `3dtiles` link as 3D Tiles, every other layer as a WMS
 * overlay. Immutable.
 */
export class Catalog {
  /**
   * @param {unknown} json the parsed response
   * @param {string} [source] its URL, for error messages
   * @throws {DataError} when the shape is not a catalogue
   */
  static fromJson(json, source) {
    if (!json || !Array.isArray(json.layers)) {
      throw new DataError('the layer catalogue has no "layers" array', source);
    }
    return new Catalog(json.layers.map((raw, index) => CatalogLayer.fromJson(raw, index, source)));
  }

  /** @param {CatalogLayer[]} layers */
  constructor(layers) {
    this._layers = Object.freeze([...layers]);
  }

  /** All public layers, in the server's order. */
  get layers() {
    return this._layers;
  }

  /** @returns {CatalogLayer|undefined} */
  find(id) {
    return this._layers.find((layer) => layer.id === id);
  }

  /** Layers the WMS draws (all without a 3D tileset), in the server's order (first is drawn lowest). */
  overlays() {
    return this._layers.filter((layer) => !layer.tilesetHref);
  }

  /** Layers drawn as 3D Tiles. */
  tilesets() {
    return this._layers.filter((layer) => layer.tilesetHref);
  }

  /** The WMS endpoint if some layer links to it (rel `wms`), without its query; otherwise null. */
  wmsHref() {
    for (const layer of this._layers) {
      const link = layer.link(REL_WMS);
      if (link) {
        return link.href.split('?')[0];
      }
    }
    return null;
  }

  /**
   * The union of the layers' extents as [west, south, east, north] in degrees, or null when no layer has one
   * (empty tables).
   */
  extentDeg() {
    const boxes = this._layers.map((layer) => layer.bbox).filter(Boolean);
    if (boxes.length === 0) {
      return null;
    }
    return [
      Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
    ];
  }
}

/** One catalogue entry. Immutable. */
export class CatalogLayer {
  /** @throws {DataError} when id or title is missing */
  static fromJson(raw, index, source) {
    if (!raw || typeof raw.id !== 'string' || !raw.id) {
      throw new DataError(`layer #${index} has no id`, source);
    }
    if (!raw.title || (typeof raw.title !== 'object' && typeof raw.title !== 'string')) {
      throw new DataError(`layer ${raw.id} has no title`, source);
    }
    const links = Array.isArray(raw.links)
      ? raw.links.filter((l) => l && typeof l.rel === 'string' && typeof l.href === 'string')
        .map((l) => Object.freeze({ rel: l.rel, type: l.type ?? null, title: l.title ?? null, href: l.href }))
      : [];
    const bbox = Array.isArray(raw.bbox) && raw.bbox.length === 4 && raw.bbox.every(Number.isFinite)
      ? Object.freeze([...raw.bbox]) : null;
    return new CatalogLayer({
      id: raw.id,
      title: typeof raw.title === 'string' ? { vi: raw.title, en: raw.title } : { ...raw.title },
      group: raw.group ?? null,
      geometryType: raw.geometryType ?? null,
      heightField: raw.heightField ?? null,
      defaultStyle: raw.defaultStyle ?? raw.id,
      bbox,
      links,
    });
  }

  constructor({ id, title, group, geometryType, heightField, defaultStyle, bbox, links }) {
    this.id = id;
    this.title = Object.freeze(title);
    this.group = group;
    this.geometryType = geometryType;
    this.heightField = heightField;
    this.defaultStyle = defaultStyle;
    this.bbox = bbox;
    this.links = Object.freeze(links);
    Object.freeze(this);
  }

  /** The first link with this relation, or undefined. */
  link(rel) {
    return this.links.find((l) => l.rel === rel);
  }

  /** The tileset.json URL when the server serves this layer as 3D Tiles, else null. */
  get tilesetHref() {
    return this.link(REL_3DTILES)?.href ?? null;
  }

  /**
   * Whether the layer is on when the viewer opens: the city basemap (group `basemap`) is, except extruded layers,
   * which are meant for 3D (as flat WMS footprints they would hide the basemap); thematic layers start off.
   */
  get visibleByDefault() {
    return this.tilesetHref ? true : this.group === 'basemap' && !this.heightField;
  }

  /**
   * Where the layer's 3D Tiles style is: a link with rel `style` to a `…-3d.json` document, else the server's
   * styles folder convention `/styles/<defaultStyle>-3d.json` (relative to the server root).
   */
  get style3dHref() {
    const link = this.links.find((l) => l.rel === 'style' && /-3d\.json(\?|$)/.test(l.href));
    return link ? link.href : `/styles/${encodeURIComponent(this.defaultStyle)}-3d.json`;
  }
}
