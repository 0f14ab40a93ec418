// The shareable view: camera, scenario, visible layers, language and open panels in the page URL's query.
// No DOM, no Cesium.

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Writes the view into URL query parameters (other parameters, such as lite, are kept).
 * @param {URLSearchParams} params changed in place
 * @param {{camera?: {lonDeg, latDeg, heightM, headingDeg, pitchDeg}, scenario?: string|null, layers?: string[],
 *          language?: string, panels?: string[]}} view
 */
export function writeView(params, view) {
  if (view.camera) {
    const c = view.camera;
    params.set('cam', [c.lonDeg.toFixed(6), c.latDeg.toFixed(6), c.heightM.toFixed(1), c.headingDeg.toFixed(1),
      c.pitchDeg.toFixed(1)].join(','));
  }
  setOrDelete(params, 'scenario', view.scenario);
  if (view.layers) {
    params.set('layers', view.layers.join(','));
  }
  setOrDelete(params, 'lang', view.language);
  if (view.panels) {
    setOrDelete(params, 'panels', view.panels.join(','));
  }
  return params;
}

/**
 * Reads the view back; anything malformed is left out (a hand-edited URL never stops the viewer).
 * @param {URLSearchParams} params
 */
export function readView(params) {
  const view = {};
  const cam = (params.get('cam') ?? '').split(',');
  if (cam.length === 5 && cam.every((v) => NUMBER.test(v))) {
    const [lonDeg, latDeg, heightM, headingDeg, pitchDeg] = cam.map(Number);
    if (Math.abs(lonDeg) <= 180 && Math.abs(latDeg) <= 90 && heightM > 0) {
      view.camera = { lonDeg, latDeg, heightM, headingDeg, pitchDeg };
    }
  }
  if (params.get('scenario')) {
    view.scenario = params.get('scenario');
  }
  if (params.has('layers')) {
    view.layers = params.get('layers').split(',').filter(Boolean);
  }
  if (params.get('lang')) {
    view.language = params.get('lang');
  }
  if (params.get('panels')) {
    view.panels = params.get('panels').split(',').filter(Boolean);
  }
  return view;
}

function setOrDelete(params, name, value) {
  if (value === null || value === undefined || value === '') {
    params.delete(name);
  } else {
    params.set(name, value);
  }
}
