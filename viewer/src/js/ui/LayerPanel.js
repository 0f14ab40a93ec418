/**
 * The layer list: one checkbox per catalogue layer with its title in the current language, a "3D" badge on layers
 * drawn as 3D Tiles. Each item is `li[data-layer-id]` with the title in `.layer-title`.
 */
export class LayerPanel {
  /**
   * @param {HTMLElement} list a `ul`
   * @param {import('../core/Translator.js').Translator} translator
   * @param {(layerId: string, visible: boolean) => void} onToggle
   */
  constructor(list, translator, onToggle, { search = null, legendUrl = null } = {}) {
    this._list = list;
    this._translator = translator;
    this._onToggle = onToggle;
    this._entries = [];
    this._legendUrl = legendUrl;
    this._search = search;
    translator.onChange(() => {
      this._relabel();
      this.filter();
    });
    search?.addEventListener('input', () => this.filter());
  }

  /** Shows only the layers whose title (in the current language) or id contains the search text. */
  filter() {
    const text = (this._search?.value ?? '').trim().toLocaleLowerCase();
    for (const entry of this._entries) {
      const item = this._list.querySelector(`li[data-layer-id="${CSS.escape(entry.id)}"]`);
      if (item) {
        item.hidden = Boolean(text) && !this._translator.pick(entry.title).toLocaleLowerCase().includes(text)
          && !entry.id.toLowerCase().includes(text);
      }
    }
  }

  /**
   * @param {Array<{id: string, title: object, is3d: boolean, visible: boolean}>} entries in display order
   */
  render(entries) {
    this._entries = entries;
    this._list.replaceChildren(...entries.map((entry) => this._item(entry)));
    if (entries.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'layer-empty';
      empty.dataset.i18n = 'layersEmpty';
      empty.textContent = this._translator.t('layersEmpty');
      this._list.append(empty);
    }
  }

  _item(entry) {
    const item = document.createElement('li');
    item.dataset.layerId = entry.id;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = entry.visible;
    box.addEventListener('change', () => this._onToggle(entry.id, box.checked));
    const title = document.createElement('span');
    title.className = 'layer-title';
    title.textContent = this._translator.pick(entry.title);
    label.append(box, title);
    if (entry.is3d) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.dataset.i18n = 'layers3d';
      badge.textContent = this._translator.t('layers3d');
      label.append(badge);
    }
    item.append(label);
    // The legend from the server (WMS GetLegendGraphic), loaded only when asked for.
    if (this._legendUrl && !entry.is3d) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'legend-toggle';
      button.dataset.i18nLabel = 'legend';
      button.title = this._translator.t('legend');
      button.setAttribute('aria-label', this._translator.t('legend'));
      button.setAttribute('aria-expanded', 'false');
      button.textContent = '≡';
      button.addEventListener('click', () => {
        let img = item.querySelector('img.legend-image');
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        if (open && !img) {
          img = document.createElement('img');
          img.className = 'legend-image';
          img.alt = '';
          img.src = this._legendUrl(entry.id, this._translator.language);
          item.append(img);
        }
        if (img) {
          img.hidden = !open;
        }
      });
      label.after(button);
    }
    return item;
  }

  _relabel() {
    for (const entry of this._entries) {
      const title = this._list.querySelector(`li[data-layer-id="${CSS.escape(entry.id)}"] .layer-title`);
      if (title) {
        title.textContent = this._translator.pick(entry.title);
      }
    }
  }
}
