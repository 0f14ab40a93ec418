import { needsAttention } from '../core/alertList.js';
import { localDateTimeText } from '../core/localTime.js';
import { formatValue } from '../core/seriesChart.js';
import { STATUS_ORDER, statusColour } from '../core/liveStations.js';

/**
 * The live city's side-panel section: connection state, a legend with the number of stations per status, a
 * station picker (the keyboard way to open a station's card) and the alert list, newest first, with
 * "acknowledge" and "show station" buttons.
 */
export class LivePanel {
  /**
   * @param {{connection: HTMLElement, legend: HTMLElement, stations: HTMLSelectElement, alerts: HTMLElement,
   *   badge: HTMLElement, topButton: HTMLButtonElement}} elements `topButton`: the top bar's alert button (shows
   *   the number of alerts needing attention, even with the panel closed)
   * @param {import('../core/Translator.js').Translator} translator
   * @param {number} utcOffsetHours
   * @param {{onStation: (id: string) => void, onAcknowledge: (id: number) => void}} handlers
   */
  constructor(elements, translator, utcOffsetHours, { onStation, onAcknowledge }) {
    this._el = elements;
    this._t = translator;
    this._offset = utcOffsetHours;
    this._onStation = onStation;
    this._onAcknowledge = onAcknowledge;
    this._connection = 'connecting';
    this._stations = [];
    this._statusOf = () => 'no_data';
    this._alerts = [];
    this._names = new Map();
    elements.stations.addEventListener('change', () => {
      if (elements.stations.value) {
        onStation(elements.stations.value);
      }
    });
    translator.onChange(() => this.render());
  }

  setConnection(status) {
    this._connection = status;
    this._renderConnection();
  }

  /**
   * @param {Array<{id: string, name: string}>} stations sorted for display
   * @param {(id: string) => string} statusOf
   */
  setStations(stations, statusOf) {
    this._stations = stations;
    this._statusOf = statusOf;
    this._names = new Map(stations.map((s) => [s.id, s.name]));
    this._renderStations();
  }

  /** Marks the station shown in the card (or none). */
  selectStation(id) {
    this._el.stations.value = id ?? '';
  }

  setAlerts(alerts) {
    this._alerts = alerts;
    this._renderAlerts();
  }

  render() {
    this._renderConnection();
    this._renderStations();
    this._renderAlerts();
  }

  _renderConnection() {
    this._el.connection.textContent = this._t.t(`live.${this._connection}`);
    this._el.connection.dataset.status = this._connection;
  }

  _renderStations() {
    const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0]));
    this._stations.forEach((s) => { counts[this._statusOf(s.id)] += 1; });
    this._el.legend.replaceChildren(...STATUS_ORDER.filter((s) => s !== 'no_data' || counts[s] > 0).map((s) => {
      const li = document.createElement('li');
      li.dataset.status = s;
      const swatch = document.createElement('span');
      swatch.className = 'swatch round';
      swatch.style.background = statusColour(s);
      li.append(swatch, `${this._t.t(`live.status.${s}`)}: ${counts[s]}`);
      return li;
    }));
    const select = this._el.stations;
    const label = (s) => `${s.name} — ${this._t.t(`live.status.${this._statusOf(s.id)}`)}`;
    const ids = [...select.options].slice(1).map((o) => o.value);
    // Same stations: relabel in place, so a list someone is moving through with the keyboard stays put.
    if (select.options.length > 0 && ids.length === this._stations.length
        && this._stations.every((s, i) => s.id === ids[i])) {
      select.options[0].textContent = this._t.t('live.chooseStation');
      this._stations.forEach((s, i) => { select.options[i + 1].textContent = label(s); });
      return;
    }
    const current = select.value;
    const first = document.createElement('option');
    first.value = '';
    first.textContent = this._t.t('live.chooseStation');
    select.replaceChildren(first, ...this._stations.map((s) => {
      const option = document.createElement('option');
      option.value = s.id;
      option.textContent = label(s);
      return option;
    }));
    select.value = current;
  }

  _renderAlerts() {
    const open = this._alerts.filter(needsAttention).length;
    this._el.badge.textContent = String(open);
    this._el.badge.hidden = open === 0;
    this._el.topButton.querySelector('.count').textContent = String(open);
    this._el.topButton.hidden = open === 0;
    if (this._alerts.length === 0) {
      const li = document.createElement('li');
      li.className = 'note';
      li.textContent = this._t.t('live.noAlerts');
      this._el.alerts.replaceChildren(li);
      return;
    }
    // Keep the keyboard focus on the same alert's same button across the rebuild.
    const active = document.activeElement;
    const focused = active?.tagName === 'BUTTON' && this._el.alerts.contains(active) ? active : null;
    const focusKey = focused ? [focused.closest('li').dataset.alert, focused.className] : null;
    this._el.alerts.replaceChildren(...this._alerts.map((a) => this._alertItem(a)));
    if (focusKey) {
      const li = this._el.alerts.querySelector(`li[data-alert="${focusKey[0]}"]`);
      (li?.querySelector(`button.${focusKey[1].split(' ')[0]}`) ?? li?.querySelector('button'))?.focus();
    }
  }

  _alertItem(a) {
    const li = document.createElement('li');
    li.dataset.alert = String(a.id);
    li.dataset.level = a.level;
    li.dataset.state = a.clearedAt ? 'cleared' : a.acknowledgedAt ? 'acknowledged' : 'open';
    const head = document.createElement('div');
    head.className = 'alert-head';
    const badge = document.createElement('span');
    badge.className = 'status-badge';
    badge.style.background = statusColour(a.level);
    badge.textContent = this._t.t(`live.status.${a.level}`);
    const when = document.createElement('time');
    when.dateTime = a.raisedAt ?? '';
    when.textContent = localDateTimeText(a.raisedAt, this._offset);
    head.append(badge, ' ', this._names.get(String(a.thing)) ?? `#${a.thing}`, ' ', when);
    const what = document.createElement('div');
    what.className = 'alert-what';
    what.textContent = typeof a.value === 'number'
      ? this._t.t('live.alertValue', { property: a.observedProperty, value: formatValue(a.value), unit: a.unit ?? '',
        threshold: typeof a.threshold === 'number' ? formatValue(a.threshold) : '—' })
      : a.observedProperty;
    const actions = document.createElement('div');
    actions.className = 'buttons';
    const show = document.createElement('button');
    show.type = 'button';
    show.className = 'show-station';
    show.textContent = this._t.t('live.show');
    show.addEventListener('click', () => this._onStation(String(a.thing)));
    actions.append(show);
    if (a.acknowledgedAt) {
      const done = document.createElement('span');
      done.className = 'note';
      done.textContent = this._t.t('live.acked');
      actions.append(done);
    } else {
      const ack = document.createElement('button');
      ack.type = 'button';
      ack.className = 'ack primary';
      ack.textContent = this._t.t('live.ack');
      ack.addEventListener('click', () => {
        ack.disabled = true;
        this._onAcknowledge(a.id);
      });
      actions.append(ack);
    }
    if (a.clearedAt) {
      const cleared = document.createElement('span');
      cleared.className = 'note';
      cleared.textContent = this._t.t('live.cleared');
      actions.append(cleared);
    }
    li.append(head, what, actions);
    return li;
  }
}
