/**
 * Permalinks: `#parley-c-<id>` in the page's address opens the thread at that comment, wherever it
 * is: on a later page, or a reply behind "show more replies". The widget asks the server the way to
 * it (`GET comments/{id}/context`: its top-level comment and ancestors), loads a few more pages to
 * find that top-level comment where it belongs (else shows it first), pages in its replies until
 * the comment is there, then scrolls to it, highlights it and moves focus to it. A comment that
 * cannot be found (deleted, not published) is said so.
 */
import { query, seg } from '../shared/http.js';
import { normaliseComment } from './model.js';

/** Pages of top-level comments loaded to find a linked comment's thread in its place. */
const MAX_PAGES = 5;
/** Pages of replies (50 each) loaded below a top-level comment to reach a linked reply. */
const MAX_REPLY_PAGES = 40;

/** The comment id a page address points at, or null (`#parley-comment-<id>`, as early mails wrote it, too). */
export function linkedId(hash) {
  const m = /^#parley-(?:c|comment)-([\w-]{1,64})$/.exec(hash || '');
  return m ? m[1] : null;
}

function shown(thread, id) {
  return thread._list.querySelector(`li.c[data-id="${CSS.escape(String(id))}"]`);
}

/** Loads what is needed to show comment `id`; resolves to its list item, or null. */
async function reveal(thread, id) {
  let way;
  try {
    way = (await thread._api.call('GET', `comments/${seg(id)}/context${query({ site: thread._site })}`, { auth: thread._auth })).data;
  } catch {
    return null;
  }
  const rootId = way.ancestors && way.ancestors.length ? way.ancestors[0] : way.id;
  const top = () => thread._list.querySelector(`:scope > li.c[data-id="${CSS.escape(String(rootId))}"]`);
  let root = top();
  for (let pages = 0; !root && thread._cursor && pages < MAX_PAGES; pages++) {
    await thread._loadMore(true);
    root = top();
  }
  if (!root && way.root) root = thread._placeLinked(normaliseComment(way.root));
  for (let pages = 0; root && !shown(thread, id) && pages < MAX_REPLY_PAGES; pages++) {
    const more = root.querySelector(':scope > button.more-replies');
    if (!more || !more.load) break;
    await more.load(true);
    if (root.querySelector(':scope > button.more-replies') === more) break;
  }
  return shown(thread, id);
}

/** Shows the comment `id` of `thread`, loading what it needs; resolves to whether it was found. */
export async function goToComment(thread, id) {
  const li = shown(thread, id) || await reveal(thread, id);
  if (!li) {
    thread._say(thread.t('linkMissing'));
    return false;
  }
  thread._list.querySelectorAll('li.c.target').forEach((n) => n.classList.remove('target'));
  li.classList.add('target');
  const art = li.querySelector(':scope > article');
  art.scrollIntoView({ block: 'center' });
  art.focus({ preventScroll: true });
  return true;
}
