// The composition root: wires the core model, the server clients, the Cesium adapters and the DOM widgets.
import { CITY_EXTENT_DEG, INITIAL_VIEW, UTC_OFFSET_HOURS } from './core/city.js';
import { DEFAULT_BUILDING_STYLE } from './core/defaultBuildingStyle.js';
import { localDateIso } from './core/localTime.js';
import { LANGUAGES, MESSAGES } from './core/messages.js';
import { Translator } from './core/Translator.js';
import { sameOrigin, withQuery } from './core/urls.js';
import { loadCatalog } from './services/CatalogClient.js';
import { loadScenarios } from './services/ScenarioClient.js';
import { loadStyle } from './services/StyleClient.js';
import { cameraHome } from './map/cameraHome.js';
import { createGlobe } from './map/createGlobe.js';
import { FeaturePicker } from './map/FeaturePicker.js';
import { ReadinessProbe } from './map/ReadinessProbe.js';
import { SunClock } from './map/SunClock.js';
import { testHooks } from './map/testHooks.js';
import { TilesetLayer } from './map/TilesetLayer.js';
import { WmsOverlay } from './map/WmsOverlay.js';
import { InfoPanel } from './ui/InfoPanel.js';
import { LanguageSwitch } from './ui/LanguageSwitch.js';
import { LayerPanel } from './ui/LayerPanel.js';
import { PanelToggle } from './ui/PanelToggle.js';
import { ScenarioSelect } from './ui/ScenarioSelect.js';
import { StatusBar } from './ui/StatusBar.js';
import { SunControl } from './ui/SunControl.js';
import { translatePage } from './ui/translatePage.js';

/** The WMS endpoint when no layer links to one: the server's fixed OGC WMS path. */
const DEFAULT_WMS_PATH = '/wms';
/** Afternoon light: shadows fall to the north-east, across the view. */
const INITIAL_HOUR = 15.5;
/** Below this width the panel starts closed (phones). Keep in step with css/app.css. */
const NARROW_SCREEN = '(max-width: 700px)';

/**
 * Starts the viewer. Network and data problems are reported through state.notify and the viewer carries on with
 * what it has; only a failure to create the globe (no WebGL) rejects.
 *
 * @param {import('./core/ViewerState.js').ViewerState} state
 * @param {{lite: boolean, language: string|null, scenario: string|null}} options
 */
export async function startApp(state, { lite, language, scenario }) {
  const origin = window.location.origin;
  const $ = (id) => document.getElementById(id);

  const translator = new Translator(MESSAGES, LANGUAGES.includes(language) ? language : LANGUAGES[0]);
  state.lite = lite;
  state.language = translator.language;
  translatePage(document, translator);
  translator.onChange((lang) => {
    state.language = lang;
    translatePage(document, translator);
  });
  new LanguageSwitch($('language'), translator);
  new PanelToggle($('panel-toggle'), $('app'), !window.matchMedia(NARROW_SCREEN).matches);
  const statusBar = new StatusBar($('status'), translator);
  state.onNotice((notice) => statusBar.show(notice));
  state.notify('info', 'loading');

  const widget = await createGlobe($('map'), { lite });
  const scene = widget.scene;
  scene.renderError.addEventListener((_, error) => {
    state.recordError('render', error?.stack || error?.message || String(error));
    state.notify('error', 'error.render', error?.message || String(error));
  });
  cameraHome(scene.camera, INITIAL_VIEW);
  const probe = new ReadinessProbe(scene, {
    onReady: () => {
      state.ready = true;
      window.__ready = true;
      if (state.notices.every((n) => n.level === 'info')) {
        state.notify('info', 'ready');
      }
    },
  });

  // Sun and shadows
  const sun = new SunClock(widget);
  const today = localDateIso(new Date(), UTC_OFFSET_HOURS);
  sun.setLocalTime(today, INITIAL_HOUR, UTC_OFFSET_HOURS);
  new SunControl(
    { date: $('sun-date'), hour: $('sun-hour'), hourText: $('sun-hour-text'), shadows: $('shadows') },
    { dateIso: today, hour: INITIAL_HOUR, shadows: sun.shadows },
    {
      onTime: (dateIso, hour) => sun.setLocalTime(dateIso, hour, UTC_OFFSET_HOURS),
      onShadows: (on) => { sun.shadows = on; },
    });

  // Picking
  const tilesetLayers = new Map();
  const info = new InfoPanel($('info'), translator, () => {
    picker.clear();
    state.picked = null;
  });
  const picker = new FeaturePicker(scene, {
    layerIdOf: (tileset) => [...tilesetLayers.values()].find((l) => l.tileset === tileset)?.layerId ?? null,
    onPick: (picked) => {
      state.picked = picked;
      info.show(picked ? picked.properties : null);
    },
  });
  state.testing = testHooks(widget, picker, (layerId) => tilesetLayers.get(layerId)?.tilesLoaded ?? false);

  // The catalogue decides everything else.
  let catalog = null;
  try {
    catalog = await loadCatalog(origin);
    state.catalog = { status: 'ready', url: new URL('/api/layers', origin).href,
      layerIds: catalog.layers.map((l) => l.id) };
  } catch (e) {
    state.catalog.status = 'error';
    state.notify('error', 'error.catalog', e.message);
  }
  let scenarioId = scenario || null;
  state.scenario = scenarioId;
  const layers = catalog ? catalog.layers : [];
  const visible = new Set(layers.filter((l) => l.visibleByDefault).map((l) => l.id));

  // WMS overlays (the city basemap and thematic layers)
  const wmsUrl = sameOrigin(catalog?.wmsHref() ?? DEFAULT_WMS_PATH, origin);
  let wmsFailureShown = false;
  const wms = new WmsOverlay(scene.imageryLayers, {
    url: wmsUrl,
    extentDeg: union(catalog?.extentDeg(), CITY_EXTENT_DEG),
    onTileError: (error) => {
      state.wms.tileErrors += 1;
      state.wms.status = 'error';
      if (!wmsFailureShown) {
        wmsFailureShown = true;
        state.notify('warning', 'error.wms', error?.message || '');
      }
    },
  });
  const showWms = () => {
    const names = (catalog ? catalog.overlays() : []).filter((l) => visible.has(l.id)).map((l) => l.id);
    wmsFailureShown = false;
    state.wms = { status: names.length ? 'on' : 'off', url: wmsUrl, layers: names, tileErrors: 0 };
    wms.show({ layers: names, scenario: scenarioId });
  };
  showWms();

  // 3D Tiles layers (buildings)
  const tilesetSources = catalog ? catalog.tilesets() : [];
  if (catalog && tilesetSources.length === 0) {
    state.notify('info', 'notice.no3dTiles');
  }
  for (const layer of tilesetSources) {
    const layerState = { status: 'loading', url: null, style: 'default', tileErrors: 0 };
    state.tilesets[layer.id] = layerState;
    let tileFailureShown = false;
    const tilesetLayer = new TilesetLayer(scene, {
      layerId: layer.id,
      onStatus: (status, detail) => {
        layerState.status = status;
        if (status === 'error') {
          state.notify('error', 'error.tileset', detail);
        }
      },
      onTileFailed: (url, message) => {
        layerState.tileErrors += 1;
        if (!tileFailureShown) {
          tileFailureShown = true;
          state.notify('warning', 'error.tile', `${message} (${url})`);
        }
      },
    });
    tilesetLayers.set(layer.id, tilesetLayer);
    tilesetLayer.setStyle(DEFAULT_BUILDING_STYLE);
    applyServerStyle(tilesetLayer, sameOrigin(layer.style3dHref, origin), layerState, state)
      .catch((e) => state.recordError('style', e?.stack || String(e)));
  }
  const loadTilesets = () => {
    for (const layer of tilesetSources) {
      const url = withQuery(layer.tilesetHref, { scenario: scenarioId });
      state.tilesets[layer.id].url = url;
      tilesetLayers.get(layer.id).load(url).catch((e) => state.recordError('tileset', e?.stack || String(e)));
    }
  };
  loadTilesets();

  // Layer panel
  const panel = new LayerPanel($('layer-list'), translator, (layerId, on) => {
    if (tilesetLayers.has(layerId)) {
      tilesetLayers.get(layerId).setVisible(on);
      return;
    }
    if (on) {
      visible.add(layerId);
    } else {
      visible.delete(layerId);
    }
    showWms();
  });
  panel.render(layers.map((l) => ({ id: l.id, title: l.title, is3d: tilesetLayers.has(l.id),
    visible: visible.has(l.id) })));

  // Scenarios: base city or one scenario; switching reloads the WMS and the 3D Tiles with ?scenario=<id>.
  const scenarioSelect = new ScenarioSelect($('scenario'), $('scenario-note'), translator, (id) => {
    scenarioId = id;
    state.scenario = id;
    picker.clear();
    info.show(null);
    state.picked = null;
    showWms();
    loadTilesets();
  });
  loadScenarios(origin)
    .then(({ available, scenarios }) => {
      state.scenarios = { status: available ? 'ready' : 'unavailable', ids: scenarios.map((s) => s.id) };
      scenarioSelect.render(available, scenarios, scenarioId);
    })
    .catch((e) => {
      state.scenarios = { status: 'error', ids: [] };
      state.notify('warning', 'error.scenarios', e.message);
    });

  // Everything that draws on the globe is in place: readiness now waits for its tiles.
  probe.arm();
}

/** Fetches the server's 3D style and applies it; keeps the default style when there is none or it is invalid. */
async function applyServerStyle(tilesetLayer, url, layerState, state) {
  let json;
  try {
    json = await loadStyle(url);
  } catch (e) {
    state.notify('warning', 'error.style', e.message);
    return;
  }
  if (json === null) {
    return; // the server has no style for this layer: the default one stays
  }
  try {
    tilesetLayer.setStyle(json);
    layerState.style = 'server';
  } catch (e) {
    state.notify('warning', 'error.style', `${e.message} (${url})`);
  }
}

/** The union of two [west, south, east, north] boxes in degrees; a null box is ignored. */
function union(a, b) {
  if (!a) {
    return [...b];
  }
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
