// Entry point. Installs the error traps and the test-visible state first, then loads the app (and CesiumJS with
// it) dynamically, so that even a failure to load Cesium is caught and shown instead of leaving a blank page.
import { MESSAGES } from './core/messages.js';
import { ViewerState } from './core/ViewerState.js';

// Room for every tile request in the resource timing list (default 250), which tests read to prove that nothing
// was fetched from outside this server.
performance.setResourceTimingBufferSize(10000);

const state = new ViewerState();
window.__citytwin = state;
window.__ready = false;

// Uncaught errors are bugs: kept in state.errors (tests assert there are none).
window.addEventListener('error', (e) => state.recordError('error', e.message || String(e.error)));
window.addEventListener('unhandledrejection', (e) => state.recordError('unhandledrejection',
  e.reason?.stack || e.reason?.message || String(e.reason)));
document.addEventListener('securitypolicyviolation', (e) => state.recordError('csp',
  `${e.effectiveDirective} blocked ${e.blockedURI}`));

const params = new URLSearchParams(window.location.search);
const options = {
  lite: params.get('lite') === '1',
  language: params.get('lang'),
  scenario: params.get('scenario'),
  search: window.location.search,
  // ?live=sse: the live city listens over Server-Sent Events instead of the WebSocket.
  forceSse: params.get('live') === 'sse',
};

import('./app.js')
  .then(({ startApp }) => startApp(state, options))
  .catch((e) => {
    state.recordError('startup', e?.stack || String(e));
    state.notify('error', 'error.startup', e?.message || String(e));
    const status = document.getElementById('status');
    const language = options.language === 'en' ? 'en' : 'vi';
    status.textContent = `${MESSAGES[language]['error.startup']}: ${e?.message || e}`;
    status.dataset.level = 'error';
  });
