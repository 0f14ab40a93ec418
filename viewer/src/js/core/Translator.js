/**
 * Looks up UI strings in the current language and tells listeners when the language changes.
 * An unknown language or key is a programmer mistake and throws.
 */
export class Translator {
  /**
   * @param {Record<string, Record<string, string>>} messages language → key → text
   * @param {string} language the initial language, a key of messages
   */
  constructor(messages, language) {
    this._messages = messages;
    this._listeners = [];
    this._language = this._checked(language);
  }

  get language() {
    return this._language;
  }

  get languages() {
    return Object.keys(this._messages);
  }

  /** Switches language and notifies listeners (only when it changes). */
  setLanguage(language) {
    const next = this._checked(language);
    if (next === this._language) {
      return;
    }
    this._language = next;
    this._listeners.forEach((listener) => listener(next));
  }

  /** @param {(language: string) => void} listener */
  onChange(listener) {
    this._listeners.push(listener);
  }

  /**
   * The text for key with `{name}` placeholders replaced from params.
   * @throws {Error} when the key is missing in the current language
   */
  t(key, params = {}) {
    const text = this._messages[this._language][key];
    if (text === undefined) {
      throw new Error(`No message '${key}' in language '${this._language}'`);
    }
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  }

  /** True when key has a message (for optional translations such as building use values). */
  has(key) {
    return this._messages[this._language][key] !== undefined;
  }

  /**
   * Picks the current language from a server-side multilingual value such as a layer title `{vi, en}`,
   * falling back to any language present, then to ''.
   */
  pick(localized) {
    if (localized === null || localized === undefined) {
      return '';
    }
    if (typeof localized === 'string') {
      return localized;
    }
    return localized[this._language] ?? Object.values(localized).find((v) => typeof v === 'string' && v) ?? '';
  }

  _checked(language) {
    if (!(language in this._messages)) {
      throw new Error(`Unknown language '${language}'`);
    }
    return language;
  }
}
