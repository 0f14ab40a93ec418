import { signIn, signOut, useCredential, whoAmI } from '../services/auth.js';

/**
 * The sign-in control of the header bar: a button that opens a dialog (user name + password, or an API token),
 * the signed-in user's name and a sign-out button. After a change the page reloads so that every layer and list is
 * read again with the new credential.
 */
export class SignIn {
  /**
   * @param {{signIn: HTMLButtonElement, signOut: HTMLButtonElement, user: HTMLElement, dialog: HTMLDialogElement}} els
   * @param {import('../core/Translator.js').Translator} translator
   * @param {string} origin the API's origin
   * @param {() => void} changed called after signing in or out
   */
  constructor(els, translator, origin, changed) {
    this._els = els;
    this._t = translator;
    this._origin = origin;
    this._changed = changed;
    this._name = null;
    const form = els.dialog.querySelector('form');
    this._error = form.querySelector('[data-role="error"]');
    els.signIn.addEventListener('click', () => this.open());
    els.signOut.addEventListener('click', () => {
      signOut();
      changed();
    });
    form.querySelector('[data-action="cancel"]').addEventListener('click', () => els.dialog.close());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this._submit(form);
    });
    translator.onChange(() => this._render());
  }

  /** Asks the server who we are and shows it. */
  async refresh() {
    const me = await whoAmI(this._origin);
    this._name = me && !me.anonymous ? me.name : null;
    this._render();
  }

  open() {
    this._error.hidden = true;
    this._els.dialog.showModal();
  }

  async _submit(form) {
    const user = form.elements.username.value.trim();
    const token = form.elements.token.value.trim();
    try {
      if (token) {
        useCredential(token);
        const me = await whoAmI(this._origin);
        if (!me || me.anonymous) {
          throw new Error('token refused');
        }
      } else {
        await signIn(this._origin, user, form.elements.password.value);
      }
    } catch (e) {
      this._error.textContent = this._t.t('auth.failed');
      this._error.hidden = false;
      return;
    }
    form.reset();
    this._els.dialog.close();
    this._changed();
  }

  _render() {
    const signedIn = this._name !== null;
    this._els.signIn.hidden = signedIn;
    this._els.signOut.hidden = !signedIn;
    this._els.user.hidden = !signedIn;
    this._els.user.textContent = signedIn ? this._t.t('auth.signedIn', { name: this._name }) : '';
  }
}
