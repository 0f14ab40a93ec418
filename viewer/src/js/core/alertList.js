// The alert list: alerts from `GET /api/alerts` and `/live` alert events merged by id, newest first. No DOM.

/** How many alerts the panel keeps. */
export const MAX_ALERTS = 50;

/**
 * The list with one alert added or replaced (same id: the event's state wins — cleared, acknowledged), newest
 * first by raisedAt then id, at most MAX_ALERTS.
 * @param {Array<object>} alerts
 * @param {object} alert an alert as the server writes it ({id, level, raisedAt, clearedAt, acknowledgedAt, …})
 * @returns {Array<object>} a new array
 */
export function mergeAlert(alerts, alert) {
  const { event, ...plain } = alert;
  const others = alerts.filter((a) => a.id !== plain.id);
  return [...others, plain].sort(newestFirst).slice(0, MAX_ALERTS);
}

/** The alerts of a listing, newest first. */
export function sortAlerts(alerts) {
  return [...alerts].sort(newestFirst).slice(0, MAX_ALERTS);
}

/** Open (not cleared) and not yet acknowledged: the ones that need an operator. */
export function needsAttention(alert) {
  return !alert.clearedAt && !alert.acknowledgedAt;
}

/** Thing ids with an open, unacknowledged warning or alarm (their markers flash). */
export function flashingThings(alerts) {
  return new Set(alerts.filter((a) => needsAttention(a) && (a.level === 'alarm' || a.level === 'warning'))
    .map((a) => String(a.thing)));
}

function newestFirst(a, b) {
  const t = Date.parse(b.raisedAt ?? 0) - Date.parse(a.raisedAt ?? 0);
  return t !== 0 && !Number.isNaN(t) ? t : b.id - a.id;
}
