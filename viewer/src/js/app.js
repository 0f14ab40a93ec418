// The composition root: wires the core model, the server clients, the Cesium adapters and the DOM widgets.
import { CITY_EXTENT_DEG, INITIAL_VIEW, UTC_OFFSET_HOURS } from './core/city.js';
import { DEFAULT_BUILDING_STYLE } from './core/defaultBuildingStyle.js';
import { localDateIso } from './core/localTime.js';
import { LANGUAGES, MESSAGES } from './core/messages.js';
import { Translator } from './core/Translator.js';
import { readView, writeView } from './core/shareState.js';
import { sameOrigin, withQuery } from './core/urls.js';
import { loadCatalog } from './services/CatalogClient.js';
import { loadStyle } from './services/StyleClient.js';
import { cameraHome } from './map/cameraHome.js';
import { Cartesian2, Cartesian3, Cartographic, Math as CesiumMath } from './map/cesium.js';
import { createGlobe } from './map/createGlobe.js';
import { FeaturePicker } from './map/FeaturePicker.js';
import { KeyboardNavigation } from './map/KeyboardNavigation.js';
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
import { startLive } from './live.js';
import { startWorkbench } from './workbench.js';

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
export async function startApp(state, { lite, language, scenario, search = '', forceSse = false }) {
  const view = readView(new URLSearchParams(search));
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
  new KeyboardNavigation($('map'), scene);
  if (view.camera) {
    const c = view.camera;
    scene.camera.setView({ destination: Cartesian3.fromDegrees(c.lonDeg, c.latDeg, c.heightM),
      orientation: { heading: CesiumMath.toRadians(c.headingDeg), pitch: CesiumMath.toRadians(c.pitchDeg), roll: 0 } });
  }
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
  let workbench = null;
  let live = null;
  const info = new InfoPanel($('info'), translator, () => {
    picker.clear();
    state.picked = null;
    workbench?.pickedChanged();
  });
  const picker = new FeaturePicker(scene, {
    layerIdOf: (tileset) => [...tilesetLayers.values()].find((l) => l.tileset === tileset)?.layerId ?? null,
    onPick: (picked) => {
      state.picked = picked;
      info.show(picked ? picked.properties : null);
      if (picked) {
        live?.closeCard(); // one card at a time in the corner
      }
      workbench?.pickedChanged();
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
  const visible = new Set(view.layers ?? layers.filter((l) => l.visibleByDefault).map((l) => l.id));

  // WMS overlays (the city basemap and thematic layers)
  const wmsUrl = sameOrigin(catalog?.wmsHref() ?? DEFAULT_WMS_PATH, origin);
  let wmsFailureShown = false;
  const wmsOptions = {
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
  };
  const wms = new WmsOverlay(scene.imageryLayers, wmsOptions);
  /** While comparing: the other scenario's WMS and tilesets (see split below). */
  let compare = null;
  const wmsNames = () => (catalog ? catalog.overlays() : []).filter((l) => visible.has(l.id)).map((l) => l.id);
  const showWms = () => {
    const names = wmsNames();
    wmsFailureShown = false;
    state.wms = { status: names.length ? 'on' : 'off', url: wmsUrl, layers: names, tileErrors: 0 };
    wms.show({ layers: names, scenario: scenarioId });
    compare?.showWms();
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
  // v: the scenario's version, so a reload after an edit is a new URL (and tests can tell which city is shown).
  const loadTilesets = (version = null) => {
    for (const layer of tilesetSources) {
      const url = withQuery(layer.tilesetHref, { scenario: scenarioId, v: scenarioId ? version : null });
      state.tilesets[layer.id].url = url;
      tilesetLayers.get(layer.id).load(url).catch((e) => state.recordError('tileset', e?.stack || String(e)));
    }
  };
  loadTilesets();

  // Layer panel
  const panel = new LayerPanel($('layer-list'), translator, (layerId, on) => {
    if (tilesetLayers.has(layerId)) {
      tilesetLayers.get(layerId).setVisible(on);
      compare?.tilesets.get(layerId)?.setVisible(on);
      return;
    }
    if (on) {
      visible.add(layerId);
    } else {
      visible.delete(layerId);
    }
    showWms();
  }, {
    search: $('layer-search'),
    legendUrl: (layerId, language) => withQuery(wmsUrl, { SERVICE: 'WMS', VERSION: '1.3.0',
      REQUEST: 'GetLegendGraphic', FORMAT: 'image/png', LAYER: layerId, LANGUAGE: language }),
  });
  $('overlay-opacity').addEventListener('input', (e) => wms.setOpacity(Number(e.target.value)));
  panel.render(layers.map((l) => ({ id: l.id, title: l.title, is3d: tilesetLayers.has(l.id),
    visible: tilesetLayers.has(l.id) ? !view.layers || view.layers.includes(l.id) : visible.has(l.id) })));
  if (view.layers) {
    tilesetLayers.forEach((t, id) => t.setVisible(view.layers.includes(id)));
  }

  // Scenarios: base city or one scenario; switching reloads the WMS and the 3D Tiles with ?scenario=<id>.
  const switchScenario = (id) => {
    scenarioId = id;
    state.scenario = id;
    picker.clear();
    info.show(null);
    state.picked = null;
    showWms();
    loadTilesets(workbenchVersion(id));
    workbench?.scenarioChanged();
  };
  const scenarioSelect = new ScenarioSelect($('scenario'), $('scenario-note'), translator, switchScenario);
  const workbenchVersion = (id) => state.planning?.scenarios?.find((s) => s.id === id)?.version ?? null;

  // Split-screen comparison: the other scenario's images and buildings on the right, the current on the left.
  const split = {
    start(other) {
      split.stop();
      const otherWms = new WmsOverlay(scene.imageryLayers, wmsOptions);
      const otherTilesets = new Map();
      compare = {
        scenario: other,
        otherWms,
        tilesets: otherTilesets,
        showWms: () => otherWms.show({ layers: wmsNames(), scenario: other }),
        destroy: () => {
          otherWms.destroy();
          otherTilesets.forEach((t) => t.destroy());
        },
      };
      otherWms.setSplit('right');
      compare.showWms();
      for (const layer of tilesetSources) {
        const t = new TilesetLayer(scene, { layerId: layer.id, onStatus: () => {}, onTileFailed: () => {} });
        t.setSplit('right');
        t.setStyle(DEFAULT_BUILDING_STYLE);
        t.setVisible(tilesetLayers.get(layer.id).visible);
        applyServerStyle(t, sameOrigin(layer.style3dHref, origin), {}, state).catch(() => {});
        t.load(withQuery(layer.tilesetHref, { scenario: other, v: other ? workbenchVersion(other) : null }));
        otherTilesets.set(layer.id, t);
      }
      wms.setSplit('left');
      tilesetLayers.forEach((t) => t.setSplit('left'));
      state.split = { on: true, other: other ?? 'base', position: scene.splitPosition };
      scene.requestRender();
    },
    stop() {
      if (compare) {
        compare.destroy();
        compare = null;
      }
      wms.setSplit('none');
      tilesetLayers.forEach((t) => t.setSplit('none'));
      state.split = { on: false, other: null, position: scene.splitPosition };
      scene.requestRender();
    },
    setPosition(f) {
      scene.splitPosition = f;
      if (state.split) {
        state.split.position = f;
      }
      scene.requestRender();
    },
  };
  state.split = { on: false, other: null, position: scene.splitPosition };
  const sideOf = (direction) => ({ [-1]: 'left', 0: 'none', 1: 'right' }[direction] ?? String(direction));
  state.testing = Object.freeze({
    ...state.testing,
    /** Which side each imagery layer and tileset is drawn on: {wms, <layer>, otherWms, other<Layer>}. */
    splitDirections() {
      const out = {};
      if (wms.layer) {
        out.wms = sideOf(wms.layer.splitDirection);
      }
      tilesetLayers.forEach((t, id) => { out[id] = sideOf(t.tileset?.splitDirection); });
      if (compare) {
        out.otherWms = sideOf(compare.otherWms.layer?.splitDirection);
        compare.tilesets.forEach((t, id) => {
          out[`other${id[0].toUpperCase()}${id.slice(1)}`] = sideOf(t.tileset?.splitDirection);
        });
      }
      return out;
    },
    /** The camera's position and direction (degrees, metres). */
    camera() {
      return cameraView(scene.camera);
    },
  });

  workbench = startWorkbench({
    state, translator, scene, origin, picker, scenarioSelect, split,
    scenarioId: () => scenarioId,
    selectScenario: (id) => {
      scenarioSelect.select(id);
      switchScenario(id);
    },
    reloadCity: (version) => {
      showWms();
      loadTilesets(version);
    },
    viewCentre: () => viewCentre(scene),
  });
  workbench.refreshScenarios(scenarioId).then(() => {
    if (scenarioId) {
      loadTilesets(workbenchVersion(scenarioId));
    }
  });
  if (view.panels) {
    workbench.openPanels(view.panels);
  }

  // The live city: stations, alerts and charts over the sensors' APIs and the /live push.
  startLive({ state, translator, scene, origin, forceSse, clicksEnabled: () => picker.enabled }).then((started) => {
    live = started;
    state.testing = Object.freeze({
      ...state.testing,
      /** A station marker's colour as CSS hex (#rrggbb), or null. */
      stationColour: (thingId) => live.colourOf(String(thingId)),
      /** The station id under a canvas position, or null. */
      stationAt: (x, y) => live.stationAt(x, y),
    });
  }).catch((e) => state.recordError('live', e?.stack || String(e)));

  // Share: the page URL with camera, scenario, layers, language and open panels, copied to the clipboard.
  $('share-view').addEventListener('click', () => {
    const url = new URL(window.location.href);
    writeView(url.searchParams, {
      camera: cameraView(scene.camera),
      scenario: scenarioId,
      layers: [...visible, ...[...tilesetLayers].filter(([, t]) => t.visible).map(([id]) => id)],
      language: translator.language,
      panels: workbench.openPanelNames(),
    });
    window.history.replaceState(null, '', url.href);
    state.sharedUrl = url.href;
    navigator.clipboard?.writeText(url.href).catch(() => {});
    state.notify('info', 'shared', url.href);
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

/** The camera's position and direction in degrees and metres, for the shareable URL. */
function cameraView(camera) {
  const c = camera.positionCartographic;
  return { lonDeg: CesiumMath.toDegrees(c.longitude), latDeg: CesiumMath.toDegrees(c.latitude), heightM: c.height,
    headingDeg: CesiumMath.toDegrees(camera.heading), pitchDeg: CesiumMath.toDegrees(camera.pitch) };
}

/** The ground point at the centre of the map (the camera's target), or the camera's own position looking up. */
function viewCentre(scene) {
  const canvas = scene.canvas;
  const p = scene.camera.pickEllipsoid(new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2));
  const c = p ? Cartographic.fromCartesian(p) : scene.camera.positionCartographic;
  return { lonDeg: CesiumMath.toDegrees(c.longitude), latDeg: CesiumMath.toDegrees(c.latitude) };
}
