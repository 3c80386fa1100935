/** The policy dry run: try thresholds or word lists on recent comments before switching them on. */
import { h } from '../shared/dom.js';
import { dataTable, errorBox, textField } from './ui.js';

const words = (s) => (s ? s.split(/\n+/).map((w) => w.trim()).filter(Boolean) : undefined);

function result(d) {
  const tr = d.transitions || {};
  return [h('h2', null, 'Result'),
    h('p', null, `${d.changed} of ${d.evaluated} verdicts would change.`),
    Object.keys(tr).length ? dataTable('Changed verdicts', ['From → to', 'Comments'], Object.keys(tr).map((k) => [k.replace('->', ' → '), tr[k]])) : null,
    (d.examples || []).length ? h('ul', { class: 'examples' }, d.examples.map((x) => h('li', null,
      h('code', null, x.commentId), ' ', `${x.before} → ${x.after}`, ': ', x.excerpt))) : null];
}

export class PolicyView {
  constructor(app) {
    const out = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'policy' },
      textField('site', 'Site', { value: app.site || 'demo', required: true }),
      textField('limit', 'Recent comments to evaluate', { type: 'number', min: '1', max: '5000', value: '500' }),
      textField('uncivil', 'Hold when uncivil ≥ (0–1)', { type: 'number', min: '0', max: '1', step: '0.01', placeholder: 'unchanged' }),
      textField('dismissive', 'Hold when dismissive ≥ (0–1)', { type: 'number', min: '0', max: '1', step: '0.01', placeholder: 'unchanged' }),
      textField('bannedWords', 'Banned words (one per line: reject)', { rows: 3 }),
      textField('suspectWords', 'Suspect words (one per line: hold)', { rows: 3 }),
      h('button', { type: 'submit', class: 'primary' }, 'Run dry run'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = {};
      new FormData(form).forEach((v, k) => { f[k] = String(v).trim(); });
      const thresholds = {};
      if (f.uncivil) thresholds.uncivil = +f.uncivil;
      if (f.dismissive) thresholds.dismissive = +f.dismissive;
      out.textContent = 'Running…';
      try {
        const d = await app.api.call('POST', 'moderation/policy/dry-run', { site: f.site, limit: +f.limit || 500, thresholds,
          bannedWords: words(f.bannedWords), suspectWords: words(f.suspectWords) });
        out.textContent = '';
        out.append(...result(d).filter(Boolean));
      } catch (err) {
        out.textContent = '';
        out.appendChild(errorBox(err));
      }
    });
    this.node = h('section', null, h('h1', null, 'Policy dry run'),
      h('p', { class: 'muted' }, 'Try thresholds or word lists on recent comments before switching them on. Nothing is changed.'), form, out);
  }
}
