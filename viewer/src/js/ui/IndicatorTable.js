import { comparisonRows, indicatorRows, indicatorScopes } from '../core/indicatorTable.js';

/**
 * The indicators of the current scenario (scope: the whole city or one ward) and the comparison table of two
 * scenarios with changed rows highlighted (`tr.changed`). Rows carry `data-indicator`.
 */
export class IndicatorTable {
  /**
   * @param {{scope: HTMLSelectElement, table: HTMLTableElement, compareTable: HTMLTableElement}} elements
   * @param {import('../core/Translator.js').Translator} translator
   */
  constructor({ scope, table, compareTable }, translator) {
    this._scope = scope;
    this._table = table;
    this._compareTable = compareTable;
    this._t = translator;
    this._answer = null;
    this._area = null;
    this._comparison = null;
    this._names = null;
    scope.addEventListener('change', () => this._renderIndicators());
    translator.onChange(() => {
      this.showIndicators(this._answer);
      this.showComparison(this._comparison, this._names);
    });
  }

  /** @param {object|null} answer `GET …/indicators?by=ward`, or null while loading */
  showIndicators(answer) {
    this._answer = answer;
    const chosen = this._scope.value || 'city';
    const scopes = this._scopes();
    this._scope.replaceChildren(...scopes.map((s) => new Option(s.name, s.key)));
    this._scope.value = scopes.some((s) => s.key === chosen) ? chosen : 'city';
    this._renderIndicators();
  }

  _renderIndicators() {
    const body = this._table.tBodies[0];
    if (!this._answer) {
      body.replaceChildren(row([cell(this._t.t('ind.loading'))]));
      return;
    }
    const scopes = this._scopes();
    const scope = scopes.find((s) => s.key === this._scope.value) ?? scopes[0];
    body.replaceChildren(...indicatorRows(scope.indicators, this._t.language, this._t).map((r) => {
      const tr = row([cell(r.label), cell(r.value, 'num'), cell(r.unit, 'unit')]);
      tr.dataset.indicator = r.id;
      return tr;
    }));
  }

  /**
   * @param {object|null} answer `GET …/indicators?area=` for a drawn area, or null
   * @param {boolean} select whether to show it now (a newly drawn area) or keep the chosen scope (a refresh)
   */
  showArea(answer, select) {
    this._area = answer;
    this.showIndicators(this._answer);
    if (answer && select) {
      this._scope.value = 'area';
      this._renderIndicators();
    }
  }

  _scopes() {
    return indicatorScopes(this._answer, this._t.t('ind.city'), this._area, this._t.t('ind.area'));
  }

  /**
   * @param {object|null} comparison `GET /api/scenarios/compare`, or null to hide the table
   * @param {{a: string, b: string}|null} names the column headings
   */
  showComparison(comparison, names) {
    this._comparison = comparison;
    this._names = names;
    this._compareTable.hidden = !comparison;
    if (!comparison) {
      return;
    }
    this._compareTable.querySelector('th.col-a').textContent = names.a;
    this._compareTable.querySelector('th.col-b').textContent = names.b;
    this._compareTable.tBodies[0].replaceChildren(...comparisonRows(comparison, this._t.language, this._t).map((r) => {
      const tr = row([cell(`${r.label}${r.unit ? ` (${r.unit})` : ''}`), cell(r.a, 'num'), cell(r.b, 'num'),
        cell([r.difference, r.relative].filter(Boolean).join(' · '), 'num diff')]);
      tr.dataset.indicator = r.id;
      tr.classList.toggle('changed', r.changed);
      return tr;
    }));
  }
}

function row(cells) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}

function cell(text, className = '') {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}
