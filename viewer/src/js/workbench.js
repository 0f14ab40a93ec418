// The planning workbench's composition root: scenarios, 3D edits, indicators, comparison and simulations over
// the planning API (docs/planning.md, docs/simulations.md). app.js hands over the map and the page; this file
// wires the planning client, the Cesium tools and the panels together.
import { addBuilding, deleteBuilding, latestEdit, modifyBuilding } from './core/buildingEdits.js';
import { footprintPolygon, movedTo } from './core/footprint.js';
import { PlanningClient } from './services/PlanningClient.js';
import { credential, authHeader } from './services/auth.js';
import { HttpError } from './services/http.js';
import { FootprintDrawer } from './map/FootprintDrawer.js';
import { ResultLayer } from './map/ResultLayer.js';
import { BuildingForm } from './ui/BuildingForm.js';
import { IndicatorTable } from './ui/IndicatorTable.js';
import { ScenarioPanel } from './ui/ScenarioPanel.js';
import { startSimulations } from './simulations.js';

/** The drawn indicator area on the globe. */
const AREA_FILL = 'rgba(255, 212, 0, 0.22)';

/**
 * @param {object} ctx
 * @param {import('./core/ViewerState.js').ViewerState} ctx.state
 * @param {import('./core/Translator.js').Translator} ctx.translator
 * @param {import('./map/cesium.js').Scene} ctx.scene
 * @param {string} ctx.origin
 * @param {import('./map/FeaturePicker.js').FeaturePicker} ctx.picker
 * @param {import('./ui/ScenarioSelect.js').ScenarioSelect} ctx.scenarioSelect
 * @param {() => string|null} ctx.scenarioId the selected scenario (null: the base city)
 * @param {(id: string|null) => void} ctx.selectScenario switches the map to a scenario
 * @param {(version: number|null) => void} ctx.reloadCity reloads WMS and 3D Tiles of the current scenario
 * @param {{start: (b: string|null) => void, stop: () => void, setPosition: (f: number) => void}} ctx.split
 * @param {() => {lonDeg: number, latDeg: number}} ctx.viewCentre
 */
export function startWorkbench(ctx) {
  const { state, translator: t, scene, origin, picker, scenarioSelect } = ctx;
  const $ = (id) => document.getElementById(id);
  const client = new PlanningClient(origin);
  const planning = {
    scenarios: [], editCount: 0, lastEdits: [], drawing: false, formOpen: false, indicators: null,
    comparison: null, run: null, resultFeatures: 0, legend: [], areaIndicators: null,
  };
  state.planning = planning;
  let scenarios = [];

  const failed = (e) => {
    if (e?.status === 401) {
      state.notify('error', 'auth.required');
      return;
    }
    state.notify('error', 'error.planning', e?.error?.description || e?.message || String(e));
  };

  // --- scenarios
  const panel = new ScenarioPanel({ actions: $('scenario-actions'), form: $('scenario-form'),
    meta: $('scenario-meta') }, t, {
    create: async (body) => {
      const created = await client.create(body);
      await refreshScenarios(String(created.id));
      ctx.selectScenario(String(created.id));
      state.notify('info', 'scenario.created', created.name);
    },
    update: async (id, body) => {
      const updated = await client.update(id, body);
      await refreshScenarios(id);
      state.notify('info', 'scenario.saved', updated.name);
    },
    duplicate: async (id) => {
      const source = scenarios.find((s) => s.id === id);
      const copy = await client.duplicate(id, { name: t.t('scenario.copyOf', { name: source?.name ?? id }) });
      await refreshScenarios(String(copy.id));
      ctx.selectScenario(String(copy.id));
      state.notify('info', 'scenario.created', copy.name);
    },
    remove: async (id) => {
      await client.remove(id);
      await refreshScenarios(null);
      ctx.selectScenario(null);
      state.notify('info', 'scenario.deleted');
    },
  });

  async function refreshScenarios(selected = ctx.scenarioId()) {
    let answer;
    try {
      answer = await client.list();
    } catch (e) {
      if (e instanceof HttpError && (e.status === 404 || e.status === 501)) {
        state.scenarios = { status: 'unavailable', ids: [] };
        scenarioSelect.render(false, [], selected);
        // A server without the planning API: nothing to plan with.
        for (const id of ['scenario-actions', 'edit-section', 'indicator-section', 'simulation-section']) {
          $(id).hidden = true;
        }
        return;
      }
      state.scenarios = { status: 'error', ids: [] };
      state.notify('warning', 'error.scenarios', e.message);
      return;
    }
    scenarios = (answer.scenarios ?? []).map((s) => ({ ...s, id: String(s.id) }));
    planning.scenarios = scenarios.map((s) => ({ id: s.id, name: s.name, version: s.version,
      editCount: s.editCount }));
    state.scenarios = { status: 'ready', ids: scenarios.map((s) => s.id) };
    scenarioSelect.render(true, scenarios, selected);
    panel.render(scenarios, selected);
    renderCompareChoices();
    renderEditState();
  }

  // --- 3D edits
  const drawer = new FootprintDrawer(scene, {
    onActive: (active, single) => {
      picker.enabled = !active;
      planning.drawing = active;
      $('map').classList.toggle('drawing', active);
      $('draw-help').hidden = !active || single;
      $('draw-tools').hidden = !active;
      $('draw-finish').hidden = single;
      $('crosshair').hidden = !active;
      $('draw-building').setAttribute('aria-pressed', String(active && !single));
    },
  });
  let pendingEdit = null; // (properties) => edit Feature, for the open form
  const form = new BuildingForm($('building-form'), t, {
    onSubmit: async (properties) => {
      const id = ctx.scenarioId();
      const answer = await client.applyEdits(id, pendingEdit(properties));
      pendingEdit = null;
      planning.formOpen = false;
      await afterEdit(answer.scenario, answer.edits);
      state.notify('info', 'edit.saved');
    },
    onCancel: () => {
      pendingEdit = null;
      planning.formOpen = false;
    },
  });

  $('draw-building').addEventListener('click', async () => {
    if (drawer.active) {
      drawer.cancel();
      return;
    }
    form.close();
    const points = await drawer.start();
    if (!points) {
      state.notify('info', 'edit.cancelled');
      return;
    }
    const polygon = footprintPolygon(points);
    pendingEdit = (properties) => addBuilding(polygon, properties);
    planning.formOpen = true;
    form.openWith({ key: 'edit.newBuilding', params: { corners: points.length } },
      { use_type: 'residential', levels: 5, height: 18 });
  });
  // Without a mouse: move the map (keyboard or touch) and add the corner under the crosshair.
  $('draw-centre').addEventListener('click', () => {
    drawer.addAt(scene.canvas.clientWidth / 2, scene.canvas.clientHeight / 2);
  });
  $('draw-finish').addEventListener('click', () => drawer.finish());
  $('modify-building').addEventListener('click', () => {
    const picked = state.picked;
    if (!picked) {
      return;
    }
    pendingEdit = (properties) => modifyBuilding(picked.id, properties);
    planning.formOpen = true;
    form.openWith({ key: 'edit.modifyBuilding', params: { id: picked.id } }, picked.properties);
  });
  $('move-building').addEventListener('click', async () => {
    const picked = state.picked;
    if (!picked || drawer.active) {
      return;
    }
    form.close();
    $('move-help').hidden = false;
    const target = await drawer.pickPoint();
    $('move-help').hidden = true;
    if (!target) {
      return;
    }
    try {
      const id = ctx.scenarioId();
      const feature = await client.feature(id, 'buildings', picked.id);
      const answer = await client.applyEdits(id, modifyBuilding(picked.id, {}, movedTo(feature.geometry, ...target)));
      picker.clear();
      await afterEdit(answer.scenario, answer.edits);
      state.notify('info', 'edit.moved', `#${picked.id}`);
    } catch (e) {
      failed(e);
    }
  });
  $('delete-building').addEventListener('click', async () => {
    const picked = state.picked;
    if (!picked) {
      return;
    }
    try {
      const answer = await client.applyEdits(ctx.scenarioId(), deleteBuilding(picked.id));
      picker.clear();
      await afterEdit(answer.scenario, answer.edits);
      state.notify('info', 'edit.deleted', `#${picked.id}`);
    } catch (e) {
      failed(e);
    }
  });
  $('undo-edit').addEventListener('click', async () => {
    const id = ctx.scenarioId();
    try {
      const last = latestEdit(await client.edits(id));
      if (!last) {
        state.notify('info', 'edit.nothingToUndo');
        return;
      }
      const answer = await client.undo(id, last.layer, last.id);
      await afterEdit(answer.scenario, []);
      state.notify('info', 'edit.undone', `${last.op} #${last.id}`);
    } catch (e) {
      failed(e);
    }
  });

  async function afterEdit(scenario, edits) {
    planning.lastEdits = edits ?? [];
    const id = String(scenario.id);
    const i = scenarios.findIndex((s) => s.id === id);
    if (i >= 0) {
      scenarios[i] = { ...scenarios[i], ...scenario, id };
    }
    planning.scenarios = scenarios.map((s) => ({ id: s.id, name: s.name, version: s.version,
      editCount: s.editCount }));
    panel.render(scenarios, ctx.scenarioId());
    renderEditState();
    ctx.reloadCity(scenario.version);
    refreshPanels();
  }

  function renderEditState() {
    const current = scenarios.find((s) => s.id === ctx.scenarioId()) ?? null;
    const editable = Boolean(current) && ['draft', 'proposed'].includes(current.status ?? 'draft');
    $('edit-hint').hidden = editable;
    $('draw-building').disabled = !editable;
    $('undo-edit').disabled = !editable || !current.editCount;
    $('picked-actions').hidden = !editable || !state.picked;
    planning.editCount = current?.editCount ?? 0;
    $('edit-count').textContent = current ? t.t('edit.count', { count: current.editCount ?? 0 }) : '';
    if (!editable) {
      drawer.cancel();
      form.close();
    }
  }
  t.onChange(() => renderEditState());

  // --- indicators and comparison
  const table = new IndicatorTable({ scope: $('indicator-scope'), table: $('indicator-table'),
    compareTable: $('compare-table') }, t);
  const indicatorSection = $('indicator-section');
  let indicatorRequest = 0;
  let area = null; // the drawn indicator area (GeoJSON Polygon), kept across edits
  const areaLayer = new ResultLayer(scene);
  async function refreshIndicators() {
    if (!indicatorSection.open) {
      return;
    }
    if (area) {
      refreshAreaIndicators();
    }
    const request = ++indicatorRequest;
    const id = ctx.scenarioId() ?? 'base';
    table.showIndicators(null);
    try {
      const answer = await client.indicators(id, 'ward');
      if (request === indicatorRequest) {
        planning.indicators = { scenario: id, values: Object.fromEntries(answer.indicators.map((i) => [i.id, i.value])),
          units: (answer.units ?? []).length };
        table.showIndicators(answer);
      }
    } catch (e) {
      failed(e);
    }
  }
  indicatorSection.addEventListener('toggle', () => refreshIndicators());
  async function refreshAreaIndicators(select = false) {
    const id = ctx.scenarioId() ?? 'base';
    try {
      const answer = await client.areaIndicators(id, area);
      planning.areaIndicators = { scenario: id,
        values: Object.fromEntries(answer.indicators.map((i) => [i.id, i.value])) };
      table.showArea(answer, select);
    } catch (e) {
      failed(e);
    }
  }
  $('indicator-area').addEventListener('click', async () => {
    if (drawer.active) {
      drawer.cancel();
      return;
    }
    form.close();
    const points = await drawer.start();
    if (points) {
      area = footprintPolygon(points);
      areaLayer.show({ features: [{ geometry: area, properties: {} }] }, () => AREA_FILL);
      refreshAreaIndicators(true);
    }
  });

  let compareWith = null; // the other side ('base' or an id) while comparing
  function renderCompareChoices() {
    const select = $('compare-with');
    const chosen = select.value || 'base';
    select.replaceChildren(new Option(t.t('baseCity'), 'base'), ...scenarios.map((s) => new Option(s.name, s.id)));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : 'base';
  }
  t.onChange(() => {
    renderCompareChoices();
    renderCompareLegend();
  });
  const nameOf = (id) => (id === 'base' || id === null ? t.t('baseCity')
    : scenarios.find((s) => s.id === id)?.name ?? `#${id}`);
  function renderCompareLegend() {
    const legend = $('compare-legend');
    legend.hidden = compareWith === null;
    if (compareWith !== null) {
      const a = ctx.scenarioId() ?? 'base';
      legend.textContent = a === compareWith ? t.t('cmp.same')
        : t.t('cmp.legend', { a: nameOf(a), b: nameOf(compareWith) });
      const line = $('split-line');
      line.replaceChildren(side('left', nameOf(a)), side('right', nameOf(compareWith)));
      table.showComparison(planning.comparisonAnswer ?? null, { a: nameOf(a), b: nameOf(compareWith) });
    }
  }
  // A link does not carry the Bearer credential, and private scenarios answer 404 without it: when signed in, the
  // report is fetched with the credential and saved from memory.
  for (const [id, name] of [['report-html', 'comparison.html'], ['report-csv', 'comparison.csv']]) {
    $(id).addEventListener('click', async (event) => {
      if (!credential()) {
        return;
      }
      event.preventDefault();
      const href = event.currentTarget.href;
      try {
        const response = await fetch(href, { credentials: 'omit', headers: authHeader() });
        if (!response.ok) {
          throw new HttpError(href, response.status, `HTTP ${response.status}`);
        }
        const save = document.createElement('a');
        save.href = URL.createObjectURL(await response.blob());
        save.download = name;
        save.click();
        setTimeout(() => URL.revokeObjectURL(save.href), 60000);
      } catch (e) {
        failed(e);
      }
    });
  }
  async function refreshComparison() {
    if (compareWith === null) {
      return;
    }
    const a = ctx.scenarioId() ?? 'base';
    const b = compareWith;
    $('report-html').href = client.compareUrl(a, b, 'html');
    $('report-csv').href = client.compareUrl(a, b, 'csv');
    $('report-links').hidden = false;
    try {
      const answer = await client.compare(a, b);
      if (compareWith !== b) {
        return;
      }
      planning.comparisonAnswer = answer;
      planning.comparison = { a, b, changed: answer.indicators.filter((i) => i.changed).map((i) => i.id) };
      renderCompareLegend();
    } catch (e) {
      failed(e);
    }
  }
  $('compare-start').addEventListener('click', () => {
    compareWith = $('compare-with').value || 'base';
    ctx.split.start(compareWith === 'base' ? null : compareWith);
    $('compare-start').hidden = true;
    $('compare-stop').hidden = false;
    $('split-row').hidden = false;
    $('split-line').hidden = false;
    $('split-position').value = '0.5';
    setSplit(0.5);
    renderCompareLegend();
    refreshComparison();
  });
  $('compare-stop').addEventListener('click', () => stopComparing());
  function stopComparing() {
    compareWith = null;
    planning.comparison = null;
    planning.comparisonAnswer = null;
    ctx.split.stop();
    $('compare-start').hidden = false;
    $('compare-stop').hidden = true;
    $('split-row').hidden = true;
    $('split-line').hidden = true;
    $('report-links').hidden = true;
    table.showComparison(null, null);
    renderCompareLegend();
  }
  function setSplit(f) {
    ctx.split.setPosition(f);
    $('split-line').style.left = `${f * 100}%`;
  }
  $('split-position').addEventListener('input', (e) => setSplit(Number(e.target.value)));

  function refreshPanels() {
    refreshIndicators();
    if (compareWith !== null) {
      ctx.split.start(compareWith === 'base' ? null : compareWith);
      refreshComparison();
    }
  }

  // --- simulations
  startSimulations({ state, translator: t, scene, client, failed, scenarioId: ctx.scenarioId,
    viewCentre: ctx.viewCentre });

  return {
    refreshScenarios,
    /** The map switched scenario: panels follow. */
    scenarioChanged() {
      drawer.cancel();
      form.close();
      panel.render(scenarios, ctx.scenarioId());
      renderEditState();
      refreshPanels();
      renderCompareLegend();
    },
    /** A building was picked (or the pick cleared). */
    pickedChanged() {
      renderEditState();
    },
    openPanels(names) {
      for (const d of document.querySelectorAll('#panel details[data-panel]')) {
        d.open = names.includes(d.dataset.panel);
      }
    },
    openPanelNames() {
      return [...document.querySelectorAll('#panel details[data-panel]')].filter((d) => d.open)
        .map((d) => d.dataset.panel);
    },
  };
}

function side(which, text) {
  const span = document.createElement('span');
  span.className = `side ${which}`;
  span.textContent = text;
  return span;
}
