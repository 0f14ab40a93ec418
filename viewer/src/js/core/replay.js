// Replaying the live city's past: a datastream's status at a past instant from the alert history (each alert is
// one stretch of warning, alarm or stale, judged by the server's rules when it happened) and the time of its first
// reading. No DOM.

/** How far back the replay slider goes (minutes) and its step. */
export const REPLAY_WINDOW_MIN = 24 * 60;
export const REPLAY_STEP_MIN = 10;

/**
 * The status of one datastream at an instant: no_data before its first reading, else the level of the alert
 * that was open then (the latest raised one if several), else ok.
 *
 * @param {number} timeMs the instant (epoch milliseconds)
 * @param {Array<{level: string, raisedAt: string, clearedAt: string|null}>} alerts the datastream's alerts
 * @param {number|null} firstMs its first reading (epoch milliseconds), null when it has none
 */
export function statusAt(timeMs, alerts, firstMs) {
  if (firstMs === null || firstMs === undefined || timeMs < firstMs) {
    return 'no_data';
  }
  let open = null;
  for (const a of alerts) {
    const raised = Date.parse(a.raisedAt);
    const cleared = a.clearedAt ? Date.parse(a.clearedAt) : Infinity;
    if (raised <= timeMs && timeMs < cleared && (open === null || raised > Date.parse(open.raisedAt))) {
      open = a;
    }
  }
  return open ? open.level : 'ok';
}

/**
 * Every datastream's status at an instant.
 * @param {number} timeMs
 * @param {Array<object>} alerts alerts of any datastreams ({datastream, level, raisedAt, clearedAt})
 * @param {Map<string, number|null>} firstReadings datastream id → first reading (epoch ms) or null
 * @returns {Map<string, string>} datastream id → status
 */
export function statusesAt(timeMs, alerts, firstReadings) {
  const byDatastream = new Map();
  for (const a of alerts) {
    const key = String(a.datastream);
    if (!byDatastream.has(key)) {
      byDatastream.set(key, []);
    }
    byDatastream.get(key).push(a);
  }
  const out = new Map();
  for (const [id, first] of firstReadings) {
    out.set(id, statusAt(timeMs, byDatastream.get(id) ?? [], first));
  }
  return out;
}

/** The start of an STA phenomenonTime (`start/end` or an instant) in epoch ms, or null. */
export function startMs(phenomenonTime) {
  if (typeof phenomenonTime !== 'string' || phenomenonTime === '') {
    return null;
  }
  const ms = Date.parse(phenomenonTime.split('/')[0]);
  return Number.isNaN(ms) ? null : ms;
}
