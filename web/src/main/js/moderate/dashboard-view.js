/** The dashboard: comments per day, held and rejected rates, and the most heated articles. */
import { h, nextId } from '../shared/dom.js';
import { query } from '../shared/http.js';
import { chart, heatedChart, perDayChart, ratesChart } from './charts.js';
import { dataTable, errorBox, pct } from './ui.js';

const share = (part, whole) => pct(whole ? part / whole : 0);

function legend(...kinds) {
  return h('p', { class: 'legend' }, kinds.map(([cls, label]) => [h('span', { class: `sw sw-${cls}` }), label]));
}

function render(d) {
  const days = Array.isArray(d.perDay) ? d.perDay : Array.isArray(d.days) ? d.days : [], heated = d.heatedArticles || [];
  const total = d.total != null ? d.total : days.reduce((s, x) => s + x.comments, 0);
  return [
    h('ul', { class: 'kpis' },
      h('li', null, h('span', { class: 'kpi' }, String(total)), ' comments'),
      h('li', null, h('span', { class: 'kpi' }, pct(d.heldRate)), ' held'),
      h('li', null, h('span', { class: 'kpi' }, pct(d.rejectedRate)), ' rejected')),
    chart('Comments per day', `Stacked bars of published, held and rejected comments per day over ${days.length} days; ${total} comments in all.`,
      (desc) => perDayChart(days, desc),
      dataTable('Comments per day', ['Date', 'Comments', 'Held', 'Rejected'], days.map((x) => [x.date, x.comments, x.held, x.rejected]))),
    legend(['pub', 'published '], ['held', 'held '], ['rej', 'rejected']),
    chart('Held and rejected rates per day',
      `Lines of the daily share of comments held (overall ${pct(d.heldRate)}) and rejected (overall ${pct(d.rejectedRate)}).`,
      (desc) => ratesChart(days, desc),
      dataTable('Rates per day', ['Date', 'Held', 'Rejected'], days.map((x) => [x.date, share(x.held, x.comments), share(x.rejected, x.comments)]))),
    legend(['held', 'held '], ['rej', 'rejected']),
    chart('Most heated articles', `Share of uncivil comments for the ${heated.length} most heated articles.`,
      (desc) => heatedChart(heated, desc),
      dataTable('Most heated articles', ['Article', 'Comments', 'Uncivil share'], heated.map((x) => [x.title || x.key, x.comments, pct(x.uncivilShare)]))),
  ];
}

export class DashboardView {
  constructor(app) {
    this.app = app;
    this.body = h('div', { class: 'dash' }, h('p', { role: 'status' }, 'Loading…'));
    const daysId = nextId('days');
    this.range = h('select', { id: daysId, onchange: () => this.load() },
      [7, 14, 30, 90].map((n) => h('option', { value: n, selected: n === 14 }, `${n} days`)));
    this.node = h('section', null, h('h1', null, 'Dashboard'),
      h('div', { class: 'field inline' }, h('label', { for: daysId }, 'Period'), this.range), this.body);
    this.load();
  }

  async load() {
    try {
      const d = await this.app.api.call('GET', `moderation/stats${query({ site: this.app.site, days: this.range.value })}`);
      this.body.textContent = '';
      this.body.append(...render(d));
    } catch (err) {
      this.body.textContent = '';
      this.body.appendChild(errorBox(err));
    }
  }
}
