/**
 * The scenario picker: "current city" plus the server's scenarios. Disabled, with a note, when the server has no
 * planning API.
 */
export class ScenarioSelect {
  /**
   * @param {HTMLSelectElement} select
   * @param {HTMLElement} note where "no scenarios" is written
   * @param {import('../core/Translator.js').Translator} translator
   * @param {(scenarioId: string|null) => void} onSelect
   */
  constructor(select, note, translator, onSelect) {
    this._select = select;
    this._note = note;
    this._translator = translator;
    this._available = false;
    this._scenarios = [];
    select.addEventListener('change', () => onSelect(select.value === '' ? null : select.value));
    translator.onChange(() => this.render(this._available, this._scenarios, select.value || null));
    this.render(false, [], null);
  }

  /** Shows a scenario as selected (without telling onSelect). */
  select(id) {
    this.render(this._available, this._scenarios, id);
  }

  /**
   * @param {boolean} available whether the server has a planning API
   * @param {ReadonlyArray<{id: string, name: string}>} scenarios
   * @param {string|null} selected
   */
  render(available, scenarios, selected) {
    this._available = available;
    this._scenarios = scenarios;
    const base = new Option(this._translator.t('baseCity'), '');
    const options = scenarios.map((s) => new Option(s.name, s.id));
    // A scenario asked for in the page URL stays visible even when the server does not list it.
    if (selected && !scenarios.some((s) => s.id === selected)) {
      options.push(new Option(`#${selected}`, selected));
    }
    this._select.replaceChildren(base, ...options);
    this._select.value = selected ?? '';
    this._select.disabled = !available || scenarios.length === 0;
    this._note.hidden = available;
    this._note.textContent = available ? '' : this._translator.t('scenariosUnavailable');
  }
}
