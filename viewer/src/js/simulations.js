// The simulations panel: flood, sun and shadows, and walking access runs on the current scenario's city, with
// progress, cancel, the result on the globe and its legend (docs/simulations.md). Wired by workbench.js.
import { formatValue } from './core/indicatorTable.js';
import { isochroneColour, legendOf, sunHoursColour, WATER } from './core/resultStyle.js';
import { accessibilityParams, FINISHED, floodParams, shadowParams, squareAround } from './core/simulationParams.js';
import { ResultLayer } from './map/ResultLayer.js';
import { Legend } from './ui/Legend.js';

/** How often a running simulation is polled, milliseconds. */
const POLL_MS = 500;

/**
 * @param {object} ctx
 * @param {import('./core/ViewerState.js').ViewerState} ctx.state its `planning` gets `run`, `resultFeatures`, `legend`
 * @param {import('./core/Translator.js').Translator} ctx.translator
 * @param {import('./map/cesium.js').Scene} ctx.scene
 * @param {import('./services/PlanningClient.js').PlanningClient} ctx.client
 * @param {(e: Error) => void} ctx.failed shows a failed request in the status bar
 * @param {() => string|null} ctx.scenarioId
 * @param {() => {lonDeg: number, latDeg: number}} ctx.viewCentre
 */
export function startSimulations({ state, translator: t, scene, client, failed, scenarioId, viewCentre }) {
  const $ = (id) => document.getElementById(id);
  const planning = state.planning;
  const results = new ResultLayer(scene);
  const legend = new Legend($('sim-legend'), t);
  const kindSelect = $('sim-kind');
  const showKind = () => {
    for (const fs of document.querySelectorAll('#simulation-section fieldset[data-kind]')) {
      fs.hidden = fs.dataset.kind !== kindSelect.value;
    }
  };
  kindSelect.addEventListener('change', showKind);
  showKind();
  for (const id of ['sim-sea', 'sim-surge']) {
    const input = $(id);
    const out = input.parentElement.querySelector('output');
    const show = () => { out.value = `${Number(input.value).toFixed(1)} m`; };
    input.addEventListener('input', show);
    show();
  }
  $('sim-date').value = new Date().toISOString().slice(0, 10);
  let simStatus = null; // {key, params}
  // Numbers in the status are kept raw and written in the current language's format at each render.
  const renderSimStatus = () => {
    const params = simStatus ? Object.fromEntries(Object.entries(simStatus.params).map(([k, v]) => [k,
      typeof v === 'number' ? formatValue(v, k === 'area' ? 'km²' : 'm', t.language) : v])) : {};
    $('sim-status').textContent = simStatus ? t.t(simStatus.key, params) : '';
  };
  t.onChange(renderSimStatus);
  const setSimStatus = (key, params = {}) => {
    simStatus = key ? { key, params } : null;
    renderSimStatus();
  };
  let polling = null;

  $('sim-run').addEventListener('click', async () => {
    const kind = kindSelect.value;
    let params;
    try {
      params = kind === 'flood' ? floodParams({ seaLevelRise: $('sim-sea').value, surge: $('sim-surge').value })
        : kind === 'shadow' ? shadowParams({ date: $('sim-date').value, from: $('sim-from').value,
          to: $('sim-to').value, area: centreSquare() })
          : accessibilityParams({ facility: $('sim-service').value, distanceM: $('sim-distance').value });
    } catch (e) {
      setSimStatus('sim.badParam', { name: e.message });
      return;
    }
    const scenario = scenarioId() ?? 'base';
    try {
      const run = await client.startSimulation(scenario, kind, params);
      follow(scenario, run);
    } catch (e) {
      setSimStatus('sim.badParam', { name: e?.error?.locator ?? e.message });
      failed(e);
    }
  });
  $('sim-cancel').addEventListener('click', async () => {
    const run = planning.run;
    if (run && !FINISHED.includes(run.status)) {
      try {
        follow(run.scenario, await client.cancel(run.scenario, run.id));
      } catch (e) {
        failed(e);
      }
    }
  });
  $('sim-clear').addEventListener('click', () => {
    results.clear();
    legend.show([]);
    planning.resultFeatures = 0;
    planning.legend = [];
    setSimStatus(null);
    $('sim-clear').hidden = true;
  });

  function centreSquare() {
    const { lonDeg, latDeg } = viewCentre();
    return squareAround(lonDeg, latDeg, 600);
  }

  /** Shows a run's progress, polls until it finishes, then draws its result. */
  function follow(scenario, run) {
    clearTimeout(polling);
    planning.run = { id: run.id, scenario: String(scenario), kind: run.kind, status: run.status,
      percentDone: run.percentDone ?? 0 };
    const progress = $('sim-progress');
    const finished = FINISHED.includes(run.status);
    progress.hidden = finished;
    progress.value = run.percentDone ?? 0;
    $('sim-cancel').hidden = finished;
    $('sim-run').disabled = !finished;
    if (!finished) {
      setSimStatus(run.status === 'queued' ? 'sim.queued' : 'sim.running',
        { percent: String(Math.round(run.percentDone ?? 0)) });
      polling = setTimeout(async () => {
        try {
          follow(scenario, await client.run(scenario, run.id));
        } catch (e) {
          failed(e);
          $('sim-run').disabled = false;
        }
      }, POLL_MS);
      return;
    }
    if (run.status === 'cancelled') {
      setSimStatus('sim.cancelled');
    } else if (run.status === 'failed') {
      setSimStatus('sim.failed');
      state.notify('error', 'sim.failed', run.error?.description ?? '');
    } else {
      showResult(scenario, run);
    }
  }

  async function showResult(scenario, run) {
    let collection;
    try {
      collection = await client.result(scenario, run.id);
    } catch (e) {
      failed(e);
      return;
    }
    const r = run.result ?? {};
    const possible = r.sunHours?.possibleHours ?? 12;
    results.show(collection, (f) => {
      const p = f.properties ?? {};
      if (run.kind === 'flood') {
        return p.layer === 'flood_extent' ? WATER : null;
      }
      if (run.kind === 'shadow') {
        return p.layer === 'sun_point' ? sunHoursColour(Number(p.sunHours ?? 0), possible)
          : p.layer === 'shadow' ? 'rgba(20, 20, 40, 0.45)' : null;
      }
      return p.layer === 'isochrone' ? isochroneColour(p.minutes) : p.layer === 'facility' ? '#ffffff' : null;
    });
    planning.resultFeatures = results.featureCount;
    planning.legend = legendOf(run.kind, r).map((e) => e.key);
    legend.show(legendOf(run.kind, r));
    $('sim-clear').hidden = false;
    if (run.kind === 'flood') {
      setSimStatus('sim.floodDone', { level: r.waterLevelM, area: r.floodedAreaKm2,
        buildings: String(r.buildings?.count ?? 0), residents: String(Math.round(r.buildings?.residentsAffected ?? 0)) });
    } else if (run.kind === 'shadow') {
      setSimStatus('sim.shadowDone', { hours: r.sunHours?.averageHours ?? '—', possible });
    } else {
      const th = r.classes?.[0]?.thresholds?.[0];
      setSimStatus('sim.accessDone', { share: th ? String(Math.round(100 * th.shareOfResidents)) : '—',
        minutes: String(th?.minutes ?? '—') });
    }
  }
}
