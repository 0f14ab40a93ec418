/** The vi/en buttons: `button[data-lang]` inside the container; the pressed one is the current language. */
export class LanguageSwitch {
  /**
   * @param {HTMLElement} container
   * @param {import('../core/Translator.js').Translator} translator
   */
  constructor(container, translator) {
    this._buttons = [...container.querySelectorAll('button[data-lang]')];
    this._buttons.forEach((button) => button.addEventListener('click', () => {
      translator.setLanguage(button.dataset.lang);
    }));
    translator.onChange((language) => this._mark(language));
    this._mark(translator.language);
  }

  _mark(language) {
    this._buttons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.lang === language)));
  }
}
