/**
 * A site's screening policy: its values as they are now, a dry run of a change on recent comments
 * (what would change, the reasons of both verdicts, and how many examples are listed of how many),
 * and, for administrators, Apply, which the server records in the audit log. Moderators may try a
 * change but not apply it.
 */
import { append, h } from '../shared/dom.js';
import { seg } from '../shared/http.js';
import { reasonLabel } from './reasons.js';
import { checkField, confirmIn, dataTable, errorBox, formValues, lines, selectField, textField } from './ui.js';

const LISTS = [['bannedWords', 'Banned words (reject), one per line; word* matches prefixes'],
  ['suspectWords', 'Suspect words, one per line'], ['allowedWords', 'Allowed words (never count as banned or suspect), one per line']];
const NUMBERS = [['maxLinks', 'Most links before a comment is held', 0, 100], ['newAuthorApprovals', 'Approved comments before a new author is trusted', 0, 100]];

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The reasons of one verdict, in words. */
function reasons(list) {
  return list && list.length ? list.map(reasonLabel).join('; ') : 'no reason';
}

function result(d) {
  const tr = d.transitions || {}, examples = d.examples || [];
  return [h('h2', null, 'Dry run'),
    h('p', null, h('strong', null, `${d.changed} of ${d.evaluated}`), ' recent comments would get another verdict.'),
    (d.changes || []).length ? [h('h3', null, 'What changes'), h('ul', { class: 'changes' }, d.changes.map((c) => h('li', null, c)))] : null,
    Object.keys(tr).length ? dataTable('Changed verdicts', ['From → to', 'Comments'], Object.keys(tr).map((k) => [k.replace('->', ' → '), tr[k]])) : null,
    examples.length ? [h('h3', null, d.examplesTruncated
      ? `The first ${examples.length} of ${d.changed} changed comments (the dry run lists at most ${d.examplesLimit})`
      : `All ${examples.length} changed comment${examples.length === 1 ? '' : 's'}`),
    h('ul', { class: 'examples' }, examples.map((x) => h('li', null, h('strong', null, `${x.before} → ${x.after}`), ': ', `“${x.excerpt}”`,
      h('br'), h('span', { class: 'muted' }, `Now: ${reasons(x.reasonsBefore)}. With the change: ${reasons(x.reasonsAfter)}.`))))] : null];
}

export class PolicyView {
  constructor(app, site) {
    this.app = app;
    this.admin = app.me && app.me.role === 'administrator';
    this.site = site || app.site || (app.me && app.me.site) || 'demo';
    this.current = null;
    this.done = h('p', { class: 'done', role: 'status', hidden: true });
    this.out = h('div', { 'aria-live': 'polite' });
    this.form = h('form', { class: 'policy admin-form' });
    this.node = h('section', null, h('h1', null, 'Screening policy'),
      h('p', { class: 'muted' }, this.admin ? 'Change a value, try it on recent comments, then apply it. Every change is in the audit log.'
        : 'Try thresholds or word lists on recent comments. An administrator applies changes.'),
      this.done, this.form, this.out);
    this.out.textContent = 'Loading…';
    this.load();
  }

  async load() {
    this.out.textContent = '';
    if (this.admin) {
      try {
        const [policy, sites] = await Promise.all([this.app.api.call('GET', `admin/sites/${seg(this.site)}/policy`),
          this.app.api.call('GET', 'admin/sites')]);
        this.current = policy.current;
        this.sites = sites.map((x) => [x.key, x.name]);
      } catch (err) {
        this.current = null;
        this.out.textContent = '';
        this.out.appendChild(errorBox(err));
      }
    }
    this.#render();
  }

  #render() {
    const c = this.current, f = this.form;
    const thresholds = c ? Object.keys(c.thresholds) : ['uncivil', 'dismissive'];
    f.textContent = '';
    append(f,
      this.admin ? selectField('site', 'Site', this.sites || [[this.site, this.site]], this.site,
        { onchange: (e) => { location.hash = `#/policy/${e.currentTarget.value}`; } })
        : textField('site', 'Site', { value: this.site, required: true }),
      h('fieldset', null, h('legend', null, 'Hold when a score reaches (0–1; 1 switches the check off)'),
        h('div', { class: 'grid2' }, thresholds.map((k) => textField(`t.${k}`, k.replace(/_/g, ' '),
          { type: 'number', min: '0', max: '1', step: '0.01', value: c ? String(c.thresholds[k]) : '', placeholder: c ? null : 'unchanged' })))),
      LISTS.map(([k, label]) => textField(k, label, { rows: 3, value: c ? (c[k] || []).join('\n') : '' })),
      c ? [
        selectField('suspectWordAction', 'A suspect word', [['hold', 'Holds the comment'], ['flag', 'Flags it for moderators']], c.suspectWordAction),
        selectField('unscoredLanguage', 'A language the model does not score', [['flag', 'Publish and flag'], ['hold', 'Hold for review']], c.unscoredLanguage),
        checkField('nudge', 'Nudge authors of borderline comments to rephrase', c.nudge),
        h('div', { class: 'grid2' }, NUMBERS.map(([k, label, min, max]) => textField(k, label, { type: 'number', min: String(min), max: String(max), value: String(c[k]) })))] : null,
      h('div', { class: 'grid2' },
        textField('limit', 'Recent comments to try', { type: 'number', min: '1', max: '5000', value: '500' }),
        textField('examples', 'Examples to list', { type: 'number', min: '0', max: '200', value: '20' })),
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Run dry run'),
        this.admin ? h('button', { type: 'button', onclick: () => this.apply() }, 'Apply') : null));
    f.onsubmit = (e) => {
      e.preventDefault();
      this.dryRun();
    };
  }

  /** The change the form describes: with current values known, only what differs from them. */
  change() {
    const v = formValues(this.form), c = this.current, change = {}, thresholds = {};
    for (const [k, value] of Object.entries(v)) {
      if (k.startsWith('t.') && value !== '' && (!c || +value !== c.thresholds[k.slice(2)])) thresholds[k.slice(2)] = +value;
    }
    if (Object.keys(thresholds).length) change.thresholds = thresholds;
    for (const [k] of LISTS) {
      const list = lines(v[k]);
      if (c ? !same([...list].sort(), c[k]) : list.length) change[k] = list;
    }
    if (c) {
      ['suspectWordAction', 'unscoredLanguage', 'nudge'].forEach((k) => { if (v[k] !== c[k]) change[k] = v[k]; });
      NUMBERS.forEach(([k]) => { if (+v[k] !== c[k]) change[k] = +v[k]; });
    }
    return { change, site: v.site || this.site, limit: +v.limit || 500, examples: v.examples === '' ? 20 : +v.examples };
  }

  async dryRun() {
    const { change, site, limit, examples } = this.change();
    this.out.textContent = 'Running…';
    try {
      const d = this.admin ? await this.app.api.call('POST', `admin/sites/${seg(site)}/policy/dry-run`, { ...change, limit, examples })
        : await this.app.api.call('POST', 'moderation/policy/dry-run', { site, ...change, limit, examples });
      this.out.textContent = '';
      this.out.append(...result(d).flat().filter(Boolean));
    } catch (err) {
      this.out.textContent = '';
      this.out.appendChild(errorBox(err));
    }
  }

  async apply() {
    const { change, site } = this.change();
    if (!Object.keys(change).length) {
      confirmIn(this.done, 'Nothing to apply: no value differs from the policy in force.');
      return;
    }
    try {
      const d = await this.app.api.call('PATCH', `admin/sites/${seg(site)}/policy`, change);
      this.current = d.policy.current;
      this.#render();
      this.out.textContent = '';
      confirmIn(this.done, `Applied to ${site}: ${(d.changes || []).join('; ') || 'no change'}.`);
    } catch (err) {
      this.out.textContent = '';
      this.out.appendChild(errorBox(err));
    }
  }
}
