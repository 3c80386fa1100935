/** "Show more replies": the next page of replies below a top-level comment, placed as its own replies would be. */
import { h } from '../shared/dom.js';
import { query, seg } from '../shared/http.js';
import { normalisePage } from './model.js';

/**
 * The button under `li` (the comment `c`) that loads the page of replies at `cursor`. Its `load`
 * property does the same as a click and resolves when the replies are shown; `quiet` leaves the
 * focus where it is (a permalink looks for a reply further down).
 */
export function moreRepliesButton(thread, c, li, cursor) {
  const load = async (quiet) => {
    if (btn.disabled) return;
    btn.disabled = true;
    try {
      const r = await thread._api.call('GET', `comments/${seg(c.id)}/replies${query({ site: thread._site, cursor })}`,
        { auth: thread._auth });
      const page = normalisePage(r.data), target = thread._replyTarget(li), tmp = h('ol');
      thread._renderTree(tmp, page.comments, target.depth, c);
      const first = tmp.firstChild;
      while (tmp.firstChild) target.list.insertBefore(tmp.firstChild, target.before);
      btn.remove();
      if (page.nextCursor) li.appendChild(moreRepliesButton(thread, c, li, page.nextCursor));
      if (first && !quiet) first.querySelector('article').focus();
    } catch (e) {
      btn.disabled = false;
      thread._fail(e);
    }
  };
  const btn = h('button', { type: 'button', class: 'link more-replies', onclick: () => load(false) },
    thread.t('moreReplies', { name: c.author.name || '' }));
  btn.load = load;
  return btn;
}
