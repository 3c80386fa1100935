/** One comment of the thread as a list item: author, time, badges, the sanitised body and its actions. */
import { h, nextId, setSanitizedHtml } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

export class CommentCards {
  /** @param thread the <parley-comments> element the cards belong to */
  constructor(thread) {
    this.thread = thread;
  }

  /** The list item of `c` at `depth` (null when it is already shown); `replyingTo` names a flattened reply's parent. */
  render(c, depth, replyingTo) {
    const th = this.thread;
    if (th._rendered[c.id] === true) return null;
    if (th._rendered[c.id] === 'announced') {
      th._pendingNew = Math.max(0, th._pendingNew - 1);
      th._updateNew();
    }
    th._rendered[c.id] = true;
    const t = th.t.bind(th);
    const li = h('li', { class: `c${c.featured ? ' featured' : ''}${c.status === 'held' ? ' held' : ''}` });
    li.dataset.id = c.id;
    li.dataset.depth = depth;
    if (c.tombstone) {
      li.appendChild(h('article', { tabindex: '-1', 'aria-label': t(`gone_${c.status}`) }, h('p', { class: 'gone' }, t(`gone_${c.status}`))));
      return li;
    }
    th._names[c.id] = c.author.name;
    const nameId = nextId('n');
    const body = h('div', { class: 'body' });
    setSanitizedHtml(body, c.html);
    const meta = h('div', { class: 'meta' },
      h('span', { class: 'author', id: nameId }, c.author.name),
      replyingTo ? h('span', null, t('replyingTo', { name: replyingTo })) : null,
      h('time', { datetime: c.createdAt, title: c.createdAt ? new Date(c.createdAt).toLocaleString(this.lang()) : null }, this.ago(c.createdAt)),
      c.editedAt ? h('span', null, `(${t('edited')})`) : null,
      c.featured ? h('span', { class: 'badge', title: t('featuredBy') }, t('featured')) : null,
      c.status === 'held' ? h('span', { class: 'badge' }, t('heldBadge')) : null);
    li.appendChild(h('article', { 'aria-labelledby': nameId, tabindex: '-1' }, meta, body,
      c.status === 'held' ? h('p', { class: 'hint' }, t('held')) : null, this.actions(c, li)));
    return li;
  }

  /** Reply, like and report for published comments; edit and delete for the reader's own. */
  actions(c, li) {
    const th = this.thread, t = th.t.bind(th), bar = h('div', { class: 'actions' });
    const name = c.author.name;
    if (c.status === 'published' && th._compose.canPost()) {
      bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-label': t('replyTo', { name }),
        onclick: (e) => th._compose.toggleReply(c, li, e.currentTarget) }, t('reply')));
    }
    if (c.status === 'published') {
      const like = h('button', { type: 'button', class: 'link', 'aria-pressed': String(c.reacted),
        'aria-label': t('likeLabel', { name, n: c.reactions }),
        onclick: () => this.react(c, like) }, `${t('like')} · ${c.reactions}`);
      bar.appendChild(like);
      if (!c.mine) {
        bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-haspopup': 'dialog',
          'aria-label': t('reportLabel', { name }), onclick: (e) => th._dialogs.report(c, e.currentTarget) }, t('report')));
      }
    }
    if (c.mine && c.canEdit) {
      bar.appendChild(h('button', { type: 'button', class: 'link', onclick: (e) => th._compose.edit(c, li, e.currentTarget) }, t('edit')));
    }
    if (c.mine) {
      bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-haspopup': 'dialog',
        onclick: (e) => this.remove(c, li, e.currentTarget) }, t('del')));
    }
    return bar;
  }

  /** The reader's own comment, deleted after they confirm. */
  async remove(c, li, btn) {
    const th = this.thread;
    if (!await th._dialogs.confirm(th.t('confirmDelete'), th.t('del'), btn)) return;
    try {
      await th._api.call('DELETE', `comments/${seg(c.id)}${query({ site: th._site })}`, { auth: th._auth, needsToken: true });
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      if (c.status === 'published') th._setTotal(Math.max(0, (th._total || 1) - 1));
      th._say(th.t('deletedOwn'));
      (next ? next.querySelector('article') : th._heading).focus();
    } catch (e) {
      th._fail(e);
    }
  }

  /** Likes the comment, or takes the like back. */
  async react(c, btn) {
    const th = this.thread, on = !c.reacted;
    try {
      await th._dialogs.ensureReader(btn);
      const r = await th._api.call(on ? 'POST' : 'DELETE', `comments/${seg(c.id)}/reactions${query({ site: th._site })}`,
        { auth: th._auth, needsToken: true });
      c.reacted = r.data && r.data.reacted != null ? r.data.reacted : on;
      c.reactions = r.data && r.data.reactions != null ? r.data.reactions : c.reactions + (on ? 1 : -1);
      btn.setAttribute('aria-pressed', String(c.reacted));
      btn.textContent = `${th.t('like')} · ${c.reactions}`;
      btn.setAttribute('aria-label', th.t('likeLabel', { name: c.author.name, n: c.reactions }));
    } catch (e) {
      th._fail(e);
    }
  }

  lang() {
    return this.thread.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  /** "just now", "3 minutes ago", … in the reader's language. */
  ago(iso) {
    if (!iso) return '';
    const s = (Date.now() - new Date(iso).getTime()) / 1000;
    if (s < 45) return this.thread.t('justNow');
    const [unit, seconds] = UNITS.find(([, secs]) => s >= secs) || UNITS[UNITS.length - 1];
    try {
      return new Intl.RelativeTimeFormat(this.lang(), { numeric: 'auto' }).format(-Math.round(s / seconds), unit);
    } catch {
      return new Date(iso).toLocaleDateString();
    }
  }
}
