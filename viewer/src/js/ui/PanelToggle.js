/**
 * The menu button: opens and closes the side panel. On a phone-sized screen the panel starts closed (CSS shows
 * it as an overlay when `.panel-open` is set on the app element).
 */
export class PanelToggle {
  /**
   * @param {HTMLButtonElement} button
   * @param {HTMLElement} app the element that gets the `panel-open` class
   * @param {boolean} initiallyOpen
   */
  constructor(button, app, initiallyOpen) {
    const set = (open) => {
      app.classList.toggle('panel-open', open);
      button.setAttribute('aria-expanded', String(open));
    };
    button.addEventListener('click', () => set(!app.classList.contains('panel-open')));
    set(initiallyOpen);
  }
}
