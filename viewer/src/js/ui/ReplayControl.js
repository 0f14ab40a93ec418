import { localDateTimeText } from '../core/localTime.js';

/** Wait for the slider to settle before asking for a replay (milliseconds). */
const SETTLE_MS = 150;

/**
 * The replay slider: minutes before now (0 = live), the chosen local time beside it, and a "back to live" button
 * while replaying. Calls onTime(offsetMinutes) once the slider settles.
 */
export class ReplayControl {
  /**
   * @param {{slider: HTMLInputElement, output: HTMLOutputElement, live: HTMLButtonElement}} elements
   * @param {import('../core/Translator.js').Translator} translator
   * @param {number} utcOffsetHours
   * @param {(offsetMinutes: number) => void} onTime
   */
  constructor(elements, translator, utcOffsetHours, onTime) {
    this._el = elements;
    this._t = translator;
    this._offset = utcOffsetHours;
    let timer = null;
    elements.slider.addEventListener('input', () => {
      this._render();
      clearTimeout(timer);
      timer = setTimeout(() => onTime(this.offsetMinutes), SETTLE_MS);
    });
    elements.live.addEventListener('click', () => {
      clearTimeout(timer);
      elements.slider.value = '0';
      this._render();
      onTime(0);
      elements.slider.focus();
    });
    translator.onChange(() => this._render());
    this._render();
  }

  get offsetMinutes() {
    return Number(this._el.slider.value);
  }

  _render() {
    const offset = this.offsetMinutes;
    this._el.output.textContent = offset === 0 ? this._t.t('live.now')
      : localDateTimeText(new Date(Date.now() + offset * 60000).toISOString(), this._offset);
    this._el.live.hidden = offset === 0;
  }
}
