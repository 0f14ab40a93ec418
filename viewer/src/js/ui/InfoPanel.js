import { describeBuilding } from '../core/buildingInfo.js';

/** The picked building's properties, labelled in the current language; hidden when nothing is picked. */
export class InfoPanel {
  /**
   * @param {HTMLElement} panel contains `.info-title`, `dl.info-rows` and `button.info-close`
   * @param {import('../core/Translator.js').Translator} translator
   * @param {() => void} onClose
   */
  constructor(panel, translator, onClose) {
    this._panel = panel;
    this._translator = translator;
    this._properties = null;
    panel.querySelector('.info-close').addEventListener('click', () => {
      this.show(null);
      onClose();
    });
    translator.onChange(() => this.show(this._properties));
  }

  /** @param {Record<string, unknown>|null} properties the feature's properties, or null to hide */
  show(properties) {
    this._properties = properties;
    this._panel.hidden = properties === null;
    if (properties === null) {
      return;
    }
    const { title, rows } = describeBuilding(properties, this._translator);
    this._panel.querySelector('.info-title').textContent = title;
    const list = this._panel.querySelector('.info-rows');
    list.replaceChildren(...rows.flatMap(({ field, label, value }) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.dataset.field = field;
      dd.textContent = value;
      return [dt, dd];
    }));
  }
}
