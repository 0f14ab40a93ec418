/**
 * The status line at the bottom: the latest notice (network or data problem, or progress), translated, with its
 * technical detail; re-translated when the language changes.
 */
export class StatusBar {
  /**
   * @param {HTMLElement} element
   * @param {import('../core/Translator.js').Translator} translator
   */
  constructor(element, translator) {
    this._element = element;
    this._translator = translator;
    this._notice = null;
    translator.onChange(() => this._render());
  }

  /** @param {{level: string, key: string, detail: string}} notice */
  show(notice) {
    this._notice = notice;
    this._render();
  }

  _render() {
    const notice = this._notice;
    if (!notice) {
      this._element.textContent = '';
      return;
    }
    const text = this._translator.t(notice.key);
    this._element.textContent = notice.detail ? `${text}: ${notice.detail}` : text;
    this._element.dataset.level = notice.level;
  }
}
