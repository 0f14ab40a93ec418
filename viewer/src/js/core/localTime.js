/**
 * The UTC instant of a local civil time.
 *
 * @param {string} dateIso local date `YYYY-MM-DD`
 * @param {number} hour local hour of day, 0 ≤ hour ≤ 24, fractions are minutes (7.5 = 07:30)
 * @param {number} utcOffsetHours the zone's offset, e.g. 7 for Việt Nam
 * @returns {Date}
 * @throws {RangeError} on a malformed date or an hour outside [0, 24]
 */
export function localTimeToUtc(dateIso, hour, utcOffsetHours) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateIso);
  if (!match) {
    throw new RangeError(`date must be YYYY-MM-DD, got '${dateIso}'`);
  }
  if (!(hour >= 0 && hour <= 24)) {
    throw new RangeError(`hour must be within [0, 24], got ${hour}`);
  }
  const minutes = Math.round(hour * 60) - Math.round(utcOffsetHours * 60);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 0, minutes));
}

/** `HH:MM` for a decimal hour (7.5 → `07:30`). */
export function formatHour(hour) {
  const total = Math.round(hour * 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The local calendar date `YYYY-MM-DD` of an instant in a zone with the given UTC offset. */
export function localDateIso(instant, utcOffsetHours) {
  return new Date(instant.getTime() + utcOffsetHours * 3600000).toISOString().slice(0, 10);
}

/** `DD/MM HH:MM` of an ISO 8601 instant in a zone with the given UTC offset; '—' when it is not a time. */
export function localDateTimeText(iso, utcOffsetHours) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return '—';
  }
  const d = new Date(ms + utcOffsetHours * 3600000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)} ${d.slice(11, 16)}`;
}
