import { BUILDING_USES, buildingProperties } from '../core/buildingEdits.js';
import { describeServerError } from '../core/serverErrors.js';

/**
 * The form for a new or modified building: name, use, storeys, height. Errors from the server are shown next to
 * the field they name, in the current language (the server's English text is the tooltip).
 */
export class BuildingForm {
  /**
   * @param {HTMLFormElement} form
   * @param {import('../core/Translator.js').Translator} translator
   * @param {{onSubmit: (properties: object) => Promise<void>, onCancel: () => void}} handlers onSubmit rejects
   *   with an error carrying `error` (the server's JSON error) to keep the form open with the message
   */
  constructor(form, translator, { onSubmit, onCancel }) {
    this._form = form;
    this._t = translator;
    this._title = null;
    this._errors = [];
    this._fillUses();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      this._showErrors([]);
      const values = Object.fromEntries(['name', 'use_type', 'levels', 'height']
        .map((f) => [f, form.elements[f].value]));
      const submit = form.querySelector('button[type="submit"]');
      submit.disabled = true;
      try {
        await onSubmit(buildingProperties(values));
        this.close();
      } catch (err) {
        const described = err?.error ? describeServerError(err.error) : { field: null, key: 'formError.network',
          detail: err?.message ?? '' };
        this._showErrors([described]);
      } finally {
        submit.disabled = false;
      }
    });
    form.querySelector('[data-action="cancel"]').addEventListener('click', () => {
      this.close();
      onCancel();
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.close();
        onCancel();
      }
    });
    translator.onChange(() => {
      this._fillUses();
      this._renderTitle();
      this._showErrors(this._errors);
    });
  }

  get open() {
    return !this._form.hidden;
  }

  /**
   * Opens the form.
   * @param {{key: string, params: object}} title a message key for the heading
   * @param {Record<string, unknown>} values initial values (a picked building's properties, or defaults)
   */
  openWith(title, values) {
    this._title = title;
    this._renderTitle();
    for (const field of ['name', 'use_type', 'levels', 'height']) {
      const v = values[field];
      this._form.elements[field].value = v === undefined || v === null || v === 0 ? '' : String(v);
    }
    this._showErrors([]);
    this._form.hidden = false;
    this._form.elements.name.focus();
  }

  close() {
    this._form.hidden = true;
  }

  _renderTitle() {
    if (this._title) {
      this._form.querySelector('.form-title').textContent = this._t.t(this._title.key, this._title.params);
    }
  }

  _fillUses() {
    const select = this._form.elements.use_type;
    const chosen = select.value;
    select.replaceChildren(new Option(this._t.t('use.none'), ''),
      ...BUILDING_USES.map((u) => new Option(this._t.has(`use.${u}`) ? this._t.t(`use.${u}`) : u, u)));
    select.value = chosen;
  }

  _showErrors(errors) {
    this._errors = errors;
    for (const p of this._form.querySelectorAll('.field-error, .form-error')) {
      p.hidden = true;
      p.textContent = '';
    }
    for (const { field, key, detail } of errors) {
      const p = (field && this._form.querySelector(`.field-error[data-for="${field}"]`))
        || this._form.querySelector('.form-error');
      p.hidden = false;
      p.textContent = this._t.t(key);
      p.title = detail;
      if (field && this._form.elements[field]) {
        this._form.elements[field].setAttribute('aria-invalid', 'true');
      }
    }
    if (errors.length === 0) {
      for (const el of this._form.querySelectorAll('[aria-invalid]')) {
        el.removeAttribute('aria-invalid');
      }
    }
  }
}
