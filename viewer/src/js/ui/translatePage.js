/**
 * Fills every `[data-i18n]` element's text and every `[data-i18n-label]` element's title and aria-label from the
 * translator, and sets the document language.
 *
 * @param {ParentNode} root
 * @param {import('../core/Translator.js').Translator} translator
 */
export function translatePage(root, translator) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = translator.t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    const text = translator.t(el.dataset.i18nLabel);
    el.title = text;
    el.setAttribute('aria-label', text);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = translator.t(el.dataset.i18nPlaceholder);
  }
  document.documentElement.lang = translator.language;
  document.title = translator.t('appTitle');
}
