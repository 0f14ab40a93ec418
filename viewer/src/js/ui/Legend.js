import { formatValue } from '../core/indicatorTable.js';

/** A list of colour swatches with translated labels (simulation results). */
export class Legend {
  /**
   * @param {HTMLUListElement} list
   * @param {import('../core/Translator.js').Translator} translator
   */
  constructor(list, translator) {
    this._list = list;
    this._t = translator;
    this._entries = [];
    translator.onChange(() => this.show(this._entries));
  }

  /** @param {Array<{colour: string, key: string, params: object}>} entries */
  show(entries) {
    this._entries = entries;
    this._list.replaceChildren(...entries.map(({ colour, key, params }) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colour;
      const label = document.createElement('span');
      // Numbers (metres, hours) in the language's format: 2,1 m in Vietnamese, 2.1 m in English.
      label.textContent = this._t.t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k,
        typeof v === 'number' ? formatValue(v, 'm', this._t.language) : v])));
      li.append(swatch, label);
      return li;
    }));
  }
}
