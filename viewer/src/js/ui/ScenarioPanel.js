import { describeServerError } from '../core/serverErrors.js';

/**
 * Scenario actions beside the picker: new (branched from the city or another scenario), rename/describe,
 * duplicate, delete. One inline form serves "new" and "rename"; the server's refusals show inside it.
 * Each handler returns a promise; a rejection carrying `error` (http.ApiError) is shown in the form.
 */
export class ScenarioPanel {
  /**
   * @param {{actions: HTMLElement, form: HTMLFormElement, meta: HTMLElement}} elements
   * @param {import('../core/Translator.js').Translator} translator
   * @param {{create: (body: object) => Promise<void>, update: (id: string, body: object) => Promise<void>,
   *          duplicate: (id: string) => Promise<void>, remove: (id: string) => Promise<void>}} handlers
   */
  constructor({ actions, form, meta }, translator, handlers) {
    this._actions = actions;
    this._form = form;
    this._meta = meta;
    this._t = translator;
    this._handlers = handlers;
    this._scenarios = [];
    this._current = null;
    this._mode = null;
    actions.addEventListener('click', (e) => {
      const action = e.target.closest('button')?.dataset.action;
      if (action) {
        this._act(action);
      }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._submit();
    });
    form.querySelector('[data-action="cancel"]').addEventListener('click', () => this.closeForm());
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.closeForm();
      }
    });
    translator.onChange(() => this.render(this._scenarios, this._current));
  }

  /**
   * @param {Array<{id: string, name: string, description?: string, status?: string, version?: number,
   *   editCount?: number}>} scenarios full scenario documents
   * @param {string|null} currentId
   */
  render(scenarios, currentId) {
    this._scenarios = scenarios;
    this._current = currentId;
    const current = this.current;
    for (const button of this._actions.querySelectorAll('button')) {
      button.disabled = button.dataset.action !== 'new' && !current;
    }
    this._meta.hidden = !current;
    if (current) {
      const status = current.status && this._t.has(`scenarioStatus.${current.status}`)
        ? this._t.t(`scenarioStatus.${current.status}`) : current.status ?? '';
      this._meta.textContent = [current.description, this._t.t('scenario.meta',
        { status, version: current.version ?? 0, edits: current.editCount ?? 0 })].filter(Boolean).join(' — ');
    }
    const parent = this._form.elements.parent;
    const chosen = parent.value;
    parent.replaceChildren(new Option(this._t.t('baseCity'), 'base'),
      ...scenarios.map((s) => new Option(s.name, s.id)));
    parent.value = chosen || currentId || 'base';
  }

  /** The selected scenario's document, or null for the base city. */
  get current() {
    return this._scenarios.find((s) => s.id === this._current) ?? null;
  }

  closeForm() {
    this._form.hidden = true;
    this._mode = null;
  }

  async _act(action) {
    const current = this.current;
    if (action === 'new' || action === 'edit') {
      this._mode = action;
      this._form.hidden = false;
      this._error(null);
      this._form.querySelector('[data-only="new"]').hidden = action !== 'new';
      this._form.elements.name.value = action === 'edit' ? current.name : '';
      this._form.elements.description.value = action === 'edit' ? current.description ?? '' : '';
      this._form.elements.parent.value = this._current ?? 'base';
      this._form.elements.name.focus();
    } else if (action === 'duplicate') {
      await this._run(() => this._handlers.duplicate(current.id));
    } else if (action === 'delete') {
      if (window.confirm(this._t.t('scenario.confirmDelete', { name: current.name }))) {
        await this._run(() => this._handlers.remove(current.id));
      }
    }
  }

  async _submit() {
    const name = this._form.elements.name.value.trim();
    if (!name) {
      this._error('scenario.nameRequired');
      return;
    }
    const body = { name, description: this._form.elements.description.value.trim() };
    const ok = this._mode === 'new'
      ? await this._run(() => this._handlers.create({ ...body, parent: this._form.elements.parent.value }))
      : await this._run(() => this._handlers.update(this._current, body));
    if (ok) {
      this.closeForm();
    }
  }

  async _run(action) {
    try {
      await action();
      return true;
    } catch (e) {
      const { key, detail } = e?.error ? describeServerError(e.error) : { key: 'formError.network', detail: '' };
      this._form.hidden = this._mode === null;
      this._error(key, detail);
      if (this._mode === null) {
        throw e; // no form to show it in: the caller's status bar shows it
      }
      return false;
    }
  }

  _error(key, detail = '') {
    const p = this._form.querySelector('.form-error');
    p.hidden = !key;
    p.textContent = key ? this._t.t(key) : '';
    p.title = detail;
  }
}
