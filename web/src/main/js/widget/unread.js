/**
 * "New since your last visit": this browser remembers per site and article (localStorage) the
 * newest comment it showed the reader, in the server's time. On the next visit, comments written
 * after it by others are marked (a "New" badge, which screen readers read with the comment) and a
 * button above the thread says how many of the comments on the page are new and jumps to the first.
 * A first visit marks nothing.
 */
import { h } from '../shared/dom.js';

function read(key) {
  try {
    return Number(localStorage.getItem(key)) || 0;
  } catch {
    return 0;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    /* storage disabled: every visit is a first visit */
  }
}

export class Unread {
  /** @param thread the <parley-comments> element */
  constructor(thread) {
    this.thread = thread;
    this.key = `parley.seen.${thread._site}.${thread._key}`;
    /** The newest comment time of the last visit (ms), 0 on a first visit. */
    this.since = read(this.key);
    this.newest = this.since;
    this.button = h('button', { type: 'button', class: 'link jump-new', hidden: true, onclick: () => this.jump() });
    this.scheduled = false;
  }

  /** Marks the list item of `c` when it is new to this reader, and remembers that the reader saw it. */
  mark(li, c) {
    const at = Date.parse(c.createdAt) || 0;
    if (at > this.newest) this.newest = at;
    if (this.since && at > this.since && !c.mine && !c.tombstone) {
      li.classList.add('unread');
      const meta = li.querySelector(':scope > article > .meta');
      if (meta) meta.appendChild(h('span', { class: 'badge unread-badge' }, this.thread.t('newBadge')));
    }
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.update());
    }
  }

  /** Counts the new comments on the page, and remembers the newest comment shown. */
  update() {
    this.scheduled = false;
    const n = this.thread._list.querySelectorAll('li.c.unread').length;
    this.button.hidden = n === 0;
    this.button.textContent = n === 1 ? this.thread.t('unread1') : this.thread.t('unread', { n });
    write(this.key, this.newest || Date.now());
  }

  /** Scrolls to the first new comment and moves focus to it. */
  jump() {
    const first = this.thread._list.querySelector('li.c.unread > article');
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
}
