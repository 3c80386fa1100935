/**
 * One comment in a queue, as a card: author and standing, where it was posted, the safe HTML next
 * to the text as typed (with the spans that drove the scores), the screening, the reports, and the
 * decisions the server says are possible now (`actions` of the queue item).
 */
import { h, highlighted, nextId, setSanitizedHtml } from '../shared/dom.js';
import { attributeLabel, reasonLabel } from './reasons.js';
import { pct, when } from './ui.js';

/**
 * How an action the server offers is shown: its button and its shortcut. Which actions a card
 * offers, whether one asks for a reason and what it is called once done are the server's (the
 * item's `actions`, GET /moderation/actions); an action not listed here gets a plain button.
 */
export const ACTIONS = {
  approve: { button: 'Approve', key: 'a' },
  reject: { button: 'Reject…', key: 'r' },
  feature: { button: 'Feature', key: 'f' },
  unfeature: { button: 'Unfeature', key: 'f' },
  remove: { button: 'Remove…', key: 'd' },
  hold: { button: 'Send back to held' },
};

/** The button text of `action` ("Reject…"), readable for an action the console has no words for. */
export function buttonText(action) {
  return ACTIONS[action] ? ACTIONS[action].button : action.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function spanTitle(s) {
  return attributeLabel(s.attribute) + (s.weight != null ? ` ${s.weight.toFixed(2)}` : '');
}

/** The screening in one line (why, and the overall score), its scores folded below it. */
function screening(s) {
  if (!s || (!s.scores && s.uncivil == null && !(s.reasons || []).length)) return null;
  const rows = [];
  if (s.uncivil != null) rows.push(['uncivil', s.uncivil]);
  Object.keys(s.scores || {}).filter((k) => !(k === 'uncivil' && s.uncivil != null))
    .sort((x, y) => s.scores[y] - s.scores[x]).forEach((k) => rows.push([k, s.scores[k]]));
  const reasons = s.reasons && s.reasons.length
    ? s.reasons.map((r) => h('span', { class: 'reason', title: r }, reasonLabel(r))) : [h('span', { class: 'muted' }, 'no reason recorded')];
  return h('details', { class: 'scores' },
    h('summary', null, h('strong', null, 'Screening: '), reasons,
      s.uncivil != null ? h('span', { class: 'muted' }, ` · uncivil ${pct(s.uncivil)}`) : null),
    rows.length ? h('dl', null, rows.slice(0, 9).map(([key, value]) => [h('dt', null, attributeLabel(key)), h('dd', null,
      h('meter', { min: '0', max: '1', low: '0.4', high: '0.7', optimum: '0', value: String(value), 'aria-label': `${attributeLabel(key)} ${pct(value)}` }),
      ` ${pct(value)}`)])) : null);
}

function reportList(reports) {
  if (!reports || !reports.length) return null;
  return h('div', { class: 'reports' }, h('h3', null, reports.length + (reports.length === 1 ? ' report' : ' reports')),
    h('ul', null, reports.map((r) => h('li', null, h('strong', { title: r.reason }, reasonLabel(r.reason)), r.text ? `: ${r.text}` : '', ' ',
      h('span', { class: 'muted' }, 'reported ', when(r.at), r.weight < 1 ? ` · new identity, counts ${r.weight}` : '')))));
}

export class Card {
  /**
   * @param view the QueueView that shows the card (decisions, selection, author tools)
   * @param item a queue item of the moderation API
   */
  constructor(view, item) {
    this.view = view;
    this.item = item;
    this.id = item.comment.id;
    this.node = this.#render();
  }

  /** Whether the server offers `action` on this comment now. */
  offers(action) {
    return (this.item.actions || []).includes(action);
  }

  /** Feature or unfeature, whichever the server offers (null when neither). */
  featureToggle() {
    return ['feature', 'unfeature'].find((a) => this.offers(a)) || null;
  }

  focus() {
    this.node.querySelector('article').focus();
  }

  #button(action, label, attrs) {
    return h('button', { type: 'button', 'aria-keyshortcuts': ACTIONS[action] && ACTIONS[action].key, onclick: () => this.view.decide(this, action), ...attrs },
      label || buttonText(action));
  }

  /** One button per action the server offers, in the server's order. */
  #offered() {
    const it = this.item, c = it.comment, reported = (it.reports || []).length > 0;
    return (it.actions || []).map((action) => {
      if (action !== 'approve') return this.#button(action, null, action === 'hold' ? { class: 'quiet' } : null);
      // Approving a published comment only confirms it: a button when there are reports to dismiss (the key works anyway).
      if (c.status === 'published' && !reported) return null;
      return this.#button('approve', c.status === 'published' ? 'Keep (dismiss reports)' : null, { class: 'primary' });
    });
  }

  #actions(history) {
    const view = this.view;
    return h('div', { class: 'actions', role: 'group', 'aria-label': 'Decide on this comment' },
      this.#offered(),
      h('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 's', onclick: () => view.authors.suspend(this) }, 'Suspend author…'),
      h('button', { type: 'button', class: 'quiet danger-text', 'aria-keyshortcuts': 'b', onclick: () => view.authors.ban(this) }, 'Ban author…'),
      h('button', { type: 'button', class: 'quiet', 'aria-expanded': 'false', 'aria-keyshortcuts': 'h',
        onclick: (e) => view.authors.toggleHistory(this, e.currentTarget, history) }, 'Author history'));
  }

  #render() {
    const it = this.item, c = it.comment, a = it.author || {}, s = it.screening || {};
    const titleId = nextId('card');
    this.check = h('input', { type: 'checkbox', id: nextId('sel'), 'aria-label': `Select the comment by ${a.name || 'unknown'}`,
      onchange: () => this.view.updateSelection() });
    const body = h('div', { class: 'body' });
    setSanitizedHtml(body, c.html);
    const spans = (s.spans || []).length;
    const raw = h('details', { class: 'raw' },
      h('summary', null, spans ? `As typed, ${spans} highlighted phrase${spans === 1 ? '' : 's'}` : 'As typed'),
      h('p', { class: 'typed' }, highlighted(c.body || '', s.spans, spanTitle)));
    const history = h('div', { class: 'history', hidden: true });
    const node = h('li', { class: `card${c.featured ? ' featured' : ''}` },
      h('article', { 'aria-labelledby': titleId, tabindex: '-1', dataset: { id: c.id } },
        h('header', null,
          h('span', { class: 'check' }, this.check),
          h('h2', { id: titleId }, a.name || 'Unknown author'),
          h('span', { class: `standing standing-${a.standing || 'active'}` }, a.standing || 'active',
            a.suspendedUntil ? h('span', null, ' until ', when(a.suspendedUntil)) : null),
          h('span', { class: 'muted' }, `${a.kind || 'guest'} · ${a.approved || 0} approved · ${a.rejected || 0} rejected`,
            a.since ? h('span', null, ' · author since ', when(a.since)) : null)),
        h('p', { class: 'where' }, h('span', { class: 'muted' }, 'Posted ', when(c.createdAt), ' on '), it.article
          ? h('a', { href: it.article.url || '#', rel: 'noopener noreferrer', target: '_blank' }, it.article.title || it.article.key)
          : 'unknown article',
        c.featured ? h('span', { class: 'tag' }, 'Featured') : null,
        h('span', { class: 'tag' }, c.status)),
        it.parent ? h('blockquote', { class: 'parent' }, h('p', { class: 'muted' }, `In reply to ${it.parent.author || 'a deleted comment'}:`),
          h('p', null, it.parent.excerpt || '')) : null,
        body,
        screening(s),
        s.sanitizerRemoved && s.sanitizerRemoved.length ? h('p', { class: 'removed' }, h('strong', null, 'Sanitiser removed: '),
          s.sanitizerRemoved.join(', ')) : null,
        raw,
        reportList(it.reports),
        this.#actions(history), history));
    node.querySelector('article').addEventListener('focus', () => { this.view.current = this; });
    return node;
  }
}
