import { formatHour } from '../core/localTime.js';

/** Date, hour-of-day slider and shadows switch for the sun. */
export class SunControl {
  /**
   * @param {{date: HTMLInputElement, hour: HTMLInputElement, hourText: HTMLOutputElement,
   *          shadows: HTMLInputElement}} elements
   * @param {{dateIso: string, hour: number, shadows: boolean}} initial
   * @param {{onTime: (dateIso: string, hour: number) => void, onShadows: (on: boolean) => void}} handlers
   */
  constructor(elements, initial, { onTime, onShadows }) {
    const { date, hour, hourText, shadows } = elements;
    date.value = initial.dateIso;
    hour.value = String(initial.hour);
    hourText.value = formatHour(initial.hour);
    shadows.checked = initial.shadows;
    const changed = () => {
      const h = Number(hour.value);
      hourText.value = formatHour(h);
      if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
        onTime(date.value, h);
      }
    };
    date.addEventListener('change', changed);
    hour.addEventListener('input', changed);
    shadows.addEventListener('change', () => onShadows(shadows.checked));
  }
}
