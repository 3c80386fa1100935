/** One comment of the thread as a list item: author, time, badges, the sanitised body and its actions. */
import { h, nextId, setSanitizedHtml } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { avatar } from './avatar.js';

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
    if (c.status === 'held' && c.mine) th._heldOwn.add(String(c.id));
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
      avatar(c.author, th._settings.imagesAllowed),
      h('span', { class: 'author', id: nameId }, c.author.name),
      replyingTo ? h('span', null, t('replyingTo', { name: replyingTo })) : null,
      // The time is the comment's permalink (#parley-c-<id>: the widget scrolls to it and highlights it).
      h('a', { class: 'permalink', href: `${location.href.split('#')[0]}#parley-c-${c.id}`, title: t('permalink') },
        h('time', { datetime: c.createdAt, title: c.createdAt ? new Date(c.createdAt).toLocaleString(this.lang()) : null }, this.ago(c.createdAt))),
      c.editedAt ? h('span', null, `(${t('edited')})`) : null,
      c.featured ? h('span', { class: 'badge', title: t('featuredBy') }, t('featured')) : null,
      c.status === 'held' ? h('span', { class: 'badge heldBadge' }, t('heldBadge')) : null);
    li.appendChild(h('article', { 'aria-labelledby': nameId, tabindex: '-1' }, meta, body,
      c.status === 'held' ? h('p', { class: 'hint' }, t('held')) : null, this.actions(c, li)));
    th._unread.mark(li, c);
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
        const done = this.reported(c.id);
        bar.appendChild(h('button', { type: 'button', class: 'link', 'aria-haspopup': done ? null : 'dialog', disabled: done,
          'aria-label': t(done ? 'reportedLabel' : 'reportLabel', { name }), onclick: (e) => th._dialogs.report(c, e.currentTarget) },
        t(done ? 'reportedBtn' : 'report')));
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

  /** Whether this browser reported comment `id` (remembered per site: a second report is refused anyway). */
  reported(id, set) {
    const memory = this.thread._memory, ids = memory.remembered('reported').split(',').filter(Boolean);
    if (set && !ids.includes(String(id))) memory.remembered('reported', [...ids.slice(-199), id].join(','));
    return set || ids.includes(String(id));
  }

  /** A message about one comment, shown under it (and read out: role status); `err` for a failure. */
  note(li, msg, err) {
    if (!li) return;
    const art = li.querySelector(':scope > article');
    let box = art.querySelector(':scope > .note');
    if (!box) box = art.appendChild(h('p', { class: 'note', role: 'status' }));
    box.classList.toggle('err', !!err);
    box.textContent = msg;
  }

  /**
   * The reader's own held comment `id` was decided: approved, it shows as published; rejected (or
   * removed), it stays for its author with a word under it (with the moderator's reason when the
   * server gave one, in the reader's language), and is gone at the next reload.
   */
  decided(id, status = 'published', reason = null) {
    const th = this.thread, li = th._list.querySelector(`li.held[data-id="${CSS.escape(String(id))}"]`);
    th._heldOwn.delete(String(id));
    if (!li) return false;
    li.classList.remove('held');
    if (status !== 'published') {
      li.classList.add('declined');
      li.querySelectorAll(':scope > article > .meta .badge.heldBadge, :scope > article > .hint, :scope > article > .actions').forEach((n) => n.remove());
      this.note(li, reason ? th.t('rejectedWhy', { reason }) : th.t('rejectedOwn'));
      return true;
    }
    li.querySelectorAll(':scope > article > .meta .badge.heldBadge, :scope > article > .hint').forEach((n) => n.remove());
    this.note(li, th.t('approvedOwn'));
    return true;
  }

  /** Asks what became of the reader's own held comments (an approval also arrives live). */
  async askHeld() {
    const th = this.thread;
    if (!th._heldOwn.size || document.visibilityState === 'hidden' || !th._auth.token()) return;
    for (const id of [...th._heldOwn]) {
      try {
        const r = await th._api.call('GET', `comments/${seg(id)}/status${query({ site: th._site })}`, { auth: th._auth, needsToken: true });
        const status = r.data && r.data.status;
        if (status && status !== 'held') this.decided(id, status, r.data.reason || null);
      } catch (e) {
        if (e && e.status === 404) th._heldOwn.delete(id);
      }
    }
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
      if (e) this.note(btn.closest('li'), e.status ? e.message : th.t('error'), true);
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
